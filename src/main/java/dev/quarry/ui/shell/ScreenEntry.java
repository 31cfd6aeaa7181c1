package dev.quarry.ui.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

import java.util.function.Supplier;

/**
 * One screen of the navigation: its id (see {@code Screens}), its title, its icon, and how to build
 * its view (called once, the first time it is shown). {@code needsCase} screens are disabled until a
 * case is open.
 */
public record ScreenEntry(String id, String title, Ikon icon, boolean needsCase, Supplier<Node> view) {
}
