package dev.quarry.model;

/** The version stored with every import and analysis run, so results can be traced to the code that made them. */
public final class QuarryVersion {
    public static final String VERSION = "0.1.0";

    private QuarryVersion() {
    }
}
