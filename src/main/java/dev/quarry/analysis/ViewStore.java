package dev.quarry.analysis;

import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The views' part of a run in the case file (schema V4): links, campaign attribute edges, traffic
 * counts and graph layouts. Written by {@link RunStore#save} in the run's own transaction.
 */
public final class ViewStore {
    private static final int BATCH = 5_000;

    /** A bucket resolution of {@code run_traffic}. */
    public enum Resolution {
        MINUTE("minute", TrafficCounts.MINUTE_MS), HOUR("hour", TrafficCounts.HOUR_MS), DAY("day", TrafficCounts.DAY_MS);

        private final String stored;
        private final long millis;

        Resolution(String stored, long millis) {
            this.stored = stored;
            this.millis = millis;
        }

        public long millis() {
            return millis;
        }
    }

    private final CaseFile caseFile;

    public ViewStore(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    static void insert(Connection connection, long runId, ViewData views, ProgressListener progress) throws SQLException {
        AccountLinks links = views.links();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_links(run_id, account_a, account_b, family, weight, shared_value) VALUES (?,?,?,?,?,?)")) {
            for (int i = 0; i < links.size(); i++) {
                insert.setLong(1, runId);
                insert.setString(2, links.firstAccount(i));
                insert.setString(3, links.secondAccount(i));
                insert.setString(4, links.family(i).stored());
                insert.setDouble(5, links.weight(i));
                insert.setString(6, links.sharedValue(i));
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                    progress.progress(i + 1, links.size(), "storing account links");
                    progress.checkCancelled();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO run_campaign_attributes(run_id, "
                + "campaign_id, account_id, family, attribute, value) VALUES (?,?,?,?,?,?)")) {
            for (CampaignAttribute edge : views.campaignAttributes()) {
                insert.setLong(1, runId);
                insert.setInt(2, edge.campaignId());
                insert.setString(3, edge.accountId());
                insert.setString(4, edge.family().stored());
                insert.setString(5, edge.attribute());
                insert.setString(6, edge.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        insertTraffic(connection, runId, views.traffic(), progress);
    }

    private static void insertTraffic(Connection connection, long runId, TrafficCounts traffic, ProgressListener progress)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_traffic(run_id, resolution, bucket_ms, campaign_id, events) VALUES (?,?,?,?,?)")) {
            for (Resolution resolution : Resolution.values()) {
                // minute rows are sorted by (campaign, minute), so each coarser bucket is one run of rows
                int rows = traffic.minuteRows();
                int pending = 0;
                for (int i = 0; i < rows; ) {
                    int campaign = traffic.minuteCampaign(i);
                    long bucket = Math.floorDiv(traffic.minuteStartMs(i), resolution.millis) * resolution.millis;
                    long events = 0;
                    while (i < rows && traffic.minuteCampaign(i) == campaign
                            && Math.floorDiv(traffic.minuteStartMs(i), resolution.millis) * resolution.millis == bucket) {
                        events += traffic.minuteEvents(i);
                        i++;
                    }
                    insert.setLong(1, runId);
                    insert.setString(2, resolution.stored);
                    insert.setLong(3, bucket);
                    insert.setInt(4, campaign);
                    insert.setLong(5, events);
                    insert.addBatch();
                    if (++pending % BATCH == 0) {
                        insert.executeBatch();
                        progress.checkCancelled();
                    }
                }
                insert.executeBatch();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_account_traffic(run_id, account_id, events, hours) VALUES (?,?,?,?)")) {
            for (int account = 0; account < traffic.accounts(); account++) {
                insert.setLong(1, runId);
                insert.setString(2, traffic.accountId(account));
                insert.setInt(3, traffic.accountEvents(account));
                insert.setBytes(4, traffic.accountHours(account));
                insert.addBatch();
                if ((account + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** One stored link. */
    public record Link(String accountA, String accountB, LinkFamily family, double weight, String sharedValue) {
    }

    /** Every link of the run, in stored order. */
    public List<Link> links(long runId) throws StoreException {
        return links(runId, null);
    }

    /** The run's links of one family (every family when null), in stored order. */
    public List<Link> links(long runId, LinkFamily only) throws StoreException {
        List<Link> out = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT account_a, account_b, family, weight, shared_value FROM run_links WHERE run_id = ?"
                        + (only == null ? "" : " AND family = ?") + " ORDER BY rowid")) {
            query.setLong(1, runId);
            if (only != null) {
                query.setString(2, only.stored());
            }
            try (ResultSet rs = query.executeQuery()) {
                Map<String, String> ids = new HashMap<>(); // one String per account, not one per link end
                while (rs.next()) {
                    out.add(new Link(ids.computeIfAbsent(rs.getString(1), k -> k), ids.computeIfAbsent(rs.getString(2), k -> k),
                            LinkFamily.ofStored(rs.getString(3)), rs.getDouble(4), rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("account links", runId, e);
        }
    }

    public List<CampaignAttribute> campaignAttributes(long runId, int campaignId) throws StoreException {
        List<CampaignAttribute> out = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement("SELECT account_id, family, attribute, value "
                + "FROM run_campaign_attributes WHERE run_id = ? AND campaign_id = ? ORDER BY rowid")) {
            query.setLong(1, runId);
            query.setInt(2, campaignId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    out.add(new CampaignAttribute(campaignId, rs.getString(1), LinkFamily.ofStored(rs.getString(2)),
                            rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("campaign attributes", runId, e);
        }
    }

    /** Traffic buckets of one resolution starting in [fromMs, toMs), ordered by bucket: rows of (bucket ms, campaign, events). */
    public long[][] traffic(long runId, Resolution resolution, long fromMs, long toMs) throws StoreException {
        try (PreparedStatement query = caseFile.connection().prepareStatement("SELECT bucket_ms, campaign_id, events "
                + "FROM run_traffic WHERE run_id = ? AND resolution = ? AND bucket_ms >= ? AND bucket_ms < ? ORDER BY bucket_ms")) {
            query.setLong(1, runId);
            query.setString(2, resolution.stored);
            query.setLong(3, fromMs);
            query.setLong(4, toMs);
            List<long[]> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
            return rows.toArray(new long[0][]);
        } catch (SQLException e) {
            throw failure("traffic counts", runId, e);
        }
    }

    /** Requests per account (volume), for every account of the run. */
    public Map<String, Integer> accountVolumes(long runId) throws StoreException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT account_id, events FROM run_account_traffic WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("account volumes", runId, e);
        }
    }

    /** Each account's encoded hourly counts (see {@link TrafficCounts#decodeHours}), for the accounts asked (null: all). */
    public Map<String, byte[]> accountHours(long runId, java.util.Set<String> accounts) throws StoreException {
        Map<String, byte[]> out = new HashMap<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT account_id, hours FROM run_account_traffic WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (accounts == null || accounts.contains(id)) {
                        out.put(id, rs.getBytes(2));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("account traffic", runId, e);
        }
    }

    /** Every account's encoded hourly counts, without the account ids: what a heatmap of the whole case needs. */
    public List<byte[]> allAccountHours(long runId) throws StoreException {
        List<byte[]> out = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT hours FROM run_account_traffic WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("account traffic", runId, e);
        }
    }

    /** Stored positions of a graph (campaign -1: the whole case), by node; empty when never laid out with this seed. */
    public Map<String, double[]> layout(long runId, int campaignId, long seed) throws StoreException {
        Map<String, double[]> out = new HashMap<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT node, x, y FROM run_graph_layouts WHERE run_id = ? AND campaign_id = ? AND seed = ?")) {
            query.setLong(1, runId);
            query.setInt(2, campaignId);
            query.setLong(3, seed);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("graph layout", runId, e);
        }
    }

    /** Replaces the stored positions of a graph, in one transaction. */
    public void saveLayout(long runId, int campaignId, long seed, String[] nodes, double[] x, double[] y) throws StoreException {
        Connection connection = caseFile.connection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM run_graph_layouts WHERE run_id = ? AND campaign_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO run_graph_layouts(run_id, campaign_id, seed, node, x, y) VALUES (?,?,?,?,?,?)")) {
                delete.setLong(1, runId);
                delete.setInt(2, campaignId);
                delete.executeUpdate();
                for (int i = 0; i < nodes.length; i++) {
                    insert.setLong(1, runId);
                    insert.setInt(2, campaignId);
                    insert.setLong(3, seed);
                    insert.setString(4, nodes[i]);
                    insert.setDouble(5, x[i]);
                    insert.setDouble(6, y[i]);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("graph layout", runId, e);
        }
    }

    private StoreException failure(String what, long runId, SQLException e) {
        return new StoreException("cannot read " + what + " of run " + runId + " in " + caseFile.path() + ": " + e.getMessage(), e);
    }
}
