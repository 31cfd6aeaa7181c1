package dev.quarry.synth.outside;

import java.util.List;

/** Models on offer, their output limits and Bedrock identities, and the clients people call them with. */
final class Catalog {

    private Catalog() {
    }

    /**
     * @param maxOutput the largest max_tokens the API accepts for the model
     * @param bedrockId the Bedrock model id of the same model
     * @param bodyShape how Bedrock's inputBodyJson looks for its family: messages, prompt or inputText
     */
    record Model(String name, int maxOutput, String bedrockId, String bodyShape) {
    }

    static final Model MINI = new Model("atlas-2-mini", 8192, "atlaslabs.atlas-2-mini-v1:0", "messages");
    static final Model STANDARD = new Model("atlas-2", 8192, "atlaslabs.atlas-2-v1:0", "messages");
    static final Model LARGE = new Model("atlas-2-large", 16384, "atlaslabs.atlas-2-large-v1:0", "messages");
    static final Model CODER = new Model("atlas-2-coder", 16384, "meta.llama3-1-70b-instruct-v1:0", "prompt");
    static final Model LITE = new Model("atlas-1.5-lite", 4096, "amazon.titan-text-premier-v1:0", "inputText");
    /** Released inside the window (see {@link OutsideOptions#releaseDay()}). */
    static final Model NEW_RELEASE = new Model("atlas-3", 32768, "atlaslabs.atlas-3-v1:0", "messages");

    static final List<Model> ESTABLISHED = List.of(MINI, STANDARD, LARGE, CODER, LITE);
    static final double[] ESTABLISHED_WEIGHTS = {0.38, 0.33, 0.14, 0.09, 0.06};

    static final List<String> BROWSERS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36");

    static final List<String> SDKS = List.of("atlas-python/1.42.0", "atlas-python/1.40.3", "atlas-python/1.38.1",
            "atlas-node/4.8.1", "atlas-node/4.7.0", "atlas-go/0.9.2", "atlas-java/2.3.0");

    static final List<String> SCRIPTS = List.of("python-requests/2.32.3", "python-httpx/0.27.2", "curl/8.5.0",
            "curl/7.81.0", "Go-http-client/2.0", "okhttp/4.12.0", "axios/1.7.7");

    /** The open-source benchmark harness several labs (and one kind of farm) run. */
    static final String HARNESS = "lm-eval-harness/0.4.5 atlas-python/1.41.0";
    static final String SAFETY_HARNESS = "redteam-kit/0.8.2 python-httpx/0.27.2";
    /** An evaluation vendor's runner: the public harness inside its own scheduler. */
    static final String EVAL_RUNNER = "evalforge-runner/3.1.0 lm-eval-harness/0.4.5 atlas-python/1.41.0";
    static final String SYNTHETIC_PIPELINE = "synthdata-pipeline/1.4.2 atlas-python/1.42.0";
    /** The SDK version a hackathon's tutorial pins in its requirements file. */
    static final String TUTORIAL_SDK = "atlas-python/1.42.0";
    /** A popular open-source agent framework: thousands of unrelated users send its client string. */
    static final String AGENT_FRAMEWORK = "crewforge/0.9.3 atlas-python/1.41.0";

    /** A localisation company's translation-management system calling the API for machine translation. */
    static final String LOCALISATION_TMS = "transflow-tms/7.3.0 atlas-java/2.3.0";
    /** CI runners of a software company; one runner image per company. */
    static final List<String> CI_RUNNERS = List.of("GitHub-Actions/2.320.0 atlas-python/1.42.0",
            "gitlab-runner/17.5.2 atlas-node/4.8.1", "Buildkite-Agent/3.86.0 atlas-python/1.40.3");
    /** IDE coding-assistant plugins: every developer using one sends the same client string. */
    static final List<String> IDE_PLUGINS = List.of("CodePilot-VSCode/1.94.2 (vscode 1.95.1; node 20.18.0)",
            "CodePilot-JetBrains/1.94.2 (IntelliJ IDEA 2024.3; jbr 21.0.5)");

    /** API aggregators: one gateway client for all of their end customers. */
    static final List<String> RESELLER_GATEWAYS = List.of("RouteHub-Gateway/2.3.1 (+https://routehub.ai)",
            "PromptBridge/1.12.0 (+https://promptbridge.dev)", "omniapi-proxy/4.0.2", "LLMRelay/0.19.4 (aggregator)");
}
