/**
 * An independent population model of AI-API traffic with ground truth, for measuring a campaign
 * detector against traffic it was not written alongside. {@link dev.quarry.synth.outside.OutsidePopulation}
 * draws legitimate customers (hobbyists, power users, app backends on shared templates, enterprises with
 * cron jobs, benchmark labs, classes, viral prompts, integration partners, safety researchers, shared
 * NATs, early adopters, resellers, evaluation and synthetic-data vendors, hackathons, universities,
 * agent-framework users, support products) and extraction farms (proxy, shift-crew, automation,
 * low-and-slow, farms posing as benchmark runners, app backends or students, compromised customer
 * accounts, rented households with prepaid cards, copied benchmark formats, office hours, account
 * waves), then streams a day at a time to canonical CSV, a renamed CSV export, nested JSON Lines or
 * Bedrock invocation logs, with {@code truth.csv}.
 * Uses only the JDK, {@code dev.quarry.model}, commons-csv and Jackson; see docs/outside-population.md.
 */
package dev.quarry.synth.outside;
