package dev.quarry.analysis;

import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The run's stored 2-D embedding of the accounts ({@code run_accounts.map_x/map_y}) with what the map
 * colours by (campaign, cluster, risk), and the lasso that picks the accounts inside a drawn polygon.
 * Accounts the run could not place (no coordinates) are left out.
 */
public final class AccountMap {
    private final String[] accounts;
    private final double[] x;
    private final double[] y;
    private final int[] campaign;
    private final int[] cluster;
    private final double[] risk;

    private AccountMap(String[] accounts, double[] x, double[] y, int[] campaign, int[] cluster, double[] risk) {
        this.accounts = accounts;
        this.x = x;
        this.y = y;
        this.campaign = campaign;
        this.cluster = cluster;
        this.risk = risk;
    }

    public static AccountMap load(CaseFile caseFile, long runId) throws StoreException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement("SELECT account_id, map_x, map_y, "
                + "IFNULL(campaign_id, -1), cluster, risk_score FROM run_accounts "
                + "WHERE run_id = ? AND map_x IS NOT NULL AND map_y IS NOT NULL ORDER BY account_id")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5), rs.getDouble(6)});
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the account map of run " + runId + " in " + caseFile.path() + ": " + e.getMessage(), e);
        }
        int n = rows.size();
        String[] ids = new String[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] campaign = new int[n];
        int[] cluster = new int[n];
        double[] risk = new double[n];
        for (int i = 0; i < n; i++) {
            Object[] row = rows.get(i);
            ids[i] = (String) row[0];
            x[i] = (double) row[1];
            y[i] = (double) row[2];
            campaign[i] = (int) row[3];
            cluster[i] = (int) row[4];
            risk[i] = (double) row[5];
        }
        return new AccountMap(ids, x, y, campaign, cluster, risk);
    }

    /** For tests and the benchmark: a map from arrays. */
    public static AccountMap of(String[] accounts, double[] x, double[] y, int[] campaign, int[] cluster, double[] risk) {
        return new AccountMap(accounts, x, y, campaign, cluster, risk);
    }

    public int size() {
        return accounts.length;
    }

    public String account(int i) {
        return accounts[i];
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public int campaign(int i) {
        return campaign[i];
    }

    public int cluster(int i) {
        return cluster[i];
    }

    public double risk(int i) {
        return risk[i];
    }

    /**
     * Indices of the points inside the polygon (map coordinates, closed implicitly), by the even–odd
     * rule; the polygon's bounding box rules out most points before the crossing test.
     */
    public int[] lasso(double[] polygonX, double[] polygonY) {
        int corners = polygonX.length;
        if (corners < 3) {
            return new int[0];
        }
        double minX = Arrays.stream(polygonX).min().orElseThrow();
        double maxX = Arrays.stream(polygonX).max().orElseThrow();
        double minY = Arrays.stream(polygonY).min().orElseThrow();
        double maxY = Arrays.stream(polygonY).max().orElseThrow();
        int[] inside = new int[accounts.length];
        int count = 0;
        for (int i = 0; i < accounts.length; i++) {
            double px = x[i];
            double py = y[i];
            if (px < minX || px > maxX || py < minY || py > maxY) {
                continue;
            }
            boolean in = false;
            for (int a = 0, b = corners - 1; a < corners; b = a++) {
                if ((polygonY[a] > py) != (polygonY[b] > py)
                        && px < (polygonX[b] - polygonX[a]) * (py - polygonY[a]) / (polygonY[b] - polygonY[a]) + polygonX[a]) {
                    in = !in;
                }
            }
            if (in) {
                inside[count++] = i;
            }
        }
        return Arrays.copyOf(inside, count);
    }

    /** The point nearest (mx, my) within maxDistance map units, or -1: what hovering shows. */
    public int nearest(double mx, double my, double maxDistance) {
        int best = -1;
        double bestD2 = maxDistance * maxDistance;
        for (int i = 0; i < accounts.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            double d2 = dx * dx + dy * dy;
            if (d2 <= bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }
}
