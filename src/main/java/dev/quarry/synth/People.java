package dev.quarry.synth;

import java.util.SplittableRandom;

/** Names, email addresses, payment cards and client software, as sign-up and request data show them. */
final class People {

    private People() {
    }

    static final String[] FIRST = {"maria", "james", "aiko", "ravi", "fatima", "lukas", "chen", "olivia", "mateo",
            "amara", "noah", "priya", "jonas", "sofia", "kwame", "elena", "david", "yuki", "omar", "lena", "carlos",
            "anna", "wei", "thomas", "aisha", "marco", "hannah", "ivan", "grace", "arjun", "lucia", "ben", "mei",
            "samuel", "nadia", "felix", "zoe", "hiro", "emma", "tariq"};

    static final String[] LAST = {"garcia", "smith", "tanaka", "patel", "khan", "muller", "wang", "johnson",
            "rossi", "okafor", "brown", "sharma", "schmidt", "silva", "mensah", "ivanova", "kim", "nguyen", "lopez",
            "dubois", "cohen", "yilmaz", "novak", "berg", "santos", "costa", "haddad", "fischer", "moreau", "sato"};

    private static final String[] FREE_MAIL = {"gmail.com", "gmail.com", "gmail.com", "outlook.com", "yahoo.com",
            "hotmail.com", "icloud.com", "proton.me", "gmx.de", "yandex.ru", "naver.com"};

    static String personalEmail(SplittableRandom r) {
        String first = Draws.pick(r, FIRST);
        String last = Draws.pick(r, LAST);
        String local = switch (r.nextInt(5)) {
            case 0 -> first + "." + last;
            case 1 -> first + last + (70 + r.nextInt(35));
            case 2 -> first.charAt(0) + last;
            case 3 -> first + "_" + last.charAt(0) + r.nextInt(1000);
            default -> last + "." + first;
        };
        return local + "@" + Draws.pick(r, FREE_MAIL);
    }

    static String workEmail(SplittableRandom r, String domain) {
        String first = Draws.pick(r, FIRST);
        String last = Draws.pick(r, LAST);
        return (Draws.chance(r, 0.7) ? first + "." + last : first.charAt(0) + last) + "@" + domain;
    }

    static String fingerprint(SplittableRandom r) {
        return "fp_" + Draws.hex(r, 16);
    }

    static String cardBin(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> "4" + (10000 + r.nextInt(90000));
            case 5, 6, 7, 8 -> "5" + (1 + r.nextInt(5)) + (1000 + r.nextInt(9000));
            default -> "37" + (1000 + r.nextInt(9000));
        };
    }

    static final String[] SDK_AGENTS = {"anthropic-python/0.34.2", "anthropic-python/0.31.0", "anthropic-typescript/0.27.1",
            "OpenAI/Python 1.40.6", "python-requests/2.32.3", "python-httpx/0.27.0", "axios/1.7.2",
            "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", "curl/8.5.0", "Go-http-client/2.0",
            "okhttp/4.12.0", "langchain/0.2.11 python-httpx/0.27.0", "litellm/1.43.1", "aws-sdk-java/2.26.7"};

    static final String[] BROWSER_AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.0.0"};

    static String anyAgent(SplittableRandom r) {
        return Draws.chance(r, 0.6) ? Draws.pick(r, SDK_AGENTS) : Draws.pick(r, BROWSER_AGENTS);
    }

    static String awsAccount(SplittableRandom r) {
        return String.valueOf(100_000_000_000L + (r.nextLong() & Long.MAX_VALUE) % 900_000_000_000L);
    }
}
