package dev.quarry.analysis.signals;

import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.graph.DenseBlocks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense blocks in the account x attribute-value graph (FRAUDAR, {@link DenseBlocks}): groups of
 * accounts that together hold an unusually heavy set of shared values (IPs, prefixes, user agents,
 * parameter fingerprints, billing details, templates). Values held by one account only are left out
 * (they cannot tie accounts together). A block whose accounts mostly belong to one organisation is
 * an enterprise, not a farm, and is dropped. Blocks must reach {@code rules.denseBlock.minDensity}: each member
 * holds, on average, shared values worth at least two moderately rare ones (a value held by 50
 * accounts weighs 1/ln 55 = 0.25), which a single NAT IP or a popular user agent does not reach.
 * Blocks are group evidence (how much of a candidate campaign lies in one block), not links: the
 * peeling keeps whole blocks, and linking all their rows would let one block glue unrelated
 * communities together.
 */
public final class DenseBlockSignal {
    /** Blocks peeled per run (a budget, not a judgement). */
    static final int MAX_BLOCKS = 30;

    private DenseBlockSignal() {
    }

    public record Result(List<DenseBlocks.Block> blocks) {
    }

    public static Result find(CaseData data, Map<AttributeKind, SharedInfrastructureSignal.Holders> holders,
                              List<long[]> templateColumns, int minRows, DetectionRules rules) {
        List<int[]> edges = new ArrayList<>();
        int column = 0;
        for (SharedInfrastructureSignal.Holders index : holders.values()) {
            if (index.kind().linkWeight() <= 0 && index.kind() != AttributeKind.PARAMETERS) {
                continue;
            }
            int maxHolders = SharedValues.maxHolders(index.accountsWithKind(), rules.sharedValues());
            for (int value = 0; value < index.byValue().size(); value++) {
                int[] members = index.byValue().get(value);
                if (members.length < 2 || members.length > maxHolders) {
                    continue;
                }
                for (int account : members) {
                    edges.add(new int[] {account, column});
                }
                column++;
            }
        }
        Map<Long, Integer> templateColumn = new HashMap<>();
        for (long[] accountFrame : templateColumns) {
            Integer c = templateColumn.get(accountFrame[1]);
            if (c == null) {
                c = column++;
                templateColumn.put(accountFrame[1], c);
            }
            edges.add(new int[] {(int) accountFrame[0], c});
        }
        List<DenseBlocks.Block> kept = new ArrayList<>();
        if (edges.isEmpty()) {
            return new Result(kept);
        }
        List<DenseBlocks.Block> blocks = DenseBlocks.find(data.size(), column, edges.toArray(new int[0][]), MAX_BLOCKS, minRows);
        for (DenseBlocks.Block block : blocks) {
            if (block.density() < rules.denseBlock().minDensity() || dominatedByOneOrg(data, block.rows())) {
                continue;
            }
            kept.add(block);
        }
        return new Result(kept);
    }

    static boolean dominatedByOneOrg(CaseData data, int[] rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int account : rows) {
            int org = data.activity(account).mainOrg();
            if (org >= 0) {
                counts.merge(org, 1, Integer::sum);
            }
        }
        int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return top * 2 > rows.length;
    }
}
