package dev.quarry.analysis;

import dev.quarry.analysis.features.BehaviourFeature;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.scan.EventScan;
import dev.quarry.analysis.signals.DenseBlockSignal;
import dev.quarry.analysis.signals.Evidence;
import dev.quarry.analysis.signals.Links;
import dev.quarry.analysis.signals.ModelPivotSignal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What each signal could rest on in this case, and why a signal could not be computed. */
final class SignalReport {
    private static final String SAMPLED = "each account's first " + EventScan.FULLY_READ + " in each of the " + EventScan.PARTS
            + " parts of the events table, then one in " + EventScan.SAMPLE;
    private SignalReport() {
    }

    static List<SignalStatus> statuses(CaseData data, Map<Evidence, Links> links, DenseBlockSignal.Result blocks,
                                       List<ModelPivotSignal.Release> releases, boolean[] usable) {
        List<SignalStatus> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int kept = 0;
        for (int j = 0; j < usable.length; j++) {
            if (usable[j]) {
                kept++;
            } else {
                missing.add(BehaviourFeature.ofColumn(j).columnName());
            }
        }
        out.add(new SignalStatus("behaviour", kept > 0, kept + " of " + usable.length + " behaviour features computed"
                + (missing.isEmpty() ? "" : "; without data or without variation: " + String.join(", ", missing))));
        Set<AttributeKind> kinds = data.kindsPresent();
        boolean billing = kinds.contains(AttributeKind.PAYMENT) || kinds.contains(AttributeKind.EMAIL_PATTERN)
                || kinds.contains(AttributeKind.CARD_BIN);
        out.add(new SignalStatus(Evidence.BILLING.signal(), billing, billing
                ? links.get(Evidence.BILLING).size() + " links from " + present(kinds, AttributeKind.PAYMENT,
                AttributeKind.CARD_BIN, AttributeKind.EMAIL_PATTERN)
                : "no payment fingerprints, card BINs or emails: the case has no accounts file or it carries no billing"));
        boolean network = kinds.contains(AttributeKind.IP) || kinds.contains(AttributeKind.ASN)
                || kinds.contains(AttributeKind.SIGNUP_IP);
        out.add(new SignalStatus(Evidence.INFRASTRUCTURE.signal(), network, network
                ? links.get(Evidence.INFRASTRUCTURE).size() + " links from " + present(kinds, AttributeKind.IP,
                AttributeKind.NETWORK_PREFIX, AttributeKind.ASN, AttributeKind.SIGNUP_IP)
                : "no IPs, ASNs or signup IPs (e.g. Amazon Bedrock invocation logs carry none)"));
        out.add(new SignalStatus(Evidence.SYNCHRONIZED.signal(), true,
                links.get(Evidence.SYNCHRONIZED).size() + " account pairs active together beyond chance"));
        boolean prompts = data.hasColumn("prompt_text");
        String noPrompts = "no prompt text: the extract is redacted or carries no prompts";
        out.add(new SignalStatus(Evidence.TEMPLATE.signal(), prompts, prompts
                ? links.get(Evidence.TEMPLATE).size() + " links through prompt templates (prompts read in memory, none stored; " + SAMPLED + ")"
                : noPrompts));
        out.add(new SignalStatus(Evidence.CAPABILITY_SWEEP.signal(), prompts, prompts
                ? "prompts sorted into the " + data.taxonomy().size() + " categories of the task taxonomy (" + SAMPLED + "), judged per group" : noPrompts));
        boolean parameters = data.hasColumn("parameters");
        boolean agents = kinds.contains(AttributeKind.USER_AGENT);
        out.add(new SignalStatus(Evidence.CLIENT.signal(), parameters || agents, parameters || agents
                ? links.get(Evidence.CLIENT).size() + " links through uncommon " + (agents && parameters
                ? "user agents and request parameters" : agents ? "user agents (no max_tokens or temperature in the events)"
                : "request parameters (no user agents in the events)")
                : "no user agents, max_tokens or temperature in the events"));
        out.add(new SignalStatus(Evidence.REASONING_HARVEST.signal(), prompts, prompts
                ? "prompts checked for requests of step-by-step reasoning (" + SAMPLED + "), judged per group"
                : noPrompts));
        boolean completions = data.hasColumn("completion_tokens");
        out.add(new SignalStatus(Evidence.OUTPUT_HARVEST.signal(), completions, completions
                ? "long answers = mean completion in the top tenth of accounts, judged per group"
                : "no completion token counts in the events"));
        out.add(new SignalStatus(Evidence.DENSE_BLOCK.signal(), true,
                blocks.blocks().size() + " dense blocks found in the account-attribute graph"));
        boolean models = data.hasColumn("model");
        out.add(new SignalStatus(Evidence.MODEL_PIVOT.signal(), models && !releases.isEmpty(), !models
                ? "no model names in the events"
                : releases.isEmpty() ? "no model first appears after the start of the extract, so there is no release to pivot to"
                : releases.size() + " models released during the extract"));
        if (data.eventsOfUnknownAccounts() > 0) {
            out.add(new SignalStatus("coverage", true, data.eventsOfUnknownAccounts()
                    + " events belong to accounts missing from the accounts table and were not analysed"));
        }
        return out;
    }

    private static String present(Set<AttributeKind> kinds, AttributeKind... wanted) {
        List<String> names = new ArrayList<>();
        for (AttributeKind k : wanted) {
            if (kinds.contains(k)) {
                names.add(k.label() + "s");
            }
        }
        return String.join(", ", names);
    }
}
