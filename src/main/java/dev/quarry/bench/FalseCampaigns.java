package dev.quarry.bench;

import dev.quarry.export.CsvPacket;
import dev.quarry.export.SpreadsheetSafe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exported campaigns that hold legitimate accounts, explained from the packet alone: how large
 * each is, which kinds of legitimate account (truth labels) and which true campaigns are in it, and
 * the signals and reasons the packet gives for it. So a failing benchmark says what went wrong
 * without opening the case.
 *
 * @param campaigns        every exported campaign with at least one legitimate member, largest share of
 *                         legitimate accounts first
 * @param flaggedAlone     legitimate accounts flagged without a campaign, by kind
 */
public record FalseCampaigns(List<FalseCampaign> campaigns, Map<String, Integer> flaggedAlone) {

    /** Reasons printed per campaign; the packet keeps them all. */
    public static final int TOP_REASONS = 3;

    /**
     * @param exportedSize   the campaign's size as exported
     * @param legitimateKinds legitimate members by truth label
     * @param trueCampaigns  members of planted campaigns in it, by true campaign id
     * @param signals        the campaign's signals as exported
     * @param reasons        its reasons as exported, in the packet's order
     */
    public record FalseCampaign(String campaignId, int exportedSize, Map<String, Integer> legitimateKinds,
                                Map<String, Integer> trueCampaigns, List<String> signals, List<String> reasons) {
        public int legitimate() {
            return legitimateKinds.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Entirely legitimate: a false campaign in the strict sense, not a true one that took legitimate accounts along. */
        public boolean wholly() {
            return trueCampaigns.isEmpty();
        }
    }

    public static FalseCampaigns of(GroundTruth truth, Map<String, Prediction> predictions, Path packetDirectory)
            throws IOException {
        Map<String, Map<String, Integer>> legitByCampaign = new HashMap<>();
        Map<String, Map<String, Integer>> trueByCampaign = new HashMap<>();
        Map<String, Integer> alone = new TreeMap<>();
        for (GroundTruth.Entry entry : truth.accounts().values()) {
            Prediction prediction = predictions.get(entry.accountId());
            if (prediction == null || !prediction.flagged() && prediction.campaignId() == null) {
                continue;
            }
            if (prediction.campaignId() == null) {
                if (!entry.positive()) {
                    alone.merge(entry.label(), 1, Integer::sum);
                }
                continue;
            }
            if (entry.positive()) {
                trueByCampaign.computeIfAbsent(prediction.campaignId(), c -> new TreeMap<>())
                        .merge(entry.campaignId(), 1, Integer::sum);
            } else {
                legitByCampaign.computeIfAbsent(prediction.campaignId(), c -> new TreeMap<>())
                        .merge(entry.label(), 1, Integer::sum);
            }
        }
        Map<String, CSVRecord> exported = campaignRows(packetDirectory);
        List<FalseCampaign> campaigns = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> e : legitByCampaign.entrySet()) {
            CSVRecord row = exported.get(e.getKey());
            Map<String, Integer> legit = e.getValue();
            Map<String, Integer> planted = trueByCampaign.getOrDefault(e.getKey(), Map.of());
            int size = row != null && row.isMapped("size") ? parseSize(row.get("size"), legit, planted)
                    : legit.values().stream().mapToInt(Integer::intValue).sum() + planted.values().stream().mapToInt(Integer::intValue).sum();
            campaigns.add(new FalseCampaign(e.getKey(), size, legit, planted, list(row, "signals"), list(row, "reasons")));
        }
        campaigns.sort(Comparator.comparingInt(FalseCampaign::legitimate).reversed().thenComparing(FalseCampaign::campaignId));
        return new FalseCampaigns(List.copyOf(campaigns), alone);
    }

    private static int parseSize(String cell, Map<String, Integer> legit, Map<String, Integer> planted) {
        try {
            return Integer.parseInt(cell.trim());
        } catch (NumberFormatException e) {
            return legit.values().stream().mapToInt(Integer::intValue).sum() + planted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static List<String> list(CSVRecord row, String column) {
        if (row == null || !row.isMapped(column)) {
            return List.of();
        }
        String cell = SpreadsheetSafe.original(row.get(column));
        if (cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(java.util.regex.Pattern.quote(CsvPacket.LIST_SEPARATOR))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, CSVRecord> campaignRows(Path packetDirectory) throws IOException {
        Path file = packetDirectory.resolve(CsvPacket.CAMPAIGNS);
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return rows;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                rows.put(SpreadsheetSafe.original(row.get("campaign_id")), row);
            }
        }
        return rows;
    }
}
