package dev.quarry.analysis.scan;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptShapeTest {

    private static PromptShape.Reading read(String prompt) {
        PromptShape.Reading reading = new PromptShape.Reading();
        byte[] bytes = prompt.getBytes(StandardCharsets.UTF_8);
        TaskTaxonomy.standard().reader().read(bytes, 0, bytes.length, reading);
        return reading;
    }

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
    void oneItemAskedAgainIsOneItemAndTwoItemsOfOneTemplateAreTwo() {
        String harness = "Question: %s\nLet's think step by step. Answer:";
        String item = "A train leaves the station at 9 and travels 120 km at 80 km per hour; when does it arrive?";
        String other = "A tank holds 300 litres and drains at 12 litres per minute; how long until it is empty?";
        assertEquals(read(String.format(harness, item)).item(), read(String.format(harness, item)).item());
        assertNotEquals(read(String.format(harness, item)).item(), read(String.format(harness, other)).item());
        assertEquals(read(String.format(harness, item)).closing(), read(String.format(harness, other)).closing(), "one template");
        assertEquals(read("run 2026-12-03 " + item + " end").item(), read("run 2026-12-04 " + item + " end").item(),
                "a run stamp among the first words leaves the item as it is");
        assertNotEquals(read("what is 2+2").item(), read("what is 2+3").item(), "short prompts are items by every word");
    }

    @Test
    void emptyPromptHasNoFrame() {
        assertEquals(0, PromptShape.frame("  ...  "));
    }

    @Test
    void anAnswerFormatBlockAtTheEndGivesPromptsACommonClosing() {
        String block = "\n\nWhen you answer: 1) restate the problem, 2) reason step by step, 3) put the answer after \"Final:\".";
        PromptShape.Reading first = read("my landlord kept the deposit, what can I do about it in Ohio?" + block);
        PromptShape.Reading second = read("Why does my sourdough collapse in the oven every single time?" + block);
        assertNotEquals(first.opening(), second.opening());
        assertEquals(first.closing(), second.closing());
        assertNotEquals(0, first.closing());
        assertEquals(0, read("short question here").closing(), "a short prompt has no closing apart from its opening");
    }

    @Test
    void recognisesRequestsForVisibleReasoningInAnySpelling() {
        assertTrue(read("Think step-by-step and show your work.").reasoning());
        assertTrue(read("Write out your full CHAIN OF THOUGHT first").reasoning());
        assertTrue(read("Let's think about this carefully").reasoning());
        assertFalse(read("Give me the final answer only, no explanation").reasoning());
        assertFalse(read("Translate \"think step by step\" into French").reasoning(), "quoted material is what the template is filled with");
    }

    @Test
    void sortsPromptsIntoTaskCategoriesByTheirKeywords() {
        TaskTaxonomy taxonomy = TaskTaxonomy.standard();
        assertEquals("code", taxonomy.name(read("Write a Python function that parses a date").task()));
        assertEquals("translation", taxonomy.name(read("Please translate the following into Spanish").task()));
        assertEquals("law", taxonomy.name(read("Is this lease clause enforceable if my landlord never signed it?").task()));
        assertEquals("statistics", taxonomy.name(read("What is the standard deviation of this sample?").task()),
                "a keyword of two words counts");
        assertEquals(-1, read("hello there, how are you today?").task());
    }

    @Test
    void countsCharactersNotBytes() {
        assertEquals(5, read("héllo").chars());
    }
}
