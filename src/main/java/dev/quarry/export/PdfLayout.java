package dev.quarry.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flows text, tables and bar charts down A4 pages, starting a new page when one is full. Text from
 * the case is drawn as plain glyphs (a PDF has no markup to inject into); characters the built-in
 * Helvetica cannot show are drawn as '?', and the CSV packet keeps the exact values.
 */
final class PdfLayout {

    private static final float MARGIN = 50;
    private static final float BODY = 9;
    private static final float LEADING = 1.3f;

    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream content;
    private float y;
    private int pages;

    PdfLayout(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        pages++;
        text(regular, 7, MARGIN, MARGIN / 2, "Quarry evidence packet, page " + pages);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void finish() throws IOException {
        content.close();
        content = null;
    }

    void title(String text) throws IOException {
        for (String line : wrap(bold, 14, text, width)) {
            need(14 * LEADING);
            y -= 14 * LEADING;
            text(bold, 14, MARGIN, y, line);
        }
        y -= 4;
    }

    void heading(String text) throws IOException {
        need(3 * 11 * LEADING);
        y -= 11 * LEADING;
        text(bold, 11, MARGIN, y, safe(text));
        y -= 2;
    }

    void keyValue(String key, String value) throws IOException {
        float keyWidth = 90;
        List<String> lines = wrap(regular, BODY, value, width - keyWidth);
        for (int i = 0; i < lines.size(); i++) {
            line();
            if (i == 0) {
                text(bold, BODY, MARGIN, y, key);
            }
            text(regular, BODY, MARGIN + keyWidth, y, lines.get(i));
        }
    }

    void paragraph(String text) throws IOException {
        for (String line : wrap(regular, BODY, text, width)) {
            line();
            text(regular, BODY, MARGIN, y, line);
        }
    }

    void bullet(String text) throws IOException {
        List<String> lines = wrap(regular, BODY, text, width - 12);
        for (int i = 0; i < lines.size(); i++) {
            line();
            if (i == 0) {
                text(regular, BODY, MARGIN + 2, y, "-");
            }
            text(regular, BODY, MARGIN + 12, y, lines.get(i));
        }
    }

    void gap() {
        y -= BODY;
    }

    /** A table with a bold header repeated on each page; cells wrap within their column. */
    void table(String[] header, float[] shares, List<String[]> rows) throws IOException {
        float[] columns = new float[shares.length];
        for (int i = 0; i < shares.length; i++) {
            columns[i] = shares[i] * width;
        }
        tableRow(bold, header, columns);
        for (String[] row : rows) {
            int lines = 1;
            for (int i = 0; i < row.length; i++) {
                lines = Math.max(lines, wrap(regular, BODY, row[i], columns[i] - 4).size());
            }
            if (y - lines * BODY * LEADING - 2 < MARGIN) {
                newPage();
                tableRow(bold, header, columns);
            }
            tableRow(regular, row, columns);
        }
    }

    private void tableRow(PDType1Font font, String[] cells, float[] columns) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> cell = wrap(font, BODY, cells[i], columns[i] - 4);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        need(lines * BODY * LEADING);
        for (int line = 0; line < lines; line++) {
            y -= BODY * LEADING;
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                if (line < wrapped.get(i).size()) {
                    text(font, BODY, x, y, wrapped.get(i).get(line));
                }
                x += columns[i];
            }
        }
        y -= 2;
    }

    /** Bars of {@code perDay} over every day from {@code firstDay} to {@code lastDay} (epoch days), with the scale. */
    void chart(TreeMap<LocalDate, Long> perDay, long firstDay, long lastDay) throws IOException {
        if (perDay.isEmpty() || firstDay > lastDay) {
            paragraph("No requests.");
            return;
        }
        float height = 110;
        need(height + 3 * BODY * LEADING);
        long max = perDay.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int days = (int) (lastDay - firstDay + 1);
        float left = MARGIN + 40;
        float chartWidth = width - 40;
        float bar = chartWidth / days;
        float bottom = y - height;
        content.setStrokingColor(0.6f, 0.6f, 0.6f);
        content.moveTo(left, bottom);
        content.lineTo(left + chartWidth, bottom);
        content.moveTo(left, bottom);
        content.lineTo(left, y);
        content.stroke();
        content.setNonStrokingColor(0.72f, 0.16f, 0.12f);
        for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
            long index = day.getKey().toEpochDay() - firstDay;
            float barHeight = (float) (height * day.getValue() / (double) max);
            content.addRect(left + index * bar + bar * 0.1f, bottom, Math.max(0.5f, bar * 0.8f), barHeight);
        }
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        text(regular, 7, MARGIN, y - 7, String.format(Locale.ROOT, "%,d", max));
        text(regular, 7, MARGIN, bottom, "0");
        text(regular, 7, left, bottom - 9, LocalDate.ofEpochDay(firstDay).toString());
        String last = LocalDate.ofEpochDay(lastDay).toString();
        text(regular, 7, left + chartWidth - regular.getStringWidth(last) / 1000 * 7, bottom - 9, last);
        y = bottom - 12;
    }

    private void line() throws IOException {
        need(BODY * LEADING);
        y -= BODY * LEADING;
    }

    private void need(float space) throws IOException {
        if (y - space < MARGIN) {
            newPage();
        }
    }

    private void text(PDType1Font font, float size, float x, float baseline, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(safe(text));
        content.endText();
    }

    /** Greedy word wrap; a word longer than the width (an id, a hash) is cut where it overflows. */
    private List<String> wrap(PDType1Font font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : safe(text).split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            while (width(font, size, word) > maxWidth && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && width(font, size, word.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            current.append(word);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(canDraw(c) ? c : '?'));
        return out.toString();
    }

    private boolean canDraw(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        return drawable.computeIfAbsent(codePoint, c -> {
            try {
                regular.encode(new String(Character.toChars(c)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }
}
