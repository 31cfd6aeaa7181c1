package dev.quarry.analysis.scan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskTaxonomyTest {

    @Test
    void readsCategoriesAndKeywordsSkippingComments() {
        TaskTaxonomy taxonomy = TaskTaxonomy.parse("# comment\nfood: recipe bake_bread\n\nsport: football recipe\n");
        assertEquals(2, taxonomy.size());
        assertEquals("food", taxonomy.name(0));
        assertEquals(0, taxonomy.category(PromptShape.wordHash("recipe")), "the first category to name a keyword keeps it");
        assertEquals(1, taxonomy.category(PromptShape.wordHash("football")));
        assertEquals(0, taxonomy.category(PromptShape.sequenceHash(new String[] {"bake", "bread"})));
        assertEquals(-1, taxonomy.category(PromptShape.wordHash("bread")));
    }

    @Test
    void rejectsALineWithoutACategoryName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskTaxonomy.parse("food recipe\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void theShippedTaxonomyCoversTheCommonTasks() {
        TaskTaxonomy taxonomy = TaskTaxonomy.standard();
        assertTrue(taxonomy.size() >= 15, taxonomy.toString());
    }
}
