package dev.quarry.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flows text, tables and charts down A4 pages, starting a new page when one is full, and keeps the
 * sections for the table of contents and the bookmarks. Text from the case is drawn as glyphs (a PDF
 * has no markup to inject into) through {@link PdfText}. Page numbers ("n of N") are drawn once the
 * number of pages is known.
 */
final class PdfLayout {

    private static final float MARGIN = 50;
    private static final float BODY = 9;
    private static final float LEADING = 1.3f;

    private record Section(String title, PDPage page, int pageNumber, boolean top) {
    }

    private final PDDocument document;
    private final PdfText text;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private final List<Section> sections = new ArrayList<>();
    private PDPage tocPage;
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    PdfLayout(PDDocument document, PdfText text) throws IOException {
        this.document = document;
        this.text = text;
        newPage();
    }

    PdfText text() {
        return text;
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Keeps the next page for the table of contents, drawn by {@link #finish}. */
    void reserveContentsPage() throws IOException {
        newPage();
        tocPage = page;
    }

    /** Starts a section on a new page: a title, a bookmark and a line in the contents. */
    void section(String title, boolean top) throws IOException {
        if (top) {
            newPage();
        } else {
            need(4 * 14 * LEADING);
        }
        sections.add(new Section(title, page, document.getPages().indexOf(page) + 1, top));
        if (top) {
            title(title);
        } else {
            heading(title);
        }
    }

    void finish(String footer) throws IOException {
        content.close();
        content = null;
        int total = document.getNumberOfPages();
        if (tocPage != null) {
            try (PDPageContentStream toc = new PDPageContentStream(document, tocPage, PDPageContentStream.AppendMode.APPEND, true)) {
                float line = PDRectangle.A4.getHeight() - MARGIN - 14 * LEADING;
                draw(toc, "Contents", true, 14, MARGIN, line);
                line -= 10;
                for (Section section : sections) {
                    line -= BODY * LEADING * (section.top() ? 1.4f : 1);
                    if (line < MARGIN) {
                        break;
                    }
                    float indent = section.top() ? 0 : 14;
                    draw(toc, section.title(), section.top(), BODY, MARGIN + indent, line);
                    String number = Integer.toString(section.pageNumber());
                    draw(toc, number, false, BODY, MARGIN + width - text.width(number, false, BODY), line);
                }
            }
        }
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem parent = null;
        for (Section section : sections) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(section.title());
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(section.page());
            item.setDestination(destination);
            if (section.top() || parent == null) {
                outline.addLast(item);
                parent = item;
            } else {
                parent.addLast(item);
            }
        }
        outline.openNode();
        document.getDocumentCatalog().setDocumentOutline(outline);
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String number = String.format(Locale.ROOT, "%d of %d", i + 1, total);
                draw(foot, footer, false, 7, MARGIN, MARGIN / 2);
                draw(foot, number, false, 7, MARGIN + width - text.width(number, false, 7), MARGIN / 2);
            }
        }
    }

    void title(String line) throws IOException {
        for (String part : wrap(true, 14, line, width)) {
            need(14 * LEADING);
            y -= 14 * LEADING;
            draw(content, part, true, 14, MARGIN, y);
        }
        y -= 4;
    }

    void heading(String line) throws IOException {
        need(3 * 11 * LEADING);
        y -= 11 * LEADING;
        draw(content, line, true, 11, MARGIN, y);
        y -= 2;
    }

    void keyValue(String key, String value) throws IOException {
        float keyWidth = 110;
        List<String> lines = wrap(false, BODY, value, width - keyWidth);
        for (int i = 0; i < lines.size(); i++) {
            line();
            if (i == 0) {
                draw(content, key, true, BODY, MARGIN, y);
            }
            draw(content, lines.get(i), false, BODY, MARGIN + keyWidth, y);
        }
    }

    void paragraph(String value) throws IOException {
        for (String line : wrap(false, BODY, value, width)) {
            line();
            draw(content, line, false, BODY, MARGIN, y);
        }
    }

    void strong(String value) throws IOException {
        for (String line : wrap(true, 12, value, width)) {
            need(12 * LEADING);
            y -= 12 * LEADING;
            draw(content, line, true, 12, MARGIN, y);
        }
    }

    void bullet(String value) throws IOException {
        List<String> lines = wrap(false, BODY, value, width - 12);
        for (int i = 0; i < lines.size(); i++) {
            line();
            if (i == 0) {
                draw(content, "•", false, BODY, MARGIN + 2, y);
            }
            draw(content, lines.get(i), false, BODY, MARGIN + 12, y);
        }
    }

    /** {@link #bullet} for lambdas, which cannot throw IOException. */
    void bulletUnchecked(String value) {
        try {
            bullet(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void gap() {
        y -= BODY;
    }

    /** A table with a bold header repeated on each page; cells wrap within their column, no row is left out. */
    void table(String[] header, float[] shares, List<String[]> rows) throws IOException {
        float[] columns = new float[shares.length];
        for (int i = 0; i < shares.length; i++) {
            columns[i] = shares[i] * width;
        }
        tableRow(true, header, columns);
        for (String[] row : rows) {
            int lines = 1;
            for (int i = 0; i < row.length; i++) {
                lines = Math.max(lines, wrap(false, BODY, row[i], columns[i] - 4).size());
            }
            if (y - lines * BODY * LEADING - 2 < MARGIN) {
                newPage();
                tableRow(true, header, columns);
            }
            tableRow(false, row, columns);
        }
    }

    private void tableRow(boolean strong, String[] cells, float[] columns) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> cell = wrap(strong, BODY, cells[i], columns[i] - 4);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        need(lines * BODY * LEADING);
        for (int line = 0; line < lines; line++) {
            y -= BODY * LEADING;
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                if (line < wrapped.get(i).size()) {
                    draw(content, wrapped.get(i).get(line), strong, BODY, x, y);
                }
                x += columns[i];
            }
        }
        y -= 2;
    }

    /** Bars of requests per day over every day from {@code firstDay} to {@code lastDay} (epoch days), vector drawn. */
    void timeline(TreeMap<Long, Long> perDay, long firstDay, long lastDay) throws IOException {
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
        for (Map.Entry<Long, Long> day : perDay.entrySet()) {
            long index = day.getKey() - firstDay;
            float barHeight = (float) (height * day.getValue() / (double) max);
            content.addRect(left + index * bar + bar * 0.1f, bottom, Math.max(0.5f, bar * 0.8f), barHeight);
        }
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        draw(content, String.format(Locale.ROOT, "%,d", max), false, 7, MARGIN, y - 7);
        draw(content, "0", false, 7, MARGIN, bottom);
        draw(content, LocalDate.ofEpochDay(firstDay).toString(), false, 7, left, bottom - 9);
        String last = LocalDate.ofEpochDay(lastDay).toString();
        draw(content, last, false, 7, left + chartWidth - text.width(last, false, 7), bottom - 9);
        y = bottom - 14;
    }

    /** Hour of day (rows, 0 at the top) by day (columns): darker cells carry more requests. */
    void heatmap(long[][] counts, long firstDay) throws IOException {
        int days = counts.length;
        if (days == 0) {
            paragraph("No requests.");
            return;
        }
        float cellHeight = 4.5f;
        float height = 24 * cellHeight;
        need(height + 3 * BODY * LEADING);
        float left = MARGIN + 40;
        float cellWidth = (width - 40) / days;
        long max = 1;
        for (long[] day : counts) {
            for (long hour : day) {
                max = Math.max(max, hour);
            }
        }
        float top = y;
        for (int d = 0; d < days; d++) {
            for (int h = 0; h < 24; h++) {
                float share = (float) Math.sqrt(counts[d][h] / (double) max);
                content.setNonStrokingColor(1f - 0.3f * share, 1f - 0.85f * share, 1f - 0.9f * share);
                content.addRect(left + d * cellWidth, top - (h + 1) * cellHeight, cellWidth, cellHeight);
                content.fill();
            }
        }
        content.setStrokingColor(0.6f, 0.6f, 0.6f);
        content.addRect(left, top - height, cellWidth * days, height);
        content.stroke();
        content.setNonStrokingColor(0f, 0f, 0f);
        draw(content, "00h", false, 7, MARGIN, top - 7);
        draw(content, "12h", false, 7, MARGIN, top - 12 * cellHeight - 3);
        draw(content, "23h", false, 7, MARGIN, top - height + 1);
        draw(content, LocalDate.ofEpochDay(firstDay).toString(), false, 7, left, top - height - 9);
        String last = LocalDate.ofEpochDay(firstDay + days - 1).toString();
        draw(content, last, false, 7, left + cellWidth * days - text.width(last, false, 7), top - height - 9);
        y = top - height - 14;
    }

    /**
     * A picture of a campaign's account graph: the shared values on an inner ring, the members on an
     * outer ring in a fixed order, a line for each member that used a value. Same input, same picture.
     */
    void accountGraph(List<String> members, List<CampaignEvidence.SharedValue> shared) throws IOException {
        float size = 220;
        need(size + 2 * BODY * LEADING);
        float cx = MARGIN + width / 2;
        float cy = y - size / 2;
        float outer = size / 2 - 6;
        float inner = size / 5;
        Map<String, float[]> at = new java.util.HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            double angle = 2 * Math.PI * i / members.size();
            at.put(members.get(i), new float[] {cx + outer * (float) Math.cos(angle), cy + outer * (float) Math.sin(angle)});
        }
        content.setStrokingColor(0.55f, 0.6f, 0.75f);
        content.setLineWidth(members.size() > 500 ? 0.1f : 0.3f);
        int values = shared.size();
        List<float[]> hubs = new ArrayList<>();
        for (int v = 0; v < values; v++) {
            double angle = 2 * Math.PI * v / Math.max(1, values);
            float[] hub = {cx + inner * (float) Math.cos(angle), cy + inner * (float) Math.sin(angle)};
            hubs.add(hub);
            for (String member : shared.get(v).members()) {
                float[] point = at.get(member);
                if (point != null) {
                    content.moveTo(hub[0], hub[1]);
                    content.lineTo(point[0], point[1]);
                }
            }
        }
        content.stroke();
        content.setLineWidth(1f);
        content.setNonStrokingColor(0.72f, 0.16f, 0.12f);
        float dot = members.size() > 500 ? 0.8f : 1.6f;
        for (float[] point : at.values()) {
            content.addRect(point[0] - dot / 2, point[1] - dot / 2, dot, dot);
        }
        content.fill();
        content.setNonStrokingColor(0.1f, 0.25f, 0.55f);
        for (float[] hub : hubs) {
            content.addRect(hub[0] - 2, hub[1] - 2, 4, 4);
        }
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        y -= size + 4;
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

    private void draw(PDPageContentStream stream, String line, boolean strong, float size, float x, float baseline)
            throws IOException {
        if (line == null || line.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.newLineAtOffset(x, baseline);
        for (PdfText.Run run : text.runs(line, strong)) {
            stream.setFont(run.font(), size);
            stream.showText(run.text());
        }
        stream.endText();
    }

    /** Greedy word wrap on the logical text; a word longer than the width (an id, a hash) is cut where it overflows. */
    private List<String> wrap(boolean strong, float size, String value, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        if (value == null) {
            lines.add("");
            return lines;
        }
        for (String paragraph : value.replace("\r", "").split("\n")) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.replace('\t', ' ').split(" ")) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (text.width(candidate, strong, size) <= maxWidth) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                while (text.width(word, strong, size) > maxWidth && word.codePointCount(0, word.length()) > 1) {
                    int cut = word.offsetByCodePoints(word.length(), -1);
                    while (cut > 1 && text.width(word.substring(0, cut), strong, size) > maxWidth) {
                        cut = word.offsetByCodePoints(cut, -1);
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                current.append(word);
            }
            lines.add(current.toString());
        }
        return lines;
    }
}
