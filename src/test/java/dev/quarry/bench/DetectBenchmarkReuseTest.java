package dev.quarry.bench;

import dev.quarry.model.ProgressListener;
import dev.quarry.synth.GeneratorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectBenchmarkReuseTest {

    @Test
    void aCaseIngestedByAnEarlierRunIsAnalysedAgainWithoutGeneratingOrIngesting(@TempDir Path dir) throws Exception {
        DetectDatasets.Dataset dataset = new DetectDatasets.Dataset("tiny-300", DetectDatasets.Suite.DEV,
                GeneratorOptions.defaults(300, 3, 5), Set.of(), "a tiny extract");
        List<String> log = new ArrayList<>();
        DetectBenchmark benchmark = new DetectBenchmark(log::add, ProgressListener.NONE);
        DetectBenchmark.QualityReport first = benchmark.quality(List.of(dataset), dir, true);
        assertTrue(Files.exists(dir.resolve("tiny-300").resolve("ingested")), "the ingested case is marked");
        assertTrue(log.stream().anyMatch(l -> l.contains("generating")), log.toString());

        log.clear();
        DetectBenchmark.QualityReport again = benchmark.quality(List.of(dataset), dir, true);
        assertTrue(log.stream().anyMatch(l -> l.contains("reusing the case ingested earlier")), log.toString());
        assertTrue(log.stream().noneMatch(l -> l.contains("generating") || l.contains("ingesting")), log.toString());
        DetectBenchmark.DatasetResult a = first.datasets().get(0);
        DetectBenchmark.DatasetResult b = again.datasets().get(0);
        assertEquals(a.events(), b.events());
        assertEquals(a.quarry().counts(), b.quarry().counts(), "the same case and seed give the same flags");

        log.clear();
        benchmark.quality(List.of(dataset), dir, false);
        assertTrue(log.stream().anyMatch(l -> l.contains("generating")), "without reuse the dataset is made afresh: " + log);
    }
}
