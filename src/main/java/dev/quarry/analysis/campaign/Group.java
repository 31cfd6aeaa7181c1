package dev.quarry.analysis.campaign;

import dev.quarry.analysis.signals.CapabilitySweepSignal;
import dev.quarry.analysis.signals.Evidence;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A judged candidate group.
 *
 * @param ties      per tie family, which members (by position) are bound to another member
 * @param synchrony per member {z, observed / expected} of its overlap with the rest of the group
 * @param typicality per member, the cosine of its behaviour features with the group's mean direction
 * @param volume    share of members whose total completion tokens are in the top tenth of the reference
 *                  accounts, when a majority and unlikely by chance, else 0
 */
record Group(int[] members, Map<Evidence, Double> strength, Map<Evidence, Integer> covered,
             Map<Evidence, boolean[]> ties, double[][] synchrony, CapabilitySweepSignal.Sweep sweep, double[] pivot,
             double cohesion, double[] typicality, double score, Set<CampaignAssembler.Source> established,
             double volume, List<String> reasons) {
}
