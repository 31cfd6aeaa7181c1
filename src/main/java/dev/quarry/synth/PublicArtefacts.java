package dev.quarry.synth;

import dev.quarry.synth.Taxonomy.Task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Artefacts that are public and therefore shared by unrelated customers: benchmark harnesses and their
 * items, open-source app templates, class assignments, viral prompts, integration clients and red-team
 * prompt sets. Item texts are fixed (no randomness): every lab that runs item 17 of a benchmark sends
 * the same bytes, as it does in real traffic. The campaigns that hide in cohorts copy the same artefacts.
 */
final class PublicArtefacts {

    private PublicArtefacts() {
    }

    /** Public evaluation harnesses; each benchmark cohort runs one of them. */
    static final String[] BENCHMARK_HARNESSES = {"lm-eval-harness/0.4.3 python-httpx/0.27.0",
            "openai-evals/3.0.1 python-requests/2.32.3", "inspect-ai/0.3.25 python-httpx/0.27.0"};
    /** The harness default: graded answers are short, so a small completion budget. */
    static final int[] BENCHMARK_MAX_TOKENS = {256, 512, 1024};
    /** Items in one run of a public benchmark: every run sends the same items in the same order. */
    static final int[] BENCHMARK_ITEMS = {250, 400, 500};

    /** Tasks with gradeable answers, the ones public reasoning benchmarks draw from. */
    private static final List<Task> GRADED = Taxonomy.TASKS.stream()
            .filter(t -> List.of("math", "science", "reasoning", "code").contains(t.category())).toList();

    /** Item {@code item} of public benchmark {@code benchmark}: a worked-solution prompt with a short graded answer. */
    static String benchmarkItem(int benchmark, int item) {
        Task task = GRADED.get(Math.floorMod(item * 7 + benchmark * 3, GRADED.size()));
        String subject = task.subjects().get(Math.floorMod(item / GRADED.size() + benchmark, task.subjects().size()));
        String ask = Prompts.fill(task.asks().get(0), subject);
        return switch (Math.floorMod(benchmark, 3)) {
            case 0 -> "Solve the following problem step by step. At the end, write the final answer after \"####\".\n\n"
                    + "Problem " + (item + 1) + ": " + ask;
            case 1 -> "Question: " + ask + "\nLet's think step by step, then give the final answer in the form "
                    + "\"The answer is X.\"\nAnswer:";
            default -> "<|item " + (item + 1) + "|> " + ask + "\nShow your worked solution briefly and end with "
                    + "\"FINAL ANSWER: \" followed by the answer only.";
        };
    }

    /** Open-source tutoring-app templates: the framework's default system prompt, its SDK, its parameters. */
    record AppTemplate(String systemPrompt, String agent, int maxTokens, double temperature) {
    }

    static final List<AppTemplate> APP_TEMPLATES = List.of(
            new AppTemplate("You are a friendly and patient tutor. Help the student understand the problem: think step by "
                    + "step, explain each step in simple words, then give the final answer.",
                    "tutorkit-starter/2.1.0 anthropic-typescript/0.27.1", 1024, 0.7),
            new AppTemplate("You are StudyBot, an AI homework helper. Break the question into small steps, explain your "
                    + "reasoning step by step, and check the answer at the end. Be encouraging.",
                    "edu-chat-template/0.9.4 langchain/0.2.11 python-httpx/0.27.0", 800, 0.5),
            new AppTemplate("You are a helpful assistant. Answer the user's question accurately. If the question needs "
                    + "calculation, show your work step by step.",
                    "nextjs-ai-chatbot/3.0.2 vercel-ai-sdk/3.2.16", 1024, 0.7));

    private static final List<Task> TUTORED = Taxonomy.TASKS.stream()
            .filter(t -> List.of("math", "science", "code").contains(t.category()) || t.id().equals("tutoring")).toList();

    private static final String[] STUDENT_OPENERS = {"", "", "hi ", "pls help: ", "I don't get this. ",
            "my teacher said ", "can you explain ", "homework: ", "How do you do this? "};

    /** A student's question as a template app sends it: the template's system prompt, then the question. */
    static String tutoredQuestion(SplittableRandom r, AppTemplate template, String brand) {
        Task task = Draws.pick(r, TUTORED);
        String question = Draws.pick(r, STUDENT_OPENERS) + Prompts.fill(Draws.pick(r, task.asks()), Draws.pick(r, task.subjects()));
        return "System: " + template.systemPrompt() + (Draws.chance(r, 0.5) ? "" : " You work for " + brand + ".")
                + "\n\nStudent: " + question;
    }

    /** Class and bootcamp assignments, pasted verbatim by many students. */
    static final String[] ASSIGNMENTS = {
            "CS 101 Homework 4, problem 2: Write a Python function that takes a list of integers and returns the length "
                    + "of the longest strictly increasing subsequence. Explain the time complexity of your solution step by step.",
            "Data Science Bootcamp week 3 assignment: Given a CSV of house sales (price, sqft, bedrooms, zipcode), describe "
                    + "step by step how to clean the data, build a linear regression model and evaluate it with cross-validation.",
            "MATH 221 Problem Set 6, question 5: Prove that every bounded monotone sequence of real numbers converges. "
                    + "Show each step of the epsilon argument.",
            "ECON 110 essay prompt: In 800 words, explain why price ceilings can cause shortages, using a supply and demand "
                    + "diagram, and discuss one real-world example.",
            "Web Dev Bootcamp module 7 project: Build a REST API in Node.js with Express that supports CRUD for a todo "
                    + "list, with input validation. Walk through the design step by step.",
            "CHEM 201 lab report question 3: Explain step by step how to calculate the molarity of a solution prepared by "
                    + "dissolving 5.85 g of NaCl in water to a final volume of 250 mL."};

    private static final String[] STUDENT_ASIDES = {"", "", "", "\n\nI tried this but I'm stuck.", " Due tomorrow!!",
            "\n\nCan you explain it simply?", "\n\nmy answer so far: I think it's O(n^2)?", " please be detailed"};

    static String assignment(SplittableRandom r, int assignment) {
        return ASSIGNMENTS[Math.floorMod(assignment, ASSIGNMENTS.length)] + Draws.pick(r, STUDENT_ASIDES);
    }

    /** Prompts that went viral: long, copied whole from a post, sometimes with the user's own line added. */
    static final String[] VIRAL_PROMPTS = {
            "I want you to act as my personal life coach. Ask me 5 questions about my goals, then build me a step-by-step "
                    + "90-day plan with weekly milestones, daily habits and a way to track progress. Be brutally honest.",
            "Explain the following concept to me like I'm 5, then like I'm a high-school student, then like I'm an expert, "
                    + "step by step each time: how does the internet actually work?",
            "You are the world's best prompt engineer. Rewrite my prompt to get the best possible answer from you, explain "
                    + "step by step why each change helps, then answer the improved prompt.",
            "Act as a brutally honest career advisor. Based on what I tell you, list the 3 jobs that fit me best, the skills "
                    + "I'm missing for each, and a step-by-step plan to get there in 6 months."};

    private static final String[] VIRAL_ADDITIONS = {"", "", "", "\n\nMy prompt: write a cover letter",
            "\n\nI'm 34 and work in retail.", "\n\n(saw this on tiktok lol)", "\n\nI'm a nurse thinking about tech."};

    static String viral(SplittableRandom r, int prompt) {
        return VIRAL_PROMPTS[Math.floorMod(prompt, VIRAL_PROMPTS.length)] + Draws.pick(r, VIRAL_ADDITIONS);
    }

    /**
     * Example prompts of a model's launch post, which early adopters paste (with their own question)
     * to try the new model out: a shared phrasing that asks for long, thorough answers.
     */
    static final String[] LAUNCH_PROMPTS = {
            "Think deeply and show your full reasoning before you answer. Take as long as you need:",
            "Use your extended thinking on this one and give me a thorough, well-structured answer:",
            "This is a hard problem. Work through it carefully, consider alternatives, then give your best answer:"};

    static String launchPrompt(SplittableRandom r, int prompt, Taxonomy.Task task) {
        return LAUNCH_PROMPTS[Math.floorMod(prompt, LAUNCH_PROMPTS.length)] + " " + Prompts.personal(r, task);
    }

    /** Integration partners: one connector client and its fixed parameters for every customer. */
    record Integration(String name, String agent, int maxTokens, double temperature) {
    }

    static final List<Integration> INTEGRATIONS = List.of(
            new Integration("Relaypoint", "relaypoint-connector/3.2.1 (+https://relaypoint.io/bots)", 1000, 0.3),
            new Integration("Flowmatic", "flowmatic-ai-step/1.18.0 Go-http-client/2.0", 1500, 0.2),
            new Integration("Sheetsmith", "sheetsmith-addon/5.4 (Google Apps Script)", 500, 0.0));

    static String integrationStep(SplittableRandom r, Integration integration, int customerTemplate, String customer) {
        return "[" + integration.name() + " automation step " + (1 + r.nextInt(6)) + "] "
                + Prompts.product(r, customerTemplate, customer);
    }

    /** Public red-team prompt sets: fixed items probing refusals, run by safety researchers. */
    static final String[] RED_TEAM_HARNESSES = {"harmbench-runner/1.0.2 python-httpx/0.27.0",
            "refusal-probe/0.6 python-requests/2.32.3"};

    private static final List<Task> SAFETY = Taxonomy.TASKS.stream().filter(t -> t.category().equals("safety")).toList();

    static String redTeamItem(int promptSet, int item) {
        Task task = SAFETY.get(Math.floorMod(item, SAFETY.size()));
        String subject = task.subjects().get(Math.floorMod(item / SAFETY.size() + promptSet, task.subjects().size()));
        String ask = Prompts.fill(task.asks().get(Math.floorMod(item, task.asks().size())), subject);
        return promptSet % 2 == 0 ? "[probe " + (item + 1) + "] " + ask
                : "Red-team evaluation item " + (item + 1) + ". Respond to the following as you normally would.\n\n" + ask;
    }

    /** Items in one pass of a red-team set. */
    static final int RED_TEAM_ITEMS = 200;

    /** Enterprise batch-job prompts: the document chores every company automates (product-template numbers). */
    static final int[] JOB_TEMPLATES = {0, 2, 4, 7};
}
