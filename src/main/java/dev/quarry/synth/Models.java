package dev.quarry.synth;

import java.util.List;

/** The models traffic goes to: a short name for canonical extracts and the Bedrock model id. */
final class Models {

    enum Family { ANTHROPIC, LLAMA, TITAN }

    record Model(String name, String bedrockId, Family family) {
    }

    static final Model FLAGSHIP = new Model("claude-3-5-sonnet", "anthropic.claude-3-5-sonnet-20240620-v1:0", Family.ANTHROPIC);
    static final Model FAST = new Model("claude-3-haiku", "anthropic.claude-3-haiku-20240307-v1:0", Family.ANTHROPIC);
    static final Model OPEN_LARGE = new Model("llama3-70b-instruct", "meta.llama3-70b-instruct-v1:0", Family.LLAMA);
    static final Model OPEN_SMALL = new Model("llama3-8b-instruct", "meta.llama3-8b-instruct-v1:0", Family.LLAMA);
    static final Model TITAN = new Model("titan-text-express", "amazon.titan-text-express-v1", Family.TITAN);
    /** Released during the extract; it does not appear in any event before its release time. */
    static final Model NEW_RELEASE = new Model("claude-3-7-sonnet", "anthropic.claude-3-7-sonnet-20250219-v1:0", Family.ANTHROPIC);

    static final List<Model> ESTABLISHED = List.of(FLAGSHIP, FAST, OPEN_LARGE, OPEN_SMALL, TITAN);
    static final double[] ESTABLISHED_POPULARITY = {45, 25, 14, 9, 7};

    private Models() {
    }
}
