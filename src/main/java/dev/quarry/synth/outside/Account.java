package dev.quarry.synth.outside;

/** One account (for Bedrock, one IAM caller) and its habits. Built once per run. */
final class Account {
    final int index;
    final OutsideKind kind;
    final Group group;

    String id;
    String email = "";
    String card = "";
    String bin = "";
    String billingCountry = "";
    String signupIp = "";
    String plan = "free";
    long createdAt;
    String orgId = "";
    String[] apiKeys = new String[0];
    String arn = "";
    String awsAccount = "";

    Geography.Country country;
    int offsetMinutes;
    Geography.Network home;
    long homeKey;
    int[] topics = {0};
    Catalog.Model model = Catalog.STANDARD;
    /** Minutes after the release this account first uses the new model; negative: not in this window. */
    int adoptMinutes = -1;
    String userAgent = Catalog.SDKS.get(0);
    double browserShare;
    double activity = 1;
    int preferredHour = 20;
    int dailyQuota = 200;
    int slice;
    boolean scripts;
    boolean hardNegative;
    /** Share of days an account works when it keeps a schedule of its own (a split-sweep farm's accounts). */
    double dayShare = 1;
    /**
     * Window days this account works for its farm: a wave farm's account lives a few days; a
     * compromised account is taken over on {@code firstDay} after its owner's own history.
     */
    int firstDay;
    int lastDay = Integer.MAX_VALUE;

    Account(int index, OutsideKind kind, Group group) {
        this.index = index;
        this.kind = kind;
        this.group = group;
        this.hardNegative = kind.hardNegative();
    }

    /** The key used on the wire for this account: the caller ARN in Bedrock logs, the account id elsewhere. */
    String key(OutsideFormat format) {
        return format == OutsideFormat.BEDROCK ? arn : id;
    }
}
