package dev.quarry.ui.export;

import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.StoredRun;
import dev.quarry.export.CsvPacket;
import dev.quarry.export.ExportReport;
import dev.quarry.export.PacketVerifier;
import dev.quarry.export.PdfPacket;
import dev.quarry.store.IntegrityReport;
import dev.quarry.ui.session.CaseSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/** Exports the shown run (whole, or the selected campaign) as a CSV or PDF packet, and verifies a packet. */
public final class ExportViewModel {

    private final CaseSession session;
    private final ObjectProperty<Path> directory = new SimpleObjectProperty<>();
    private final BooleanProperty pdf = new SimpleBooleanProperty(false);
    private final BooleanProperty onlySelectedCampaign = new SimpleBooleanProperty(false);
    private final StringProperty result = new SimpleStringProperty("");
    private final ObjectProperty<Path> exported = new SimpleObjectProperty<>();
    private final ObservableList<String> verification = FXCollections.observableArrayList();

    public ExportViewModel(CaseSession session) {
        this.session = session;
    }

    public void export() {
        Path target = directory.get();
        Long runId = session.shownRunProperty().get();
        if (target == null || runId == null) {
            result.set(runId == null ? "Analyse the case first: there is no run to export." : "Choose a folder first.");
            return;
        }
        Integer campaign = onlySelectedCampaign.get() ? session.selectedCampaignProperty().get() : null;
        List<Integer> campaigns = campaign == null ? List.of() : List.of(campaign);
        boolean asPdf = pdf.get();
        session.withCase("Exporting run " + runId, (caseFile, progress) -> {
            StoredRun run = new RunStore(caseFile).load(runId);
            return asPdf ? new PdfPacket(caseFile).write(run, target.resolve("quarry-run-" + runId + ".pdf"), campaigns, progress)
                    : new CsvPacket(caseFile).write(run, target, campaigns, progress);
        }, (ExportReport report) -> {
            exported.set(report.directory());
            result.set("Exported run " + report.runId() + (campaign == null ? "" : " campaign " + campaign) + " to "
                    + report.directory() + ": " + report.files().size() + " file(s)");
        });
    }

    /** Checks an exported CSV packet against its manifest. */
    public void verify(Path packet) {
        if (packet == null) {
            return;
        }
        session.run("Verifying " + packet.getFileName(), progress -> PacketVerifier.verify(packet), (IntegrityReport report) -> {
            verification.clear();
            verification.add(report.ok() ? "OK: " + packet + " is intact" : "MISMATCH: " + report.differences().size()
                    + " difference(s) in " + packet);
            report.intact().forEach(line -> verification.add("ok       " + line));
            report.differences().forEach(line -> verification.add("DIFFERS  " + line));
            report.notes().forEach(line -> verification.add("note     " + line));
        });
    }

    public ObjectProperty<Path> directoryProperty() {
        return directory;
    }

    public BooleanProperty pdfProperty() {
        return pdf;
    }

    public BooleanProperty onlySelectedCampaignProperty() {
        return onlySelectedCampaign;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public ObjectProperty<Path> exportedProperty() {
        return exported;
    }

    public ObservableList<String> verification() {
        return verification;
    }
}
