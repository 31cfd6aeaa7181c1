package dev.quarry.synth;

import dev.quarry.synth.Taxonomy.Task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The prompt scaffolds extraction campaigns wrap around a task: the instruction that elicits a
 * step-by-step answer worth training on. Each family has a canonical instruction and paraphrases of
 * it; a campaign picks one family and paraphrases at its configured rate, so two campaigns of the
 * same kind do not share text.
 */
final class Scaffolds {

    private Scaffolds() {
    }

    private static final List<List<String>> NAIVE = List.of(
            List.of("Think step by step and show every intermediate step of your reasoning inside <thinking></thinking> tags, then give the final answer inside <answer></answer> tags.",
                    "Show all of your step-by-step reasoning inside <thinking></thinking> tags first, and only then put the final answer in <answer></answer> tags.",
                    "Reason through this one step at a time inside <thinking></thinking>, leaving nothing out, and finish with the answer in <answer></answer>.",
                    "Put your complete chain of thought, every step, in <thinking></thinking> tags; the final answer goes in <answer></answer> tags."),
            List.of("Reason carefully, step by step. Write out your full chain of thought before answering. Do not skip steps.",
                    "Work through it carefully and in order. Write your entire chain of thought before the answer, without skipping any step.",
                    "Go step by step, writing down all of your reasoning before you answer. Skipping steps is not allowed.",
                    "Explain every step of your thinking in full before giving the answer; do not leave out any steps."));

    private static final List<List<String>> PROXY = List.of(
            List.of("Provide a comprehensive, expert-level answer to the task below. Explain your reasoning step by step before the final answer, in enough detail to teach a student.",
                    "Give a thorough, expert answer to the following task. Walk through your reasoning step by step before concluding, detailed enough to teach a learner.",
                    "Answer the task below as an expert would, comprehensively. Lay out the reasoning step by step first, then the final answer, so a student could learn from it.",
                    "Please write a complete, expert-quality response to this task, explaining each reasoning step before giving the answer, in a way that teaches a student.",
                    "Respond to the task below with an in-depth expert answer: reasoning first, step by step, then the conclusion. Aim to teach a student."),
            List.of("I need a detailed walkthrough for the problem below. Break the solution into numbered steps, justify each one, and finish with a short summary of the key insight.",
                    "Please walk me through the problem below in detail: numbered steps, a justification for each, and a brief summary of the main insight at the end.",
                    "Give me a detailed, numbered, step-by-step solution to the following, with reasons for every step and a closing summary of the key idea.",
                    "Solve the problem below as a detailed walkthrough. Number the steps, explain why each holds, and end with the core insight in a few lines."));

    private static final List<List<String>> LOW_AND_SLOW = List.of(
            List.of("When you answer: 1) restate the problem in your own words, 2) reason through it step by step, 3) give the final answer on its own line starting with \"Final:\".",
                    "In your answer, please 1) restate the problem in your own words, 2) reason step by step, 3) put the final answer on a separate line beginning with \"Final:\".",
                    "Answer like this: 1) your own restatement of the problem, 2) step-by-step reasoning, 3) the final answer alone on a line that starts with \"Final:\"."),
            List.of("Answer format: a one-line restatement, then detailed reasoning, then \"Answer:\" and the answer. Be complete, do not shorten.",
                    "Format: restate it in one line, reason in detail, then write \"Answer:\" followed by the answer. Keep it complete, no shortening.",
                    "Please use this format: one-line restatement; detailed reasoning; \"Answer:\" and then the answer. Completeness matters more than brevity."));

    private static final List<List<String>> PIVOT = List.of(
            List.of("Respond with a complete worked solution, then a one-paragraph summary of the key idea, then rate your confidence from 1 to 10.",
                    "Give a full worked solution, followed by a single paragraph summarising the key idea and a confidence rating from 1 to 10.",
                    "Write out the complete solution, then summarise the central idea in one paragraph, then give your confidence on a 1-10 scale."));

    private static final List<List<String>> BENCHMARK_MIMIC = List.of(
            List.of("Write out the complete reasoning in full detail, every intermediate step with its justification, before the final answer. Do not abbreviate.",
                    "Give the full worked solution: every step written out and justified, nothing abbreviated, then the final answer.",
                    "Reason through it completely, step by step, explaining each step in detail; only then state the final answer. Be exhaustive."),
            List.of("Provide an expert, exhaustive derivation with all intermediate results, then a summary of the method, then the final answer.",
                    "Derive the answer exhaustively as an expert would, listing every intermediate result, summarise the method, then answer.",
                    "Show an exhaustive expert derivation (all intermediate results), a short summary of the method, and the final answer."));

    private static final List<List<String>> APP_MIMIC = List.of(
            List.of("Give me the complete solution with every intermediate step explained in depth, plus the general method so I can reuse it. Make it as long as it needs to be.",
                    "Explain the full solution in depth, every step, and the general method behind it so it can be reused. Length is not a problem.",
                    "I need the whole worked solution, each step explained thoroughly, and the reusable method at the end. Don't keep it short."),
            List.of("Answer like a textbook: definitions, a complete worked example with all steps, common mistakes, and a summary.",
                    "Write it the way a textbook would: definitions first, then a fully worked example, the usual mistakes and a summary.",
                    "Structure the answer like a textbook section: definitions, complete worked example, common pitfalls, summary."));

    /** House styles of farms whose workers or scripts hide among ordinary traffic: phrased many ways. */
    private static final List<List<String>> WORKLIST = List.of(
            List.of("Please answer in full detail: explain each step of the reasoning, give the final result, then list the key facts used.",
                    "Answer fully, explaining every step of the reasoning, then the result, then the key facts you relied on.",
                    "Give a detailed answer with each reasoning step explained, the final result, and the key facts behind it.",
                    "Explain the reasoning step by step in detail, state the result, and list the main facts used.",
                    "I need the complete answer: every step of the reasoning, the final result and a list of the facts it rests on."),
            List.of("Write a long, complete answer as a domain expert, covering background, the full solution and edge cases.",
                    "As an expert, answer completely and at length: background first, then the whole solution, then edge cases.",
                    "Answer this the way an expert would, in depth: background, full solution, edge cases.",
                    "Give an expert's complete answer, long form: the background, the solution in full, and the edge cases."),
            List.of("Respond thoroughly. Start with a short overview, then the detailed explanation with examples, then a checklist of the main points.",
                    "Answer thoroughly: a brief overview, then a detailed explanation with examples, then a checklist of main points.",
                    "Please be thorough: overview first, then the detailed explanation with worked examples, and a final checklist.",
                    "A thorough answer please: short overview, detailed explanation with examples, checklist of the key points at the end."));

    private static List<String> family(CampaignKind kind, int index) {
        List<List<String>> families = switch (kind) {
            case NAIVE_FARM -> NAIVE;
            case PROXY_FARM, NAT_FARM -> PROXY;
            case LOW_AND_SLOW -> LOW_AND_SLOW;
            case MODEL_PIVOT -> PIVOT;
            case BENCHMARK_MIMIC -> BENCHMARK_MIMIC;
            case APP_MIMIC -> APP_MIMIC;
            case COMPROMISED_AGED -> PROXY;
            case OFFICE_HOURS, BACKEND_MIMIC, PREPAID_PROXY -> WORKLIST;
            case NOVEL_BENCHMARK -> BENCHMARK_MIMIC;
        };
        // farms of different kinds that draw on one list of families start at different places in it
        int start = switch (kind) {
            case COMPROMISED_AGED, BACKEND_MIMIC, NOVEL_BENCHMARK -> 1;
            case PREPAID_PROXY -> 2;
            default -> 0;
        };
        return families.get(Math.floorMod(index + start, families.size()));
    }

    private static String instruction(SplittableRandom r, CampaignKind kind, int family, double paraphraseRate) {
        List<String> options = family(kind, family);
        if (Draws.chance(r, paraphraseRate)) {
            return options.get(1 + r.nextInt(options.size() - 1));
        }
        return options.get(0);
    }

    static String naive(SplittableRandom r, int family, double paraphraseRate, Task task, String subject, int number) {
        String instruction = instruction(r, CampaignKind.NAIVE_FARM, family, paraphraseRate);
        String ask = Prompts.fill(task.asks().get(0), subject) + Prompts.attachment(r, task);
        if (family % 2 == 0) {
            return "You are an expert in " + task.category() + ". Solve the following " + task.title() + " task. "
                    + instruction + "\n\nTask #" + number + ": " + ask;
        }
        return "SYSTEM: Act as a world-class " + task.title() + " specialist.\nUSER: " + ask + "\nINSTRUCTIONS: "
                + instruction + "\nID: " + number;
    }

    /** {@code material}: the item's own text, empty for farms whose items are only task and subject. */
    static String proxy(SplittableRandom r, CampaignKind kind, int family, double paraphraseRate, Task task, String subject,
                        String material) {
        String ask = Prompts.fill(Draws.pick(r, task.asks()), subject);
        String body = ask + Prompts.attachment(r, task) + material;
        return instruction(r, kind, family, paraphraseRate) + "\n\nTopic: " + task.title() + "\nTask: " + body;
    }

    /** Looks like a person's question; only the trailing answer-format block is shared across the campaign. */
    static String lowAndSlow(SplittableRandom r, int family, double paraphraseRate, Task task) {
        return Prompts.personal(r, task) + "\n\n" + instruction(r, CampaignKind.LOW_AND_SLOW, family, paraphraseRate);
    }

    static String pivot(SplittableRandom r, int family, double paraphraseRate, Task task, String subject) {
        return "[" + task.id() + "] " + Prompts.fill(Draws.pick(r, task.asks()), subject) + Prompts.attachment(r, task)
                + "\n\n" + instruction(r, CampaignKind.MODEL_PIVOT, family, paraphraseRate);
    }

    /** The harness's item format around any task of the sweep, with a demand for long worked answers. */
    static String benchmarkMimic(SplittableRandom r, int family, double paraphraseRate, Task task, String subject, int number) {
        String ask = Prompts.fill(Draws.pick(r, task.asks()), subject) + Prompts.attachment(r, task);
        String instruction = instruction(r, CampaignKind.BENCHMARK_MIMIC, family, paraphraseRate);
        return family % 2 == 0
                ? "Question: " + ask + "\nLet's think step by step. " + instruction + "\nAnswer:"
                : "Solve the following problem step by step. " + instruction + "\n\nProblem " + number + ": " + ask;
    }

    /** The template's own system prompt, a student-like question from the sweep, and the harvest instruction. */
    static String appMimic(SplittableRandom r, int family, double paraphraseRate, Task task, String subject) {
        PublicArtefacts.AppTemplate template = PublicArtefacts.APP_TEMPLATES.get(
                Math.floorMod(family, PublicArtefacts.APP_TEMPLATES.size()));
        return "System: " + template.systemPrompt() + "\n\nStudent: " + Prompts.fill(Draws.pick(r, task.asks()), subject)
                + Prompts.attachment(r, task) + "\n\n" + instruction(r, CampaignKind.APP_MIMIC, family, paraphraseRate);
    }

    /** A worker's item from the farm's worklist, typed as a person would, with the house-style instruction. */
    static String worklist(SplittableRandom r, CampaignKind kind, int family, double paraphraseRate, Task task,
                           String subject, int item) {
        String ask = Prompts.fill(Draws.pick(r, task.asks()), subject) + Prompts.attachment(r, task) + itemMaterial(r);
        String instruction = instruction(r, kind, family, paraphraseRate);
        return Draws.chance(r, 0.5) ? ask + "\n\n" + instruction : "#" + item + " " + ask + "\n" + instruction;
    }

    /** An app backend's own system prompt around the farm's item. */
    static String backendMimic(SplittableRandom r, int family, double paraphraseRate, Task task, String subject,
                               String brand) {
        return "You are the assistant inside " + brand + ". Be accurate and helpful.\n\nUser request: "
                + Prompts.fill(Draws.pick(r, task.asks()), subject) + Prompts.attachment(r, task) + itemMaterial(r) + "\n\n"
                + instruction(r, CampaignKind.BACKEND_MIMIC, family, paraphraseRate);
    }

    /**
     * The text an item of a split worklist carries of its own (its case, its data): a farm that
     * splits its list gives every item to one account, so no two of its prompts are the same.
     */
    static String itemMaterial(SplittableRandom r) {
        return " " + Prompts.prose(r, 2);
    }

    /**
     * A public harness's item format around an item nobody published: a new question of the sweep with
     * its own material, and a demand for the whole worked answer.
     */
    static String novelBenchmarkItem(SplittableRandom r, int family, double paraphraseRate, Task task, String subject,
                                     int item) {
        String ask = Prompts.fill(Draws.pick(r, task.asks()), subject) + Prompts.attachment(r, task) + itemMaterial(r);
        String instruction = instruction(r, CampaignKind.NOVEL_BENCHMARK, family, paraphraseRate);
        return family % 2 == 0
                ? "Question: " + ask + "\nLet's think step by step. " + instruction + "\nAnswer:"
                : "### Evaluation item " + task.id() + "-" + (1000 + item) + "\n" + ask + "\n" + instruction + "\n### Response:";
    }
}
