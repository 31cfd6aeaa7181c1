package dev.quarry.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Gives each test a fresh case in a temporary directory, closed after the test. */
abstract class IngestCaseTest {

    @TempDir
    Path directory;
    IngestFixture fixture;

    @BeforeEach
    void openCase() throws Exception {
        fixture = new IngestFixture(directory);
    }

    @AfterEach
    void closeCase() throws Exception {
        fixture.close();
    }
}
