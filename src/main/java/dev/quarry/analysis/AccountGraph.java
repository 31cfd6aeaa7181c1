package dev.quarry.analysis;

import dev.quarry.analysis.primitives.ByteInterner;
import dev.quarry.analysis.primitives.IntList;
import dev.quarry.graph.ForceLayout;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph the account-graph view and the evidence packet draw, from what a run stored: for the
 * whole case, every account and the links between them; for one campaign, its members, the values
 * they share (as attribute nodes) and the timing links among them. Arrays, not objects, so the
 * view can draw tens of thousands of nodes and the layout can run on them directly.
 */
public final class AccountGraph {
    /** Campaign number of the whole case's graph. */
    public static final int WHOLE_CASE = -1;
    private static final LinkFamily[] FAMILIES = LinkFamily.values();
    /**
     * The fewest values of one kind the members rotate among that a campaign's graph draws as one
     * pool node (decision 0020): more than an analyst reads as separate nodes, and far more than the
     * handful of cards or clients a farm shares, which stay value by value.
     */
    public static final int POOL_MIN_VALUES = 16;

    private final long runId;
    private final int campaignId;
    private final String[] nodes;
    private final String[] labels;
    private final boolean[] attribute;
    private final int[] campaign;
    private final double[] risk;
    private final int[] volume;
    private final int[] from;
    private final int[] to;
    /** Per edge: its family's ordinal, weight, and the index of its shared value in {@link #sharedValues}. */
    private final byte[] family;
    private final double[] weight;
    private final int[] sharedValue;
    private final String[] sharedValues;
    private final int valuesInPools;
    private double[] x;
    private double[] y;

    private AccountGraph(long runId, int campaignId, Nodes n, Edges e) {
        this.runId = runId;
        this.campaignId = campaignId;
        this.nodes = n.keys.toArray(new String[0]);
        this.labels = n.labels.toArray(new String[0]);
        int size = nodes.length;
        this.attribute = java.util.Arrays.copyOf(n.attribute, size);
        this.campaign = n.campaign.toArray();
        this.risk = java.util.Arrays.copyOf(n.risk, size);
        this.volume = n.volume.toArray();
        this.from = e.from.toArray();
        this.to = e.to.toArray();
        this.family = new byte[from.length];
        for (int i = 0; i < from.length; i++) {
            family[i] = (byte) e.family.get(i);
        }
        this.weight = java.util.Arrays.copyOf(e.weight, from.length);
        this.sharedValue = e.sharedValue.toArray();
        this.sharedValues = e.sharedValues.toArray(new String[0]);
        this.valuesInPools = n.valuesInPools;
    }

    /** Every account of the run and every stored link between two of them. */
    public static AccountGraph ofCase(CaseFile caseFile, long runId) throws StoreException {
        Nodes n = accounts(caseFile, runId, null);
        Edges e = new Edges();
        // the family as a number and the ends and value as bytes: hundreds of thousands of rows, a String per cell would dominate
        readLinks(caseFile, runId, "SELECT account_a, account_b, " + FAMILY_NUMBER + ", weight, shared_value FROM run_links "
                + "WHERE run_id = ? ORDER BY rowid", query -> query.setLong(1, runId), n, e);
        return new AccountGraph(runId, WHOLE_CASE, n, e);
    }

    /**
     * A campaign's graph at its level of detail: values of one kind that the members rotate among
     * ({@link AttributePools}, at least {@link #POOL_MIN_VALUES} of them) drawn as one pool node.
     */
    public static AccountGraph ofCampaign(CaseFile caseFile, long runId, int campaignId) throws StoreException {
        return ofCampaign(caseFile, runId, campaignId, false);
    }

    /**
     * A campaign's members, the values two or more of them share, and the timing links among them:
     * only the campaign's rows are read (its attribute edges by the campaign index, its timing links
     * joined to its members), never the whole run's. Unless {@code everyValue}, the values members
     * rotate among are one pool node each, tied to each member that used any of them with the share
     * of the pool it used as the weight.
     */
    public static AccountGraph ofCampaign(CaseFile caseFile, long runId, int campaignId, boolean everyValue) throws StoreException {
        return ofCampaign(caseFile, runId, campaignId, everyValue ? Integer.MAX_VALUE : POOL_MIN_VALUES);
    }

    /** A campaign's graph pooling components of at least {@code minPoolValues} values. */
    static AccountGraph ofCampaign(CaseFile caseFile, long runId, int campaignId, int minPoolValues) throws StoreException {
        Nodes n = accounts(caseFile, runId, campaignId);
        Edges e = new Edges();
        ByteInterner values = new ByteInterner();
        IntList rowMember = new IntList();
        IntList rowValue = new IntList();
        String sql = "SELECT account_id, family || '|' || attribute || '|' || value FROM run_campaign_attributes "
                + "WHERE run_id = ? AND campaign_id = ? ORDER BY rowid";
        try (PreparedStatement query = caseFile.connection().prepareStatement(sql)) {
            query.setLong(1, runId);
            query.setInt(2, campaignId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    byte[] account = rs.getBytes(1);
                    int member = n.ids.find(account, 0, account.length);
                    if (member < 0) {
                        continue;
                    }
                    byte[] key = rs.getBytes(2);
                    rowMember.add(member);
                    rowValue.add(values.id(key, 0, key.length));
                }
            }
        } catch (SQLException ex) {
            throw new StoreException("cannot read the attribute edges of campaign " + campaignId + " of run " + runId + " in "
                    + caseFile.path() + ": " + ex.getMessage(), ex);
        }
        addAttributes(n, e, campaignId, values, rowMember.toArray(), rowValue.toArray(), minPoolValues);
        readLinks(caseFile, runId, "SELECT l.account_a, l.account_b, " + FAMILY_NUMBER + ", l.weight, l.shared_value FROM run_links l "
                        + "JOIN run_accounts a ON a.run_id = l.run_id AND a.account_id = l.account_a "
                        + "JOIN run_accounts b ON b.run_id = l.run_id AND b.account_id = l.account_b "
                        + "WHERE l.run_id = ? AND l.family = 'timing' AND a.campaign_id = ? AND b.campaign_id = ? ORDER BY l.rowid",
                query -> {
                    query.setLong(1, runId);
                    query.setInt(2, campaignId);
                    query.setInt(3, campaignId);
                }, n, e);
        return new AccountGraph(runId, campaignId, n, e);
    }

    /**
     * Attribute nodes (values, or pools of them) and member edges from the campaign's member × value
     * rows. Values are "family|attribute|value"; family and attribute are the engine's own words
     * without a '|', the value is the rest.
     */
    private static void addAttributes(Nodes n, Edges e, int campaignId, ByteInterner values, int[] rowMember, int[] rowValue,
                                      int minPoolValues) {
        int valueCount = values.size();
        String[] stored = new String[valueCount];
        String[] attributeOf = new String[valueCount];
        String[] textOf = new String[valueCount];
        int[] familyOf = new int[valueCount];
        int[] kindOf = new int[valueCount];
        Map<String, Integer> kinds = new HashMap<>();
        for (int v = 0; v < valueCount; v++) {
            stored[v] = values.value(v);
            int first = stored[v].indexOf('|');
            int second = stored[v].indexOf('|', first + 1);
            familyOf[v] = LinkFamily.ofStored(stored[v].substring(0, first)).ordinal();
            attributeOf[v] = stored[v].substring(first + 1, second);
            textOf[v] = stored[v].substring(second + 1);
            kindOf[v] = kinds.computeIfAbsent(stored[v].substring(0, second), k -> kinds.size());
        }
        int members = n.keys.size();
        AttributePools pools = AttributePools.of(members, kindOf, rowMember, rowValue, minPoolValues);
        int poolCount = pools.pools();
        // values of each pool each member used, and the member × pool pairs in the order first seen
        int[] used = new int[members * poolCount];
        int[] membersOfPool = new int[poolCount];
        IntList pairs = new IntList();
        for (int row = 0; row < rowMember.length; row++) {
            int pool = pools.poolOf(rowValue[row]);
            if (pool >= 0) {
                int slot = rowMember[row] * poolCount + pool;
                if (used[slot]++ == 0) {
                    pairs.add(slot);
                    membersOfPool[pool]++;
                }
            }
        }
        int[] nodeOfValue = new int[valueCount];
        int[] labelOfValue = new int[valueCount];
        int[] nodeOfPool = new int[poolCount];
        int[] familyOfPool = new int[poolCount];
        String[] attributeOfPool = new String[poolCount];
        java.util.Arrays.fill(nodeOfPool, -1);
        for (int v = 0; v < valueCount; v++) {
            int pool = pools.poolOf(v);
            if (pool < 0) {
                String label = attributeOf[v] + " " + textOf[v];
                nodeOfValue[v] = n.addAttribute(stored[v], label, campaignId);
                labelOfValue[v] = e.shared(label);
            } else if (nodeOfPool[pool] < 0) {
                String label = String.format(java.util.Locale.ROOT, "%s pool: %,d values rotated among %,d members",
                        attributeOf[v], pools.values(pool), membersOfPool[pool]);
                nodeOfPool[pool] = n.addAttribute(stored[v] + "|pool of " + pools.values(pool), label, campaignId);
                familyOfPool[pool] = familyOf[v];
                attributeOfPool[pool] = attributeOf[v];
            }
        }
        for (int row = 0; row < rowMember.length; row++) {
            int v = rowValue[row];
            if (pools.poolOf(v) < 0) {
                e.add(n.node(rowMember[row]), nodeOfValue[v], familyOf[v], 1, labelOfValue[v]);
            }
        }
        for (int i = 0; i < pairs.size(); i++) {
            int slot = pairs.get(i);
            int member = slot / poolCount;
            int pool = slot % poolCount;
            String shared = String.format(java.util.Locale.ROOT, "%s pool: %,d of its %,d values", attributeOfPool[pool], used[slot],
                    pools.values(pool));
            e.add(n.node(member), nodeOfPool[pool], familyOfPool[pool], used[slot] / (double) pools.values(pool), e.shared(shared));
        }
        n.valuesInPools = 0;
        for (int pool = 0; pool < poolCount; pool++) {
            n.valuesInPools += pools.values(pool);
        }
    }

    /** SQL turning {@code family} into its {@link LinkFamily} ordinal. */
    private static final String FAMILY_NUMBER;

    static {
        StringBuilder sql = new StringBuilder("CASE family");
        for (LinkFamily f : LinkFamily.values()) {
            sql.append(" WHEN '").append(f.stored()).append("' THEN ").append(f.ordinal());
        }
        FAMILY_NUMBER = sql.append(" END").toString();
    }

    private interface Parameters {
        void set(PreparedStatement query) throws SQLException;
    }

    /** Reads rows of (account a, account b, family number, weight, shared value) into edges between known accounts. */
    private static void readLinks(CaseFile caseFile, long runId, String sql, Parameters parameters, Nodes n, Edges e)
            throws StoreException {
        ByteInterner shared = new ByteInterner();
        IntList sharedIndex = new IntList();
        try (PreparedStatement query = caseFile.connection().prepareStatement(sql)) {
            parameters.set(query);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    byte[] first = rs.getBytes(1);
                    byte[] second = rs.getBytes(2);
                    int a = n.ids.find(first, 0, first.length);
                    int b = n.ids.find(second, 0, second.length);
                    if (a < 0 || b < 0) {
                        continue;
                    }
                    byte[] value = rs.getBytes(5);
                    int id = shared.id(value, 0, value.length);
                    if (id == sharedIndex.size()) {
                        sharedIndex.add(e.shared(shared.value(id)));
                    }
                    e.add(n.node(a), n.node(b), rs.getInt(3), rs.getDouble(4), sharedIndex.get(id));
                }
            }
        } catch (SQLException ex) {
            throw new StoreException("cannot read the account links of run " + runId + " in " + caseFile.path() + ": " + ex.getMessage(), ex);
        }
    }

    /** The run's accounts (of one campaign, or all) in account order, with campaign, risk and requests. */
    private static Nodes accounts(CaseFile caseFile, long runId, Integer onlyCampaign) throws StoreException {
        Nodes n = new Nodes();
        String sql = "SELECT r.account_id, r.campaign_id, r.risk_score, coalesce(t.events, 0) FROM run_accounts r "
                + "LEFT JOIN run_account_traffic t ON t.run_id = r.run_id AND t.account_id = r.account_id WHERE r.run_id = ?"
                + (onlyCampaign == null ? "" : " AND r.campaign_id = ?") + " ORDER BY r.account_id";
        try (PreparedStatement query = caseFile.connection().prepareStatement(sql)) {
            query.setLong(1, runId);
            if (onlyCampaign != null) {
                query.setInt(2, onlyCampaign);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    byte[] idBytes = rs.getBytes(1);
                    String id = new String(idBytes, java.nio.charset.StandardCharsets.UTF_8);
                    int c = rs.getInt(2);
                    int campaignOfAccount = rs.wasNull() ? TrafficCounts.NO_CAMPAIGN : c;
                    n.ids.id(idBytes, 0, idBytes.length);
                    n.add(id, id, false, campaignOfAccount, rs.getDouble(3), rs.getInt(4));
                }
            }
            return n;
        } catch (SQLException e) {
            throw new StoreException("cannot read the accounts of run " + runId + " in " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives the nodes positions: the stored ones when this graph was laid out before with this seed
     * (and no node is missing), else a new layout, which is stored for the next opening.
     */
    public void layOut(CaseFile caseFile, long seed, ProgressListener progress) throws StoreException {
        ViewStore store = new ViewStore(caseFile);
        Map<String, double[]> stored = store.layout(runId, campaignId, seed);
        if (stored.size() == nodes.length && nodes.length > 0) {
            x = new double[nodes.length];
            y = new double[nodes.length];
            boolean complete = true;
            for (int i = 0; i < nodes.length && complete; i++) {
                double[] p = stored.get(nodes[i]);
                complete = p != null;
                if (complete) {
                    x[i] = p[0];
                    y[i] = p[1];
                }
            }
            if (complete) {
                return;
            }
        }
        // a member pulls on the values it holds alike, a pool too: the share of a pool a member used is for the
        // weight threshold, not for the layout (a 64-template pool each member used a tenth of was flung to the edge)
        double[] pull = weight.clone();
        for (int e = 0; e < pull.length; e++) {
            if (attribute[to[e]]) {
                pull[e] = 1;
            }
        }
        ForceLayout.Positions positions = ForceLayout.layout(nodes.length, from, to, pull, null,
                ForceLayout.Options.defaults(seed, nodes.length), progress);
        x = positions.x();
        y = positions.y();
        store.saveLayout(runId, campaignId, seed, nodes, x, y);
    }

    public boolean laidOut() {
        return x != null;
    }

    public long runId() {
        return runId;
    }

    public int campaignId() {
        return campaignId;
    }

    public int nodeCount() {
        return nodes.length;
    }

    public int edgeCount() {
        return from.length;
    }

    /** How many shared values the graph shows inside pool nodes rather than one node each (0: every value is a node). */
    public int valuesInPools() {
        return valuesInPools;
    }

    /** Account id, or "family|attribute|value" for an attribute node. */
    public String node(int i) {
        return nodes[i];
    }

    public String label(int i) {
        return labels[i];
    }

    public boolean isAttribute(int i) {
        return attribute[i];
    }

    /** Campaign of an account node ({@link TrafficCounts#NO_CAMPAIGN} when none); the graph's campaign for an attribute node. */
    public int campaign(int i) {
        return campaign[i];
    }

    public double risk(int i) {
        return risk[i];
    }

    /** Requests the account made; 0 for attribute nodes. */
    public int volume(int i) {
        return volume[i];
    }

    public int from(int e) {
        return from[e];
    }

    public int to(int e) {
        return to[e];
    }

    public LinkFamily family(int e) {
        return FAMILIES[family[e]];
    }

    public double weight(int e) {
        return weight[e];
    }

    /** The value the edge's two ends share, written for a person. */
    public String sharedValue(int e) {
        return sharedValues[sharedValue[e]];
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** Node index of an account or attribute key, -1 when absent. */
    public int indexOf(String node) {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i].equals(node)) {
                return i;
            }
        }
        return -1;
    }

    /** Nodes in arrays; account ids numbered as bytes so link rows find their ends without a String per cell. */
    private static final class Nodes {
        final ByteInterner ids = new ByteInterner();
        final List<String> keys = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        boolean[] attribute = new boolean[256];
        final IntList campaign = new IntList();
        double[] risk = new double[256];
        final IntList volume = new IntList();
        int valuesInPools;

        /** Node index of the account numbered {@code id} (accounts come first, in the order numbered). */
        int node(int id) {
            return id;
        }

        void add(String key, String label, boolean isAttribute, int campaignId, double riskScore, int requests) {
            int i = keys.size();
            if (i == attribute.length) {
                attribute = java.util.Arrays.copyOf(attribute, i * 2);
                risk = java.util.Arrays.copyOf(risk, i * 2);
            }
            keys.add(key);
            labels.add(label);
            attribute[i] = isAttribute;
            campaign.add(campaignId);
            risk[i] = riskScore;
            volume.add(requests);
        }

        int addAttribute(String key, String label, int campaignId) {
            add(key, label, true, campaignId, 0, 0);
            return keys.size() - 1;
        }
    }

    /** Edges in arrays: the whole case holds hundreds of thousands, an object each would cost more than the graph. */
    private static final class Edges {
        final IntList from = new IntList();
        final IntList to = new IntList();
        final IntList family = new IntList();
        double[] weight = new double[1024];
        final IntList sharedValue = new IntList();
        final List<String> sharedValues = new ArrayList<>();
        private final Map<String, Integer> sharedIndex = new HashMap<>();

        int shared(String value) {
            return sharedIndex.computeIfAbsent(value, v -> {
                sharedValues.add(v);
                return sharedValues.size() - 1;
            });
        }

        void add(int a, int b, int familyOrdinal, double w, int shared) {
            int i = from.size();
            if (i == weight.length) {
                weight = java.util.Arrays.copyOf(weight, i * 2);
            }
            from.add(a);
            to.add(b);
            family.add(familyOrdinal);
            weight[i] = w;
            sharedValue.add(shared);
        }
    }
}
