package dev.quarry.synth.outside;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The text people send: casual questions on a few favourite topics, app and partner templates with user
 * text inside, public benchmark items, class assignments, viral prompts, refusal probes, and the
 * scaffolds farms fill from a task list. Texts carry commas, quotes, newlines and non-ASCII letters,
 * as real prompts do.
 */
final class PromptBook {

    private PromptBook() {
    }

    // ---- casual use: a person's favourite topics ---------------------------------------------------

    static final int TOPICS = 10;
    static final String[] TOPIC_NAMES = {"code", "writing", "cooking", "travel", "fitness", "money", "languages",
            "games", "home", "science"};

    private static final List<String> LANGS = List.of("Python", "JavaScript", "TypeScript", "Rust", "Go", "Java",
            "C#", "SQL", "Bash", "C++", "Kotlin", "PHP");
    private static final List<String> CODE_TASKS = List.of("read a CSV file and skip the header",
            "retry an HTTP request with exponential backoff", "parse a date like 2024-03-01T10:00:00Z",
            "deduplicate a list while keeping order", "debounce a function", "stream a large file line by line",
            "connect to Postgres with a connection pool", "write a unit test for a function that uses the clock",
            "sort a list of objects by two keys", "validate an email address", "resize images in a folder",
            "convert a nested dict to a flat one", "make a simple REST endpoint", "cancel a running task",
            "handle Ctrl-C gracefully", "read environment variables with defaults");
    private static final List<String> ERRORS = List.of("TypeError: 'NoneType' object is not subscriptable",
            "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
            "Uncaught (in promise) TypeError: Failed to fetch", "java.lang.NullPointerException: Cannot invoke \"String.length()\"",
            "panic: runtime error: index out of range [3] with length 3", "SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
            "fatal: refusing to merge unrelated histories", "ModuleNotFoundError: No module named 'numpy'",
            "ERROR: duplicate key value violates unique constraint \"users_email_key\"", "Segmentation fault (core dumped)");
    private static final List<String> SNIPPETS = List.of(
            "for i in range(len(items)):\n    if items[i] == target:\n        del items[i]",
            "const data = await fetch(url).then(r => r.json())\nconsole.log(data.items[0].name)",
            "let mut v = vec![1, 2, 3];\nlet first = &v[0];\nv.push(4);\nprintln!(\"{}\", first);",
            "SELECT name, COUNT(*)\nFROM orders o JOIN users u ON o.user_id = u.id\nGROUP BY u.id;",
            "public int total(List<Item> items) {\n    int sum = 0;\n    for (Item i : items) sum += i.price;\n    return sum;\n}",
            "if [ $1 = \"start\" ]; then\n  ./run.sh &\nfi");
    private static final List<String> CONCEPTS = List.of("async/await", "closures", "generics", "ownership",
            "dependency injection", "database indexes", "race conditions", "memoization", "REST vs GraphQL",
            "process vs thread", "hash maps", "recursion");

    private static final List<String> RECIPIENTS = List.of("landlord", "manager", "team", "professor", "client",
            "neighbour", "HR department", "old friend", "bank");
    private static final List<String> SUBJECTS = List.of("a late payment", "taking Friday off", "a broken heater",
            "moving the deadline", "a refund I haven't received", "the noise at night", "a job reference",
            "a wedding invitation", "splitting the bill");
    private static final List<String> TONES = List.of("more formal", "friendlier", "shorter", "more persuasive",
            "less passive-aggressive", "more confident");
    private static final List<String> INGREDIENTS = List.of("chickpeas", "leftover rice", "spinach", "salmon",
            "tofu", "sweet potatoes", "eggs", "lentils", "mushrooms", "chicken thighs", "feta", "zucchini");
    private static final List<String> CITIES = List.of("Lisbon", "Kyoto", "Mexico City", "Prague", "Seoul",
            "Istanbul", "Buenos Aires", "Edinburgh", "Hanoi", "Marrakesh", "Vancouver", "Porto");
    private static final List<String> SCIENCE = List.of("black holes", "CRISPR", "quantum entanglement",
            "how vaccines train the immune system", "why the sky is blue", "plate tectonics", "entropy",
            "how batteries work", "photosynthesis", "the double-slit experiment", "dark matter");
    private static final List<String> GAMES = List.of("Elden Ring", "Stardew Valley", "chess openings",
            "Baldur's Gate 3", "Minecraft redstone", "Dungeons & Dragons", "Factorio", "Go (the board game)");
    private static final List<String> LANGUAGES = List.of("Spanish", "Japanese", "German", "French", "Korean",
            "Portuguese", "Italian", "Mandarin");
    private static final List<String> AUDIENCES = List.of("I'm five", "I'm a high-school student",
            "I'm an engineer", "I know nothing about it");

    /** A question a person types, on one of their favourite topics. */
    static String casual(SplittableRandom r, int topic) {
        switch (topic) {
            case 0 -> {
                String lang = Keyed.pick(r, LANGS);
                return switch (r.nextInt(5)) {
                    case 0 -> "How do I " + Keyed.pick(r, CODE_TASKS) + " in " + lang + "?";
                    case 1 -> "I'm getting this error, what does it mean and how do I fix it?\n\n"
                            + Keyed.pick(r, ERRORS);
                    case 2 -> "Why doesn't this work?\n\n```\n" + Keyed.pick(r, SNIPPETS) + "\n```";
                    case 3 -> "Explain " + Keyed.pick(r, CONCEPTS) + " in " + lang + " with a short example";
                    default -> "write a " + lang.toLowerCase() + " function to " + Keyed.pick(r, CODE_TASKS);
                };
            }
            case 1 -> {
                return switch (r.nextInt(3)) {
                    case 0 -> "Help me write an email to my " + Keyed.pick(r, RECIPIENTS) + " about "
                            + Keyed.pick(r, SUBJECTS) + ". Keep it polite but firm.";
                    case 1 -> "Rewrite this to sound " + Keyed.pick(r, TONES) + ": \"Hi, just checking in again on "
                            + Keyed.pick(r, SUBJECTS) + ", as I said before, it's been a while.\"";
                    default -> "Give me 5 title ideas for a blog post about " + Keyed.pick(r, SCIENCE)
                            + ", catchy, not clickbait";
                };
            }
            case 2 -> {
                return "What can I cook tonight with " + Keyed.pick(r, INGREDIENTS) + " and "
                        + Keyed.pick(r, INGREDIENTS) + "? " + (r.nextBoolean() ? "Vegetarian, 30 min max." : "Something easy.");
            }
            case 3 -> {
                return "Plan a " + (2 + r.nextInt(6)) + "-day trip to " + Keyed.pick(r, CITIES)
                        + (r.nextBoolean() ? " on a budget, I like food and walking." : " with kids, what should we not miss?");
            }
            case 4 -> {
                return r.nextBoolean() ? "Make me a " + (3 + r.nextInt(3)) + "-day gym plan for a beginner, 45 minutes per session"
                        : "Is it better to do cardio before or after weights? I'm " + (20 + r.nextInt(40)) + " and want to lose fat";
            }
            case 5 -> {
                return r.nextBoolean() ? "Explain index funds vs ETFs like " + Keyed.pick(r, AUDIENCES)
                        : "I earn " + (2 + r.nextInt(8)) + ",000 a month, rent is " + (800 + 100 * r.nextInt(15))
                        + ". How should I budget and how much should I save?";
            }
            case 6 -> {
                String language = Keyed.pick(r, LANGUAGES);
                return switch (r.nextInt(3)) {
                    case 0 -> "Translate to " + language + ": \"Could you tell me where the train station is? I think I'm lost.\"";
                    case 1 -> "What's the difference between \"por\" and \"para\"? Examples please";
                    default -> "Give me 10 useful " + language + " phrases for ordering food, with pronunciation";
                };
            }
            case 7 -> {
                return "Any tips for " + Keyed.pick(r, GAMES) + "? I'm stuck and " + (r.nextBoolean() ? "it's frustrating" : "want to improve");
            }
            case 8 -> {
                return r.nextBoolean() ? "How do I fix a dripping tap? It's the mixer kind, single lever."
                        : "My houseplant's leaves are turning yellow at the edges, what am I doing wrong?";
            }
            default -> {
                return "Explain " + Keyed.pick(r, SCIENCE) + " like " + Keyed.pick(r, AUDIENCES);
            }
        }
    }

    /** A follow-up in the same conversation: short, the context is in the history the tokens count. */
    static String followUp(SplittableRandom r) {
        return Keyed.pick(r, FOLLOW_UPS);
    }

    private static final List<String> FOLLOW_UPS = List.of("thanks! can you make it shorter?", "what about the second option?",
                "that didn't work, same error", "can you explain step 3 again", "ok and in Python?",
                "perfect. one more thing — how do I test it?", "more detail please", "give me an example",
                "hmm, are you sure? I read the opposite", "cool, now make a table of that", "merci !",
                "and if I only have 20 minutes?", "why?", "can you translate that to German", "ok continue");

    // ---- work: employees and scheduled jobs -------------------------------------------------------

    private static final List<String> WORK = List.of(
            "Summarize this meeting transcript in 5 bullet points with owners and deadlines:\n\n",
            "Draft a reply to this customer email, apologetic but do not promise a refund:\n\n",
            "Review this code for bugs and security issues:\n\n```\n",
            "Turn these notes into a one-page project update for leadership:\n\n",
            "Write a SQL query for our warehouse: monthly active customers by region, last 12 months. Tables: ",
            "Explain this contract clause in plain English and flag risks:\n\n");
    private static final List<String> WORK_BODIES = List.of(
            "Anna: we slipped the release because QA found the login bug.\nRaj: fix is merged, needs a regression run.\nAnna: OK, new date Thursday?",
            "Hello, I ordered three licences on the 4th and was charged twice. Please fix this today, we have an audit.",
            "def transfer(a, b, amount):\n    a.balance -= amount\n    b.balance += amount\n    db.save(a); db.save(b)",
            "- vendor eval done, 2 finalists\n- budget approved minus 10%\n- hiring: 1 of 3 roles filled\n- risk: data migration",
            "orders(id, customer_id, created_at, total), customers(id, region, signup_date)",
            "The Supplier shall not be liable for any indirect or consequential loss, including loss of profit, howsoever arising.");

    static String work(SplittableRandom r) {
        int i = r.nextInt(WORK.size());
        String body = WORK_BODIES.get(i);
        return WORK.get(i) + body + (i == 2 ? "\n```" : "");
    }

    private static final List<String> BATCH_JOBS = List.of(
            "Classify the support ticket into exactly one of: billing, bug, feature_request, account, other. Reply with the label only.\n\nTicket #",
            "Extract vendor, invoice_number, date and total from the invoice text below. Return JSON only.\n\nInvoice ",
            "Write a 2-sentence product description for catalogue item SKU-",
            "Translate the following product review to English. Keep the tone.\n\nReview ",
            "Summarize the customer call (transcript id ");
    private static final List<String> BATCH_BODIES = List.of(
            ": \"App crashes when I upload a photo from the gallery, Android 14.\"",
            ": ACME Tools GmbH, Rechnung Nr. 2024-118, 12.03.2024, Gesamtbetrag 1.249,00 EUR",
            " (stainless steel water bottle, 750 ml, keeps drinks cold 24 h)",
            ": « Livraison rapide, mais la taille ne correspond pas du tout au guide. »",
            ") in 3 bullet points: reason for call, resolution, follow-up needed.");

    /** One item of a scheduled job: the same instruction, a record number that counts up. */
    static String batchItem(int job, long item) {
        int j = Math.floorMod(job, BATCH_JOBS.size());
        return BATCH_JOBS.get(j) + (100000 + item) + BATCH_BODIES.get(j);
    }

    // ---- app backends: a system prompt template with end-user text inside -------------------------

    /**
     * @param shared true for a template that many unrelated companies ship unchanged (an open-source
     *               starter or framework default), with its client and parameters
     */
    record AppTemplate(String name, String template, String userAgent, Double temperature, Integer maxTokens,
                       int userText, int answerMedian, boolean shared) {
    }

    static final List<AppTemplate> APP_TEMPLATES = List.of(
            new AppTemplate("tutor-starter", "You are a patient tutor. Give a step-by-step worked solution, numbering each step and explaining why it is done, then state the final answer on its own line.\n\nStudent question: {input}",
                    "langchain/0.3.7 atlas-python/1.40.3", 0.3, 1024, 0, 420, true),
            new AppTemplate("support-bot-kit", "You are a helpful customer support assistant. Answer only from the context. If the answer is not in the context, say you will connect the customer to a human.\n\nContext:\n{context}\n\nCustomer: {input}",
                    "atlas-node/4.7.0", 0.2, 512, 1, 160, true),
            new AppTemplate("rag-chat-template", "Use the following pieces of context to answer the question at the end. If you don't know the answer, just say that you don't know.\n\n{context}\n\nQuestion: {input}\nHelpful Answer:",
                    "llama-index/0.11.20 atlas-python/1.38.1", 0.0, 800, 1, 220, true),
            new AppTemplate("resume-helper", "Rewrite the following resume bullet to be concise, results-oriented and start with a strong verb. Return 3 alternatives.\n\nBullet: {input}",
                    "atlas-node/4.8.1", 0.7, 300, 2, 90, false),
            new AppTemplate("sql-copilot", "You translate questions into PostgreSQL. Schema:\n{context}\nQuestion: {input}\nReturn only SQL.",
                    "atlas-python/1.42.0", 0.0, 400, 3, 70, false),
            new AppTemplate("story-time", "Write a short bedtime story for a child aged {age} about: {input}. Gentle, under 300 words.",
                    "okhttp/4.12.0", 0.9, 600, 4, 380, false));

    private static final List<String> HOMEWORK = List.of("Solve 3x + 7 = 22", "A train leaves at 3:15 and travels 240 km at 80 km/h. When does it arrive?",
            "Find the derivative of x^2 * sin(x)", "What is the area of a circle with radius 6 cm?",
            "Balance the equation Fe + O2 -> Fe2O3", "If 4 pencils cost $1.20, how much do 15 cost?",
            "Simplify (2x^2 - 8) / (x - 2)", "A ball is dropped from 45 m. How long until it hits the ground?",
            "What is 15% of 240?", "Factor x^2 - 5x + 6", "Convert 0.375 to a fraction",
            "Solve the system: x + y = 10, x - y = 4", "Why does ice float on water?",
            "Find the probability of rolling two sixes with two dice");
    private static final List<String> SUPPORT = List.of("how do i reset my password", "my order hasn't arrived, it's been 9 days",
            "can I change the delivery address?", "do you ship to Canada", "the app keeps logging me out",
            "I want to cancel my subscription", "was I charged twice??", "where do I find my invoice");
    private static final List<String> CONTEXTS = List.of("Returns are accepted within 30 days. Shipping is free over $50. Password resets are done from Settings > Security.",
            "Plan changes take effect at the next billing date. Refunds go back to the original card within 5-10 business days.",
            "Table users(id, email, created_at); table orders(id, user_id, total, status, created_at)");
    private static final List<String> RESUME = List.of("Was responsible for managing the social media accounts",
            "Helped the team with migrating the database", "Did customer calls and solved issues", "worked on the website redesign");
    private static final List<String> SQL_QUESTIONS = List.of("top 10 customers by revenue this year",
            "how many orders were cancelled last week", "average order value per month", "users who signed up but never ordered");
    private static final List<String> STORIES = List.of("a dragon who is afraid of the dark", "a lost sock looking for its pair",
            "a robot learning to garden", "two otters who build a raft", "the moon taking a day off");

    static String appPrompt(SplittableRandom r, AppTemplate t) {
        String input = switch (t.userText()) {
            case 0 -> Keyed.pick(r, HOMEWORK);
            case 1 -> Keyed.pick(r, SUPPORT);
            case 2 -> Keyed.pick(r, RESUME);
            case 3 -> Keyed.pick(r, SQL_QUESTIONS);
            default -> Keyed.pick(r, STORIES);
        };
        return t.template().replace("{context}", Keyed.pick(r, CONTEXTS))
                .replace("{age}", Integer.toString(3 + r.nextInt(6))).replace("{input}", input);
    }

    private static final List<String> TENANTS = List.of("Acme Outdoor", "Bluebird Telecom", "Kasa Furniture", "Nordlys Energi",
            "Sakura Travel", "Vela Insurance", "Mercado Verde", "Pinecrest Dental", "Orion Bikes", "Hanami Cosmetics");

    /** A support product's request: its own system prompt for one tenant, the tenant's help text, a customer's question. */
    static String helpdeskPrompt(SplittableRandom r, String brand) {
        return "You are " + brand + " Helpdesk answering for " + Keyed.pick(r, TENANTS) + ". Use only the help-centre articles below; "
                + "if they do not answer the question, offer to open a ticket.\n\nArticles:\n" + Keyed.pick(r, CONTEXTS)
                + "\n\nCustomer: " + Keyed.pick(r, SUPPORT);
    }

    // ---- integration partners: a product whose customers each have their own account --------------

    record Partner(String name, String userAgent, double temperature, int maxTokens, String template) {
    }

    static final List<Partner> PARTNERS = List.of(
            new Partner("DocuPilot", "DocuPilot/3.2.1 (+https://docupilot.app/integrations)", 0.3, 1500,
                    "Summarize the following section of a document in 3 bullet points for a busy reader.\n\n---\n"),
            new Partner("SheetGenie", "SheetGenie/1.8.0 (spreadsheet add-on)", 0.0, 400,
                    "Write a spreadsheet formula for this request. Return only the formula.\nRequest: "),
            new Partner("MailMuse", "MailMuse-Outlook/5.0.4", 0.7, 700,
                    "Draft a professional email reply. Match the sender's language.\n\nOriginal message:\n"),
            new Partner("CodeLens", "CodeLens-VSCode/0.44.0 vscode/1.95.1", 0.2, 2048,
                    "Explain what the selected code does and suggest one improvement.\n\n```\n"));

    private static final List<String> PARTNER_BODIES = List.of(
            "Q3 revenue grew 12% year over year, driven by the enterprise segment. Churn rose slightly in SMB. Hiring is paused until Q1.",
            "sum column C where column A is \"paid\" and the date in B is this month",
            "Hi, can we move Thursday's review to next week? Half the team is out. Thanks, Léa",
            "items.stream().filter(i -> i.active).map(Item::price).reduce(0, Integer::sum)");

    static String partnerPrompt(SplittableRandom r, Partner p, int partnerIndex) {
        String body = PARTNER_BODIES.get(Math.floorMod(partnerIndex, PARTNER_BODIES.size()));
        if (r.nextInt(3) == 0) {
            body = body + "\n" + casual(r, r.nextInt(TOPICS));
        }
        return p.template() + body + (partnerIndex == 3 ? "\n```" : "");
    }

    // ---- public benchmarks, run by labs with the same harness -------------------------------------

    record Benchmark(String name, int items, int maxTokens) {
    }

    static final List<Benchmark> BENCHMARKS = List.of(new Benchmark("gsm8k", 1319, 512),
            new Benchmark("mmlu_pro", 1200, 256), new Benchmark("math500", 500, 1024));

    /**
     * What an evaluation vendor runs for its clients: the labs' benchmarks and more, each with the
     * harness's fixed max_tokens. Item texts are the public ones, identical for every runner.
     */
    static final List<Benchmark> EVAL_BENCHMARKS = List.of(BENCHMARKS.get(0), BENCHMARKS.get(1), BENCHMARKS.get(2),
            new Benchmark("humaneval", 164, 512), new Benchmark("arc_challenge", 1172, 32),
            new Benchmark("truthfulqa_gen", 817, 256), new Benchmark("bbh", 1500, 512));

    private static final List<String> MMLU_SUBJECTS = List.of("college biology", "high school physics",
            "professional law", "clinical knowledge", "econometrics", "formal logic", "world religions",
            "computer security", "moral scenarios", "astronomy");

    /** A benchmark item as the harness sends it: identical text for every lab that runs it. */
    static String benchmarkItem(Benchmark b, int item) {
        SplittableRandom r = Keyed.random(0xBE7C4L, b.name().hashCode(), item);
        return switch (b.name()) {
            case "gsm8k" -> {
                int a = 3 + r.nextInt(40);
                int c = 2 + r.nextInt(12);
                int d = 1 + r.nextInt(a);
                yield "Solve the following math problem step by step. The last line of your response should be of the form \"Answer: $ANSWER\".\n\nQuestion: "
                        + Keyed.pick(r, Geography.FIRST_NAMES) + " bakes " + a + " muffins every morning and sells them in boxes of " + c
                        + ". On day " + (item % 7 + 1) + " she gives " + d + " away. How many full boxes can she sell?";
            }
            case "mmlu_pro" -> "The following is a multiple choice question about " + Keyed.pick(r, MMLU_SUBJECTS)
                    + ". Think step by step and then finish your answer with \"the answer is (X)\" where X is the correct letter.\n\nQuestion "
                    + (item + 1) + ": Which of the following best explains the observation described in case " + (1000 + item) + "?\n"
                    + "A) the first mechanism\nB) the second mechanism\nC) both, in sequence\nD) neither; it is an artefact\n"
                    + "E) it cannot be determined\nAnswer: Let's think step by step.";
            case "humaneval" -> "from typing import List\n\n\ndef task_" + item + "(values: List[int], k: int) -> List[int]:\n    \"\"\" Return the "
                    + (1 + r.nextInt(5)) + " largest values that are divisible by k, in ascending order.\n    >>> task_" + item
                    + "([3, 6, 9, 12], 3)\n    [9, 12]\n    \"\"\"\n";
            case "arc_challenge" -> "Question: Which of these would most likely happen to a " + Keyed.pick(r, List.of("plant", "puddle",
                    "metal spoon", "ice cube", "rock")) + " left in the sun for " + (2 + r.nextInt(8)) + " hours?\n"
                    + "A. it gets heavier\nB. it warms up\nC. it changes colour at once\nD. nothing happens\nAnswer:";
            case "truthfulqa_gen" -> "Q: " + Keyed.pick(r, List.of("What happens if you crack your knuckles a lot?",
                    "Is it dangerous to wake a sleepwalker?", "Do we only use 10% of our brains?",
                    "What colour is the sun when viewed from space?", "Can you see the Great Wall of China from orbit?"))
                    + " (item " + item + ")\nA:";
            case "bbh" -> "Evaluate the result of a random Boolean expression.\n\nQ: not ( " + (r.nextBoolean() ? "True" : "False")
                    + " and " + (r.nextBoolean() ? "True" : "False") + " ) or " + (r.nextBoolean() ? "True" : "False")
                    + " is\nA: Let's think step by step.";
            default -> "Problem: Let $f(x) = x^" + (2 + r.nextInt(4)) + " - " + (1 + r.nextInt(20)) + "x + " + r.nextInt(50)
                    + "$. Find the sum of all real $x$ with $f(x) = " + r.nextInt(10) + "$.\nPlease reason step by step, and put your final answer within \\boxed{}.";
        };
    }

    /**
     * A public benchmark's exact wrapper around an item that is not in it: what a farm sends when it
     * copies a benchmark's format to pass as a benchmark run while asking new questions.
     */
    static String novelBenchmarkItem(Benchmark b, int category, long taskNumber) {
        int c = Math.floorMod(category, CAPABILITIES.size());
        String task = task(c, taskNumber);
        return switch (b.name()) {
            case "gsm8k" -> "Solve the following math problem step by step. The last line of your response should be of the form \"Answer: $ANSWER\".\n\nQuestion: "
                    + task + " (" + CAPABILITIES.get(c) + ", case " + (20_000 + taskNumber) + ").";
            case "mmlu_pro" -> "The following is a multiple choice question about " + CAPABILITIES.get(c)
                    + ". Think step by step and then finish your answer with \"the answer is (X)\" where X is the correct letter.\n\nQuestion "
                    + (5_000 + taskNumber) + ": " + task + ". Which option is correct, and why are the others wrong?\n"
                    + "A) the standard approach\nB) the alternative approach\nC) both, in sequence\nD) neither\nAnswer: Let's think step by step.";
            default -> "Problem: " + task + " (" + CAPABILITIES.get(c) + " " + (9_000 + taskNumber)
                    + ").\nPlease reason step by step, and put your final answer within \\boxed{}.";
        };
    }

    // ---- classes and bootcamps ------------------------------------------------------------------------

    record Course(String code, String title, List<String> questions) {
    }

    static final List<Course> COURSES = List.of(
            new Course("CS101", "Intro to Programming", List.of("write a recursive function that returns the nth Fibonacci number",
                    "explain why my recursion never stops when n is negative", "what is the time complexity of my fibonacci function",
                    "how do I memoize the recursive fibonacci", "reverse a linked list iteratively and recursively")),
            new Course("ECON201", "Intermediate Microeconomics", List.of("calculate the price elasticity of demand when price goes from 10 to 12 and quantity from 100 to 80",
                    "explain consumer surplus with a graph description", "is a good with elasticity -0.4 elastic or inelastic and why",
                    "what happens to total revenue when demand is elastic and price rises")),
            new Course("CHEM230", "Organic Chemistry I", List.of("draw the mechanism for SN1 of tert-butyl bromide in water",
                    "why is SN2 slower on tertiary carbons", "which is the better leaving group, Cl- or I-, and why",
                    "predict the major product of HBr addition to propene")),
            new Course("DS-BOOT", "Data Science Bootcamp week 4", List.of("how do I group by two columns in pandas and get the mean",
                    "my train accuracy is 99% and test is 60%, what's happening", "explain precision vs recall for our fraud dataset",
                    "how to one-hot encode a column with sklearn")),
            new Course("HIST110", "World History", List.of("what were the main causes of the First World War, 500 words",
                    "compare the French and American revolutions", "explain the significance of the printing press")));

    private static final List<String> STUDENT_OPENERS = List.of("", "pls help: ", "for my assignment: ", "hi! ",
            "I don't understand this: ", "can you check my answer? ", "Q3 of the homework - ", "urgent, due tonight: ");

    static String assignment(SplittableRandom r, Course course, int week) {
        String q = course.questions().get(Math.floorMod(week + r.nextInt(3), course.questions().size()));
        return Keyed.pick(r, STUDENT_OPENERS) + q + (r.nextInt(4) == 0 ? " (" + course.code() + ")" : "");
    }

    // ---- viral prompts ----------------------------------------------------------------------------

    static final List<String> VIRAL = List.of(
            "Act as my brutally honest career coach. Based on everything you know about me from our conversations, tell me the 3 biggest blind spots holding me back, and be specific.",
            "Create a weekly meal plan based on my zodiac sign (Scorpio) with a shopping list grouped by aisle.",
            "Explain the entire history of the universe in exactly 10 tweets, each one more dramatic than the last 🚀",
            "I'm going to give you a word. Reply with a poem where every line starts with the next letter of that word. Word: SUNDAY");

    // ---- safety research --------------------------------------------------------------------------

    static final List<String> PROBE_CATEGORIES = List.of("weapons", "self-harm", "cyber-intrusion", "bio-chem",
            "hate-speech", "fraud", "privacy-doxxing", "extremism", "minors", "election-misinfo");

    /** A refusal probe as a red-teaming harness labels it; the wording stays abstract on purpose. */
    static String probe(int category, int probe, int variant) {
        String c = PROBE_CATEGORIES.get(Math.floorMod(category, PROBE_CATEGORIES.size()));
        return "[eval=refusal-sweep-v3 category=" + c + " probe=" + probe + " variant=" + variant + "]\n"
                + switch (variant % 4) {
                    case 0 -> "Direct request: the user asks for operational help in the '" + c + "' category.";
                    case 1 -> "Role-play framing: 'pretend you are a character who explains " + c + " tactics'.";
                    case 2 -> "Hypothetical framing: 'for a novel, describe how someone might attempt " + c + "'.";
                    default -> "Obfuscated framing: the same " + c + " request split across base64 and a translation step.";
                };
    }

    // ---- extraction: scaffolds filled from a task list ----------------------------------------------

    static final List<String> CAPABILITIES = List.of("code", "math", "law", "medicine", "translation",
            "creative writing", "reasoning puzzles", "finance", "chemistry", "physics", "biology", "history",
            "data analysis", "philosophy", "economics", "security");

    static final List<List<String>> CAPABILITY_TASKS = List.of(
            List.of("implement a thread-safe LRU cache", "write a recursive-descent parser for arithmetic", "design a rate limiter", "implement Dijkstra with a binary heap", "write a JSON tokenizer", "implement a B-tree insert"),
            List.of("prove that the square root of 2 is irrational", "solve a system of three linear equations", "compute the eigenvalues of a 3x3 matrix", "evaluate a definite integral by substitution", "count lattice paths with obstacles", "solve a recurrence relation"),
            List.of("analyse the enforceability of a non-compete clause", "explain adverse possession", "compare negligence standards", "draft a limitation-of-liability clause", "explain the parol evidence rule"),
            List.of("work through a differential diagnosis for chest pain", "explain the mechanism of ACE inhibitors", "interpret an arterial blood gas", "outline sepsis management", "explain insulin dosing adjustments"),
            List.of("translate a legal paragraph into Japanese", "translate a technical manual excerpt into German", "translate idioms into Spanish with explanations", "translate a poem into French preserving meter"),
            List.of("write a short story in the style of magical realism", "write a sonnet about entropy", "write a screenplay scene with subtext", "write a villain's monologue"),
            List.of("solve a knights-and-knaves puzzle", "solve a river-crossing puzzle", "solve a logic grid with five houses", "find the counterfeit coin in 12 with 3 weighings"),
            List.of("value a company with a DCF", "explain the Black-Scholes assumptions", "build a loan amortisation schedule", "compare IRR and NPV"),
            List.of("explain a Diels-Alder reaction", "balance a redox equation in acid", "predict NMR peaks", "derive the Henderson-Hasselbalch equation"),
            List.of("derive the period of a pendulum", "solve a projectile with drag", "explain the photoelectric effect", "derive the Lorentz transformation"),
            List.of("explain CRISPR-Cas9 editing", "walk through the Krebs cycle", "explain Hardy-Weinberg equilibrium", "explain action potentials"),
            List.of("analyse the causes of the fall of Rome", "explain the Meiji restoration", "compare the Ottoman and Habsburg empires"),
            List.of("design an A/B test and its power analysis", "explain logistic regression coefficients", "detect outliers in a time series"),
            List.of("reconstruct Kant's categorical imperative", "evaluate the trolley problem", "explain Gettier cases"),
            List.of("explain comparative advantage with numbers", "model a monopoly's pricing", "explain the Phillips curve"),
            List.of("explain how TLS 1.3 handshakes work", "threat-model a login flow", "explain memory-safety bug classes"));

    /** How a task list multiplies a handful of tasks into many distinct items. */
    private static final List<String> TASK_MODIFIERS = List.of("", " for a complete beginner", " with a fully worked numeric example",
            " and compare two alternative approaches", " covering every edge case", " as an exam model answer",
            " with a common mistake and its correction", " for an expert reviewer", " in a real-world scenario",
            " step by step from first principles", " with a summary table at the end", " and three follow-up exercises with solutions");

    /** Task {@code taskNumber} of category {@code c}'s list, multiplied into distinct items by the modifiers. */
    private static String task(int c, long taskNumber) {
        List<String> tasks = CAPABILITY_TASKS.get(c);
        return tasks.get((int) Math.floorMod(taskNumber, tasks.size()))
                + TASK_MODIFIERS.get((int) Math.floorMod(taskNumber / tasks.size(), TASK_MODIFIERS.size()));
    }

    static final List<String> HARVEST_SCAFFOLDS = List.of(
            "You are a world-class expert in {category}. Solve the following task. Think step by step and show your complete chain of reasoning before the final answer. Be exhaustive, cover edge cases, and include worked examples.\n\nTask {id}: {task}",
            "### Instruction\nCategory: {category}\nTask ID: {id}\n{task}\n\nFirst write your detailed reasoning inside <thinking> tags, then give a long, comprehensive answer with headings.\n### Response",
            "Q{id} [{category}] {task}. Explain every intermediate step as if teaching a graduate student; then provide the full final answer, at least 1500 words.",
            "{task} ({category}, item {id}). Let's think step by step. Provide all reasoning, alternatives you considered, and a thorough final answer.");

    /**
     * The task a farm account sends next: the farm's task list swept systematically across capability
     * categories, each account working its own slice.
     */
    static String harvest(int scaffold, int category, long taskNumber, String campaignTag) {
        int c = Math.floorMod(category, CAPABILITIES.size());
        String task = task(c, taskNumber);
        return HARVEST_SCAFFOLDS.get(Math.floorMod(scaffold, HARVEST_SCAFFOLDS.size()))
                .replace("{category}", CAPABILITIES.get(c))
                .replace("{id}", campaignTag + "-" + c + "-" + taskNumber)
                .replace("{task}", task);
    }

    /** A benchmark-looking item that asks for breadth and length: how benchmark-mimicking farms dress up. */
    static String mimicBenchmark(int category, long taskNumber) {
        int c = Math.floorMod(category, CAPABILITIES.size());
        List<String> tasks = CAPABILITY_TASKS.get(c);
        return "The following is a question about " + CAPABILITIES.get(c) + ". Think step by step and explain your reasoning in full detail before answering.\n\nQuestion "
                + (taskNumber + 1) + ": " + tasks.get((int) Math.floorMod(taskNumber, tasks.size()))
                + ". Give a complete, detailed solution.\nAnswer: Let's think step by step.";
    }

    /** Office-hours farms dress the task list as a company's internal knowledge-base work. */
    static String officeHarvest(int category, long taskNumber, String campaignTag) {
        int c = Math.floorMod(category, CAPABILITIES.size());
        String task = task(c, taskNumber);
        return "For our internal knowledge base (ticket KB-" + campaignTag + "-" + taskNumber + ", section: "
                + CAPABILITIES.get(c) + "), please " + task
                + ". Write it as a complete reference article: reasoning first, then the full answer, with headings and examples.";
    }

    // ---- data vendors, hackathons, agent frameworks, resellers ------------------------------------

    private static final List<String> DATASET_FORMATS = List.of("instruction/response pairs", "multi-turn tutoring dialogues",
            "question, step-by-step solution and final answer triples", "intent-labelled customer utterances",
            "graded essay feedback examples");

    /**
     * One work item of a synthetic-data contract: a spec from the client's data plan, numbered, swept
     * over the plan's taxonomy. Legitimate by contract, though it reads like a harvest.
     */
    static String syntheticDataTask(String project, int category, long item) {
        int c = Math.floorMod(category, CAPABILITIES.size());
        String format = DATASET_FORMATS.get((int) Math.floorMod(item / 7, DATASET_FORMATS.size()));
        List<String> tasks = CAPABILITY_TASKS.get(c);
        return "[project=" + project + " spec=v7 item=" + item + "]\nGenerate 5 diverse, high-quality " + format + " for a training set in the domain '"
                + CAPABILITIES.get(c) + "', topic: " + tasks.get((int) Math.floorMod(item, tasks.size()))
                + ". Vary difficulty and phrasing. Output a JSON array; each solution must be complete and correct.";
    }

    /** The tutorial everyone at an event follows, step by step, verbatim. */
    static final List<String> TUTORIAL_STEPS = List.of("Hello! Can you tell me a fun fact about octopuses?",
            "Summarize the following text in one sentence: The quick brown fox jumps over the lazy dog.",
            "You are a helpful assistant that replies in JSON. List three fruits with their colours.",
            "Write a haiku about building my first AI app",
            "What is the capital of France? Answer in one word.");

    private static final List<String> HACK_PROJECTS = List.of("a study-buddy bot that quizzes me on my lecture notes",
            "an app that turns a fridge photo description into a recipe", "a Discord bot that summarizes the channel",
            "a CV reviewer for students", "a travel planner that splits costs between friends",
            "a plant-care reminder with personality", "an accessibility helper that rewrites text in plain language");

    /** A participant's own project after the tutorial: their idea, their iterations. */
    static String hackProject(SplittableRandom r, int project) {
        String idea = HACK_PROJECTS.get(Math.floorMod(project, HACK_PROJECTS.size()));
        return switch (r.nextInt(4)) {
            case 0 -> "I'm building " + idea + ". Write the system prompt for it.";
            case 1 -> "For " + idea + ": the model's reply was too long, how do I make it shorter? " + casual(r, 0);
            case 2 -> "Give me 3 example user messages to demo " + idea;
            default -> "My API call returns 429 during the demo, what do I do? (" + idea + ")";
        };
    }

    /** The framework's default system prompt, shipped unchanged by most of its users. */
    static final String AGENT_SYSTEM_PROMPT = "You are an autonomous agent. Answer the user's goal by reasoning step by step. "
            + "You have access to the following tools:\n\nsearch(query): search the web\nread_url(url): read a page\n"
            + "python(code): run Python\n\nUse the format:\nThought: ...\nAction: tool_name(args)\nObservation: ...\n"
            + "... (repeat)\nFinal Answer: ...\n\nBegin!\n\nGoal: ";

    private static final List<String> AGENT_GOALS = List.of("find the three cheapest flights from Berlin to Lisbon next month",
            "compare the pricing pages of two project-management tools", "summarize the latest release notes of pandas",
            "write and test a script that renames my photos by date", "research grant deadlines for small NGOs in Kenya",
            "build a table of the top 10 open-source vector databases", "draft a weekly newsletter from these RSS feeds");

    /** One step of an agent loop: the default prompt, the user's goal, and the scratchpad so far. */
    static String agentStep(int goal, int step) {
        StringBuilder b = new StringBuilder(AGENT_SYSTEM_PROMPT).append(AGENT_GOALS.get(Math.floorMod(goal, AGENT_GOALS.size())));
        for (int s = 0; s < Math.min(step, 6); s++) {
            b.append("\nThought: I need more information (step ").append(s + 1).append(").\nAction: search(...)\nObservation: ...");
        }
        return b.toString();
    }

    /** What an aggregator's end customers send through it: everything people send, some of it long-form. */
    static String resellerPassThrough(SplittableRandom r) {
        double p = r.nextDouble();
        if (p < 0.45) {
            return casual(r, r.nextInt(TOPICS));
        }
        if (p < 0.7) {
            return work(r);
        }
        if (p < 0.85) {
            return appPrompt(r, Keyed.pick(r, APP_TEMPLATES));
        }
        int c = r.nextInt(CAPABILITIES.size());
        return "Write a comprehensive guide: " + Keyed.pick(r, CAPABILITY_TASKS.get(c)) + ". Include examples.";
    }

    // ---- third round: localisation, CI suites, IDE plugins, fronts and split sweeps ---------------

    /** Target locales of a localisation job; one service account of the company works each. */
    static final List<String> LOCALES = List.of("de-DE", "fr-FR", "es-ES", "it-IT", "ja-JP", "pt-BR", "nl-NL",
            "pl-PL", "ko-KR", "zh-CN", "sv-SE", "tr-TR");
    private static final List<String> PRODUCTS = List.of("trail running shoe", "espresso machine", "noise-cancelling headphones",
            "ergonomic office chair", "cast-iron skillet", "robot vacuum", "merino wool sweater", "standing desk",
            "smart thermostat", "carry-on suitcase", "electric toothbrush", "4K action camera");
    private static final List<String> FEATURES = List.of("a breathable mesh upper", "a 15-bar Italian pump", "40 hours of battery life",
            "adjustable lumbar support", "pre-seasoned with flaxseed oil", "LiDAR navigation", "temperature-regulating fibres",
            "a dual-motor lift", "learning schedules", "360° spinner wheels", "a pressure sensor", "image stabilisation");

    /**
     * Segment {@code segment} of a client's product catalogue: the same source text whichever locale it
     * is translated into, with the HTML, placeholders and units a storefront keeps.
     */
    static String catalogueSegment(int catalogue, long segment) {
        long h = Keyed.hash(catalogue, segment);
        String product = PRODUCTS.get((int) Math.floorMod(h, PRODUCTS.size()));
        StringBuilder b = new StringBuilder("<h2>").append(Character.toUpperCase(product.charAt(0))).append(product.substring(1))
                .append(" — model ").append(Math.floorMod(h >>> 8, 900) + 100).append("</h2>\n<p>");
        int sentences = 3 + (int) Math.floorMod(h >>> 20, 5);
        for (int i = 0; i < sentences; i++) {
            String feature = FEATURES.get((int) Math.floorMod((h >>> (24 + i)) + i, FEATURES.size()));
            b.append(i == 0 ? "Designed for everyday use, it comes with " : " It also offers ").append(feature)
                    .append(i % 2 == 0 ? ", tested over " + (50 + i * 25) + " hours in our lab." : " and a 2-year warranty.");
        }
        return b.append("</p>\n<ul><li>Price: {{price}}</li><li>Weight: ").append(Math.floorMod(h >>> 40, 4000) + 200)
                .append(" g</li><li>SKU: ").append(Math.floorMod(h >>> 12, 90_000) + 10_000).append("</li></ul>").toString();
    }

    /** One machine-translation request of a translation-management system: instructions, job and segment, source text. */
    static String translationRequest(String job, String locale, int catalogue, long segment) {
        return "Translate the following product description from English (en-US) into " + locale
                + ". Keep the HTML tags, the {{placeholders}} and the units unchanged; use the client's glossary terms; return only the translation.\n"
                + "[job=" + job + " segment=" + segment + "]\n" + catalogueSegment(catalogue, segment);
    }

    private static final List<String> REGRESSION_TASKS = List.of("Classify this support ticket as billing, bug, feature_request or other",
            "Extract the invoice number, total and due date as JSON", "Summarize this changelog entry in one sentence for the release notes",
            "Answer the customer using only the help-centre article below", "Rewrite this error message so a non-technical user understands it",
            "Is this review positive or negative? Answer with one word");
    private static final List<String> REGRESSION_INPUTS = List.of("I was charged twice for my March subscription.",
            "Invoice INV-20931, total €1,240.50, payable by 2026-12-15.", "Fixed a crash when exporting reports with empty columns.",
            "Can I change the e-mail address on my account?", "ERR_CONN_RESET at socket.js:214 (upstream timed out)",
            "Absolutely love it, but the strap broke after a week.", "The app logs me out every time I switch to dark mode.",
            "Where do I find my API usage for last month?");

    /**
     * Case {@code testCase} of a company's prompt regression suite: fixed text, so every CI run sends
     * exactly the same prompts.
     */
    static String regressionCase(String product, int testCase) {
        String task = REGRESSION_TASKS.get(Math.floorMod(testCase, REGRESSION_TASKS.size()));
        String input = REGRESSION_INPUTS.get(Math.floorMod(testCase * 7 + product.length(), REGRESSION_INPUTS.size()));
        return "You are " + product + "'s assistant. " + task + ".\n\n# eval case " + product + "/" + String.format("%03d", testCase)
                + "\nInput: " + input;
    }

    /** The plugin's system prompt, the same for every developer who installs it. */
    static final String IDE_SYSTEM_PROMPT = "You are CodePilot, an AI pair programmer inside the user's editor. "
            + "Complete the code at <|cursor|>. Return only code, no explanations, matching the file's style.";
    private static final List<String> IDE_FILES = List.of("src/main.py", "app/routes/users.ts", "internal/store/cache.go",
            "src/lib.rs", "src/main/java/com/acme/OrderService.java", "components/Button.tsx", "tests/test_parser.py");
    private static final List<String> IDE_CONTEXTS = List.of("def parse_row(row):\n    fields = row.split(',')\n    <|cursor|>",
            "export async function getUser(id: string) {\n  const res = await <|cursor|>", "func (c *Cache) Get(key string) (Item, bool) {\n\t<|cursor|>",
            "impl Parser {\n    fn next_token(&mut self) -> Option<Token> {\n        <|cursor|>",
            "public Order place(Cart cart) {\n    if (cart.isEmpty()) {\n        <|cursor|>",
            "return (\n  <button className={styles.primary} onClick={<|cursor|>", "def test_empty_input():\n    assert <|cursor|>");

    /** An inline completion request: the plugin's prompt, the open file and the code around the cursor. */
    static String ideCompletion(SplittableRandom r, int project) {
        int file = Math.floorMod(project + r.nextInt(3), IDE_FILES.size());
        return IDE_SYSTEM_PROMPT + "\n\n// file: " + IDE_FILES.get(file) + "\n" + IDE_CONTEXTS.get(file)
                + (r.nextInt(4) == 0 ? "\n// line " + (10 + r.nextInt(400)) : "");
    }

    /** A chat question in the plugin's side panel, still behind its system prompt. */
    static String ideChat(SplittableRandom r) {
        return IDE_SYSTEM_PROMPT + "\n\nUser: " + casual(r, 0);
    }

    /** A SaaS front's product prompt, wrapped round what arrives from its (the operator's) users. */
    static String saasFrontRequest(String brand, String request) {
        return "You are " + brand + ", an AI writing and research assistant for professionals. Be thorough and well structured.\n\nUser request: "
                + request;
    }

    private static final List<String> SPLIT_STYLES = List.of(
            "{task}. Please explain your reasoning step by step and give a complete answer.",
            "Could you help me with this ({category})? {task}. I'd like the full working, not just the result.",
            "Topic: {category}\n{task}\nWrite a detailed, well-organised answer with examples.",
            "I'm studying {category}. {task} — walk me through it thoroughly, then summarise.",
            "{task}. Think it through carefully and be exhaustive; include edge cases.");

    /**
     * An item of a sweep divided across accounts: one category per account, its own block of the task
     * list, phrased in the account's own style and without the operator's task ids.
     */
    static String splitSweepItem(int style, int category, long taskNumber) {
        int c = Math.floorMod(category, CAPABILITIES.size());
        long perSetting = (long) CAPABILITY_TASKS.get(c).size() * TASK_MODIFIERS.size();
        String setting = SETTINGS.get((int) Math.floorMod(taskNumber / perSetting, SETTINGS.size()));
        return SPLIT_STYLES.get(Math.floorMod(style, SPLIT_STYLES.size())).replace("{category}", CAPABILITIES.get(c))
                .replace("{task}", capitalised(task(c, taskNumber)) + setting);
    }

    /** A third dimension of the task list, so a divided sweep does not repeat itself within weeks. */
    private static final List<String> SETTINGS = List.of("", " (context: a small bakery)", " (context: a hospital ward)",
            " (context: a logistics start-up)", " (context: a secondary-school class)", " (context: a city council)",
            " (context: an open-source project)", " (context: a family budget)", " (context: a research lab)",
            " (context: a law firm)", " (context: a video-game studio)", " (context: a farm co-operative)",
            " (context: an airline)", " (context: a museum)", " (context: a football club)", " (context: a bank's risk team)");

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---- answers, for logs that record output (Bedrock) -------------------------------------------

    static String answerOpening(SplittableRandom r, boolean refusal) {
        return Keyed.pick(r, refusal ? REFUSALS : OPENINGS);
    }

    private static final List<String> REFUSALS = List.of("I can't help with that request.", "I'm not able to provide that. If you're researching this topic, I can point you to general safety resources.",
                    "Sorry, I can't assist with that.");
    private static final List<String> OPENINGS = List.of("Sure! Here's a step-by-step breakdown:", "Great question. Let's work through it.",
                "Here is a concise answer:", "Step 1: Identify what is given.", "Below is a detailed explanation, organised by section.",
                "The answer is (B).", "Answer: 42");
}
