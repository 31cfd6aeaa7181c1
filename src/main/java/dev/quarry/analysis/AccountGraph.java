package dev.quarry.analysis;

import dev.quarry.graph.ForceLayout;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final LinkFamily[] family;
    private final double[] weight;
    private final String[] sharedValue;
    private double[] x;
    private double[] y;

    private AccountGraph(long runId, int campaignId, Nodes n, Edges e) {
        this.runId = runId;
        this.campaignId = campaignId;
        this.nodes = n.keys.toArray(new String[0]);
        this.labels = n.labels.toArray(new String[0]);
        int size = nodes.length;
        this.attribute = new boolean[size];
        this.campaign = new int[size];
        this.risk = new double[size];
        this.volume = new int[size];
        for (int i = 0; i < size; i++) {
            attribute[i] = n.attribute.get(i);
            campaign[i] = n.campaign.get(i);
            risk[i] = n.risk.get(i);
            volume[i] = n.volume.get(i);
        }
        int edges = e.from.size();
        this.from = new int[edges];
        this.to = new int[edges];
        this.family = new LinkFamily[edges];
        this.weight = new double[edges];
        this.sharedValue = new String[edges];
        for (int i = 0; i < edges; i++) {
            from[i] = e.from.get(i);
            to[i] = e.to.get(i);
            family[i] = e.family.get(i);
            weight[i] = e.weight.get(i);
            sharedValue[i] = e.shared.get(i);
        }
    }

    /** Every account of the run and every stored link between two of them. */
    public static AccountGraph ofCase(CaseFile caseFile, long runId) throws StoreException {
        Nodes n = accounts(caseFile, runId, null);
        Edges e = new Edges();
        for (ViewStore.Link link : new ViewStore(caseFile).links(runId)) {
            Integer a = n.index.get(link.accountA());
            Integer b = n.index.get(link.accountB());
            if (a != null && b != null) {
                e.add(a, b, link.family(), link.weight(), link.sharedValue());
            }
        }
        return new AccountGraph(runId, WHOLE_CASE, n, e);
    }

    /** A campaign's members, the values two or more of them share, and the timing links among them. */
    public static AccountGraph ofCampaign(CaseFile caseFile, long runId, int campaignId) throws StoreException {
        Nodes n = accounts(caseFile, runId, campaignId);
        Edges e = new Edges();
        ViewStore store = new ViewStore(caseFile);
        for (CampaignAttribute edge : store.campaignAttributes(runId, campaignId)) {
            Integer account = n.index.get(edge.accountId());
            if (account == null) {
                continue;
            }
            String key = edge.family().stored() + "|" + edge.attribute() + "|" + edge.value();
            int value = n.index.computeIfAbsent(key, k -> n.addAttribute(k, edge.attribute() + " " + edge.value(), campaignId));
            e.add(account, value, edge.family(), 1, edge.attribute() + " " + edge.value());
        }
        for (ViewStore.Link link : store.links(runId, LinkFamily.TIMING)) {
            Integer a = n.index.get(link.accountA());
            Integer b = n.index.get(link.accountB());
            if (a != null && b != null) {
                e.add(a, b, link.family(), link.weight(), link.sharedValue());
            }
        }
        return new AccountGraph(runId, campaignId, n, e);
    }

    private static Nodes accounts(CaseFile caseFile, long runId, Integer onlyCampaign) throws StoreException {
        Map<String, Integer> volumes = new ViewStore(caseFile).accountVolumes(runId);
        Nodes n = new Nodes();
        String sql = "SELECT account_id, campaign_id, risk_score FROM run_accounts WHERE run_id = ?"
                + (onlyCampaign == null ? "" : " AND campaign_id = ?") + " ORDER BY account_id";
        try (PreparedStatement query = caseFile.connection().prepareStatement(sql)) {
            query.setLong(1, runId);
            if (onlyCampaign != null) {
                query.setInt(2, onlyCampaign);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    int c = rs.getInt(2);
                    int campaignOfAccount = rs.wasNull() ? TrafficCounts.NO_CAMPAIGN : c;
                    n.index.put(id, n.keys.size());
                    n.add(id, id, false, campaignOfAccount, rs.getDouble(3), volumes.getOrDefault(id, 0));
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
        ForceLayout.Positions positions = ForceLayout.layout(nodes.length, from, to, weight, null,
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
        return family[e];
    }

    public double weight(int e) {
        return weight[e];
    }

    public String sharedValue(int e) {
        return sharedValue[e];
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

    private static final class Nodes {
        final Map<String, Integer> index = new HashMap<>();
        final List<String> keys = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<Boolean> attribute = new ArrayList<>();
        final List<Integer> campaign = new ArrayList<>();
        final List<Double> risk = new ArrayList<>();
        final List<Integer> volume = new ArrayList<>();

        void add(String key, String label, boolean isAttribute, int campaignId, double riskScore, int requests) {
            keys.add(key);
            labels.add(label);
            attribute.add(isAttribute);
            campaign.add(campaignId);
            risk.add(riskScore);
            volume.add(requests);
        }

        int addAttribute(String key, String label, int campaignId) {
            add(key, label, true, campaignId, 0, 0);
            return keys.size() - 1;
        }
    }

    private static final class Edges {
        final List<Integer> from = new ArrayList<>();
        final List<Integer> to = new ArrayList<>();
        final List<LinkFamily> family = new ArrayList<>();
        final List<Double> weight = new ArrayList<>();
        final List<String> shared = new ArrayList<>();

        void add(int a, int b, LinkFamily f, double w, String value) {
            from.add(a);
            to.add(b);
            family.add(f);
            weight.add(w);
            shared.add(value);
        }
    }
}
