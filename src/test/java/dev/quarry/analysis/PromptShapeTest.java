package dev.quarry.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PromptShapeTest {

    @Test
    void promptsFromOneTemplateShareAFrameWhateverIsFilledIn() {
        assertEquals(PromptShape.frame("Solve problem 17 step by step: what is 3+4?"),
                PromptShape.frame("solve problem 2024 step by step: integrate x^2"));
        assertEquals(PromptShape.frame("Translate \"good morning\" into German please now"),
                PromptShape.frame("Translate \"where is the station\" into German please now"));
    }

    @Test
    void differentInstructionsHaveDifferentFrames() {
        assertNotEquals(PromptShape.frame("Solve problem 17 step by step: what is 3+4?"),
                PromptShape.frame("Write a Python function that sorts a list"));
    }

    @Test
    void emptyPromptHasNoFrame() {
        assertEquals(0, PromptShape.frame("  ...  "));
    }
}
