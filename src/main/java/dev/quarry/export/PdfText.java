package dev.quarry.export;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts of the PDF packet and how text is put into them. Fonts are bundled (DejaVu Sans for Latin,
 * Greek, Cyrillic, Hebrew, Arabic and symbols; Droid Sans Fallback, a glyf TrueType font, for CJK) and
 * embedded as subsets. Each code point is drawn with the first font whose cmap has it; one that no
 * font has is drawn as U+FFFD, a visible placeholder, and counted. Right-to-left runs are shaped
 * (Arabic letters joined into their contextual forms) and put in visual order with ICU4J, because
 * PDFBox draws glyphs as given.
 */
final class PdfText {

    static final int PLACEHOLDER = 0xFFFD;
    private static final String FONTS = "/dev/quarry/export/fonts/";

    /** A run of text drawn with one font. */
    record Run(PDType0Font font, String text) {
    }

    private final PDType0Font[] regular;
    private final PDType0Font[] bold;
    private final CmapLookup[] cmaps;
    private long missingGlyphs;

    PdfText(PDDocument document) throws IOException {
        TrueTypeFont dejaVu = load("DejaVuSans.ttf");
        TrueTypeFont dejaVuBold = load("DejaVuSans-Bold.ttf");
        TrueTypeFont droid = load("DroidSansFallbackFull.ttf");
        regular = new PDType0Font[] {PDType0Font.load(document, dejaVu, true), PDType0Font.load(document, droid, true)};
        bold = new PDType0Font[] {PDType0Font.load(document, dejaVuBold, true), regular[1]};
        cmaps = new CmapLookup[] {dejaVu.getUnicodeCmapLookup(), droid.getUnicodeCmapLookup()};
    }

    private static TrueTypeFont load(String name) throws IOException {
        try (InputStream in = PdfText.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IOException("the bundled font " + name + " is missing from this Quarry build");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }

    /** Characters drawn as the placeholder so far, because no bundled font has them. */
    long missingGlyphs() {
        return missingGlyphs;
    }

    /** A line of logical text as runs of one font each, shaped and in visual order. */
    List<Run> runs(String line, boolean strong) {
        String visual = visualOrder(line);
        PDType0Font[] fonts = strong ? bold : regular;
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentFont = -1;
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) {
                continue; // controls, joiners and variation selectors have no glyph of their own
            }
            int font = fontFor(cp);
            if (font < 0) {
                missingGlyphs++;
                cp = PLACEHOLDER;
                font = 0;
            }
            if (font != currentFont && current.length() > 0) {
                runs.add(new Run(fonts[currentFont], current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(fonts[currentFont], current.toString()));
        }
        return runs;
    }

    float width(String line, boolean strong, float size) throws IOException {
        float width = 0;
        long before = missingGlyphs;
        for (Run run : runs(line, strong)) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        missingGlyphs = before; // measuring is not drawing
        return width;
    }

    private int fontFor(int codePoint) {
        for (int i = 0; i < cmaps.length; i++) {
            if (cmaps[i].getGlyphId(codePoint) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Arabic shaped into presentation forms, then the whole line reordered for display (left to right). */
    static String visualOrder(String logical) {
        boolean rightToLeft = logical.codePoints().anyMatch(cp -> {
            byte direction = Character.getDirectionality(cp);
            return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
        if (!rightToLeft) {
            return logical;
        }
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL)
                    .shape(logical);
        } catch (ArabicShapingException e) {
            shaped = logical; // unshaped letters are still the right letters
        }
        Bidi bidi = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
    }
}
