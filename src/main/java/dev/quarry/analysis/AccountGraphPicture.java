package dev.quarry.analysis;

import dev.quarry.graph.GraphPicture;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The account graph as the view shows it (families shown, weight threshold), drawn for export and
 * for the evidence packet: nodes coloured by campaign, sized by volume, attribute nodes dark;
 * edges coloured by family.
 */
public final class AccountGraphPicture {
    private AccountGraphPicture() {
    }

    public static int familyColour(LinkFamily family) {
        return switch (family) {
            case BILLING -> 0xD62728;
            case NETWORK -> 0x1F77B4;
            case CLIENT -> 0x9467BD;
            case TEMPLATE -> 0x2CA02C;
            case TIMING -> 0xFF7F0E;
        };
    }

    /** Radius in pixels: grows with the square root of the requests, so area follows volume. */
    public static double radius(AccountGraph graph, int node) {
        return graph.isAttribute(node) ? 3.5 : 1.5 + Math.min(6, Math.sqrt(graph.volume(node)) / 12);
    }

    /** Whether an edge is drawn under the view's toggles and threshold. */
    public static boolean shown(AccountGraph graph, int edge, Set<LinkFamily> families, double minWeight) {
        return families.contains(graph.family(edge)) && graph.weight(edge) >= minWeight;
    }

    public static GraphPicture of(AccountGraph graph, Set<LinkFamily> families, double minWeight) {
        if (!graph.laidOut()) {
            throw new IllegalStateException("lay the graph out before drawing it");
        }
        int n = graph.nodeCount();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] r = new double[n];
        int[] colour = new int[n];
        boolean[] nodeVisible = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = graph.x(i);
            y[i] = graph.y(i);
            r[i] = radius(graph, i);
            colour[i] = graph.isAttribute(i) ? 0x333333 : GraphPicture.campaignColour(graph.campaign(i));
            nodeVisible[i] = true;
        }
        int m = graph.edgeCount();
        int[] from = new int[m];
        int[] to = new int[m];
        int[] edgeColour = new int[m];
        boolean[] edgeVisible = new boolean[m];
        for (int e = 0; e < m; e++) {
            from[e] = graph.from(e);
            to[e] = graph.to(e);
            edgeColour[e] = familyColour(graph.family(e));
            edgeVisible[e] = shown(graph, e, families, minWeight);
        }
        return new GraphPicture(x, y, r, colour, nodeVisible, from, to, edgeColour, edgeVisible);
    }

    public static void writePng(GraphPicture picture, Path file, int width, int height) throws IOException {
        if (!ImageIO.write(picture.image(width, height), "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java runtime for " + file);
        }
    }

    public static void writeSvg(GraphPicture picture, Path file, int width, int height) throws IOException {
        Files.writeString(file, picture.svg(width, height), StandardCharsets.UTF_8);
    }
}
