package dev.quarry.synth;

import dev.quarry.synth.Taxonomy.Task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Prompt text: how people ask (openers, closers, pasted material) and the fixed shapes of
 * application templates and benchmark suites. Text carries commas, quotes and newlines on purpose,
 * because real prompts do and an importer must survive them.
 */
final class Prompts {

    private Prompts() {
    }

    private static final String[] OPENERS = {
            "", "", "", "", "Hi! ", "Hey, ", "Quick question: ", "Hello,\n\n", "I'm a student and I need help. ",
            "Context: I'm preparing for an exam next week.\n\n", "ok so ", "Please help. ", "Good morning! ",
            "I've been going back and forth on this for an hour. ", "My manager asked me this and I'm not sure: "};

    private static final String[] CLOSERS = {
            "", "", "", "", " Thanks!", " Thank you so much.", "\n\nPlease keep it short.", " Explain like I'm five.",
            "\n\nFormat the answer as a bulleted list.", " No need to repeat the question.", " Cite sources if you can.",
            "\n\nAlso, what would you do differently?", " (I'm on mobile, so brief is good)"};

    static final String[] SENTENCES = {
            "The quarterly report, which was delayed twice, finally shipped on Friday.",
            "Customers in the northern region said the new pricing was \"confusing at best\".",
            "Our team migrated the billing service to the new cluster, but latency went up by 40%.",
            "The contract states that either party may terminate with 30 days' written notice.",
            "Rainfall this spring was well below average, and reservoirs are at 61% capacity.",
            "She said, \"We can't keep patching this; we need a real fix.\"",
            "The committee approved the budget, subject to a review in September.",
            "Shipping costs rose sharply after the port strike, affecting roughly 1,200 orders.",
            "Patients reported mild side effects, mostly headaches, in the first 48 hours.",
            "The app crashed on launch for users on older Android versions.",
            "In 1848, revolutions spread across Europe, from Paris to Vienna and Berlin.",
            "The tenant is responsible for minor repairs; the landlord, for structural ones.",
            "Sales of the \"Pro\" tier doubled, while the basic tier stayed flat.",
            "Management expects the merger to close in Q3, pending regulatory approval.",
            "The survey had 2,431 responses; 58% preferred the old design.",
            "He wrote: \"Please don't reply-all to this thread again.\"",
            "Attendance at the workshop was low, likely because of the weather.",
            "The algorithm's runtime grows quadratically with the input, which hurts at scale.",
            "Each unit costs $14.99, or $12.50 when bought in packs of ten.",
            "The museum reopens on Tuesday, with new exhibits on Roman trade routes."};

    private static final String[] NAMES = {"Maria", "James", "Aiko", "Ravi", "Fatima", "Lukas", "Chen", "Olivia",
            "Mateo", "Amara", "Noah", "Priya", "Jonas", "Sofia", "Kwame", "Elena"};

    static String prose(SplittableRandom r, int sentences) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                text.append(Draws.chance(r, 0.2) ? "\n\n" : " ");
            }
            text.append(Draws.pick(r, SENTENCES));
        }
        return text.toString();
    }

    static String table(SplittableRandom r) {
        StringBuilder t = new StringBuilder("month,region,revenue,orders\n");
        String[] regions = {"North", "South", "East", "West"};
        String[] months = {"2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"};
        int rows = 4 + r.nextInt(9);
        for (int i = 0; i < rows; i++) {
            t.append(months[i % months.length]).append(',').append(Draws.pick(r, regions)).append(',')
                    .append(1000 + r.nextInt(90000)).append(',').append(10 + r.nextInt(900)).append('\n');
        }
        return t.toString();
    }

    static String code(SplittableRandom r, String language) {
        String name = Draws.pick(r, new String[] {"load_rows", "process", "handle", "compute_total", "parse_line"});
        return switch (language == null ? "" : language) {
            case "JavaScript" -> "```js\nasync function " + name + "(items) {\n  const out = [];\n  for (const item of items) {\n"
                    + "    if (item.status === \"ok\") out.push(await fetch(`/api/${item.id}`));\n  }\n  return out;\n}\n```";
            case "Java" -> "```java\npublic int " + name + "(List<String> lines) {\n    int total = 0;\n"
                    + "    for (String line : lines) {\n        total += Integer.parseInt(line.split(\",\")[1]);\n    }\n"
                    + "    return total;\n}\n```";
            case "C++" -> "```cpp\nint " + name + "(const std::vector<int>& v) {\n    int sum = 0;\n"
                    + "    for (size_t i = 0; i <= v.size(); ++i) sum += v[i];\n    return sum;\n}\n```";
            case "Rust" -> "```rust\nfn " + name + "(v: &Vec<String>) -> usize {\n    let s = v;\n"
                    + "    s.iter().filter(|x| x.contains(\",\")).count()\n}\n```";
            case "Go" -> "```go\nfunc " + name + "(xs []int) int {\n\ttotal := 0\n\tfor _, x := range xs {\n"
                    + "\t\ttotal += x\n\t}\n\treturn total\n}\n```";
            case "SQL" -> "```sql\nSELECT customer_id, SUM(amount) AS total\nFROM orders\nWHERE status = 'paid'\n"
                    + "GROUP BY customer_id\nORDER BY total DESC;\n```";
            default -> "```python\ndef " + name + "(path):\n    rows = []\n    with open(path) as f:\n"
                    + "        for line in f:\n            name, value = line.split(\",\")\n"
                    + "            rows.append({\"name\": name, \"value\": int(value)})\n    return rows\n```";
        };
    }

    static String attachment(SplittableRandom r, Task task) {
        return switch (task.attachment()) {
            case NONE -> "";
            case CODE -> "\n\n" + code(r, task.language());
            case PROSE -> "\n\n" + prose(r, 2 + r.nextInt(6));
            case TABLE -> "\n\n" + table(r);
            case QUOTE -> "\n\n\"" + prose(r, 1 + r.nextInt(3)) + "\"";
        };
    }

    static String fill(String ask, String subject) {
        return ask.replace("{s}", subject);
    }

    /** A person asking in their own words: varied openers, phrasing, pasted material and closers. */
    static String personal(SplittableRandom r, Task task) {
        String ask = fill(Draws.pick(r, task.asks()), Draws.pick(r, task.subjects()));
        // code questions often come without code; a text to translate or summarize never does
        boolean attach = task.attachment() == Taxonomy.Attachment.CODE ? Draws.chance(r, 0.7)
                : task.attachment() != Taxonomy.Attachment.NONE;
        StringBuilder prompt = new StringBuilder();
        String opener = Draws.pick(r, OPENERS);
        prompt.append(opener);
        if (opener.endsWith(", ") || opener.endsWith("so ")) {
            prompt.append(Character.toLowerCase(ask.charAt(0))).append(ask, 1, ask.length());
        } else {
            prompt.append(ask);
        }
        if (attach) {
            prompt.append(attachment(r, task));
        }
        prompt.append(Draws.pick(r, CLOSERS));
        if (Draws.chance(r, 0.15)) {
            prompt.append("\n\nSome background: ").append(prose(r, 1 + r.nextInt(4)));
        }
        return prompt.toString();
    }

    /** The single product template an application backend sends, with its variable slots filled. */
    static String product(SplittableRandom r, int template, String brand) {
        String name = Draws.pick(r, NAMES);
        return switch (template % 8) {
            case 0 -> "You are the support assistant for " + brand + ". Classify the ticket and draft a reply.\n\nTicket #"
                    + (10000 + r.nextInt(90000)) + " from " + name + ":\n\"" + prose(r, 1 + r.nextInt(3))
                    + "\"\n\nReturn JSON with keys \"category\", \"urgency\" and \"reply\".";
            case 1 -> "Write a product description for the " + brand + " online store.\nProduct: "
                    + Draws.pick(r, new String[] {"ceramic mug", "trail running shoe", "desk lamp", "wool scarf", "phone case"})
                    + "\nFeatures: " + Draws.pick(r, new String[] {"durable", "lightweight", "handmade", "recycled materials"})
                    + ", " + Draws.pick(r, new String[] {"water-resistant", "two-year warranty", "ships in 24h"})
                    + "\nTone: " + Draws.pick(r, new String[] {"playful", "premium", "practical"})
                    + "\nLength: about " + (40 + 10 * r.nextInt(10)) + " words.";
            case 2 -> "Summarize the following meeting transcript in 5 bullet points and list action items with owners.\n\nTranscript:\n"
                    + name + ": " + Draws.pick(r, SENTENCES) + "\n" + Draws.pick(r, NAMES) + ": " + Draws.pick(r, SENTENCES)
                    + "\n" + name + ": " + Draws.pick(r, SENTENCES);
            case 3 -> "Given the schema:\ncustomers(id, name, country, created_at)\norders(id, customer_id, amount, status, created_at)\n"
                    + "Write a SQL query for " + brand + " analytics that answers: "
                    + Draws.pick(r, new String[] {"revenue by country last month", "customers with more than 3 orders",
                            "average order value per week", "refund rate by country"}) + ".";
            case 4 -> "Classify the sentiment of this " + brand + " review as positive, negative or mixed, and give a one-sentence reason.\nReview: \""
                    + prose(r, 1 + r.nextInt(2)) + "\"";
            case 5 -> "Suggest a recipe using: " + Draws.pick(r, new String[] {"chickpeas, spinach, garlic", "rice, eggs, scallions",
                            "salmon, lemon, dill", "tofu, broccoli, soy sauce"}) + ". Dietary restriction: "
                    + Draws.pick(r, new String[] {"none", "vegetarian", "gluten-free", "low sodium"}) + ". Time limit: "
                    + (15 + 5 * r.nextInt(8)) + " minutes. Answer in the " + brand + " house style.";
            case 6 -> "Rewrite this resume bullet to be more impactful, keeping it under 30 words: \"" + Draws.pick(r, SENTENCES) + "\"";
            default -> "Translate the following " + brand + " app strings to "
                    + Draws.pick(r, new String[] {"German", "French", "Japanese", "Portuguese"})
                    + ". Keep placeholders like {name} unchanged.\nwelcome_title=Welcome back, {name}!\nerror_network="
                    + Draws.pick(r, SENTENCES);
        };
    }

    /** A benchmark item: a lab's suite sweeps many tasks with one fixed format. */
    static String benchmarkItem(SplittableRandom r, int suite, Task task, int item) {
        String subject = task.subjects().get(item % task.subjects().size());
        return switch (suite % 3) {
            case 0 -> {
                List<String> options = task.subjects();
                StringBuilder q = new StringBuilder("The following is a multiple choice question about ")
                        .append(task.title()).append(".\n\nWhich of the following best describes ").append(subject).append("?\n");
                for (int i = 0; i < 4; i++) {
                    q.append((char) ('A' + i)).append(". ").append(options.get((item + i) % options.size())).append('\n');
                }
                yield q.append("Answer:").toString();
            }
            case 1 -> "Question " + (item + 1) + " [" + task.id() + "]: " + fill(task.asks().get(0), subject)
                    + "\nGive only the final answer after \"####\".";
            default -> "### Evaluation item " + task.id() + "-" + item + "\n" + fill(task.asks().get(item % task.asks().size()), subject)
                    + "\n### Response:";
        };
    }
}
