package dev.quarry.ui.session;

/** The ids of the screens, for navigation through {@link CaseSession#screenProperty()}. */
public final class Screens {
    public static final String START = "start";
    public static final String OVERVIEW = "overview";
    public static final String ACCOUNTS = "accounts";
    public static final String ACCOUNT = "account";
    public static final String CAMPAIGN = "campaign";
    public static final String RUNS = "runs";
    public static final String EXPORT = "export";
    public static final String GRAPH = "graph";
    public static final String CAMPAIGN_GRAPH = "campaign-graph";
    public static final String TIMELINE = "timeline";
    public static final String MAP = "map";
    public static final String IMPORT = "import";

    private Screens() {
    }
}
