package dev.quarry.export;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: the PDF packet is PDF/A-3b, as veraPDF judges it. */
class PdfAComplianceTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void thePdfPacketWithEveryScriptAndItsAttachedFilesIsPdfA3b() throws Exception {
        Path pdf = dir.resolve("packet.pdf");
        PdfPacketTest.export(dir, pdf, List.of(2), Redaction.NONE);
        assertCompliant(pdf);
    }

    @Test
    void aRedactedPacketOfEveryCampaignIsPdfA3bToo() throws Exception {
        Path pdf = dir.resolve("redacted.pdf");
        PdfPacketTest.export(dir, pdf, List.of(), Redaction.masking());
        assertCompliant(pdf);
    }

    private static void assertCompliant(Path pdf) throws Exception {
        ValidationResult result;
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            result = validator.validate(parser);
        }
        Map<String, String> failed = new TreeMap<>();
        Map<String, Integer> times = new TreeMap<>();
        for (TestAssertion assertion : result.getTestAssertions()) {
            if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                String rule = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber();
                failed.putIfAbsent(rule, assertion.getMessage() + " (at " + assertion.getLocation().getContext() + ")");
                times.merge(rule, 1, Integer::sum);
            }
        }
        StringBuilder why = new StringBuilder("veraPDF: " + pdf.getFileName() + " is not PDF/A-3b:");
        failed.forEach((rule, message) -> why.append("\n  rule ").append(rule).append(" (").append(times.get(rule))
                .append("×): ").append(message));
        assertTrue(result.isCompliant() && failed.isEmpty(), why.toString());
    }
}
