package dev.quarry.ui.export;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Export and verify: folder, format, scope; then verification of any packet folder; open the folder. */
public final class ExportView extends VBox {

    public ExportView(ExportViewModel model, Consumer<Path> openFolder) {
        setSpacing(10);
        setPadding(new Insets(14));
        setId("export");
        TextField folder = new TextField();
        folder.setId("export-folder");
        folder.setPromptText("folder for the packet");
        folder.textProperty().addListener((o, old, text) -> model.directoryProperty().set(text.isBlank() ? null : Path.of(text)));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            File chosen = new DirectoryChooser().showDialog(getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getAbsolutePath());
            }
        });
        ToggleGroup format = new ToggleGroup();
        RadioButton csv = new RadioButton("CSV packet (accounts.csv, campaigns.csv, manifest.json)");
        csv.setToggleGroup(format);
        csv.setSelected(true);
        RadioButton pdf = new RadioButton("PDF packet");
        pdf.setToggleGroup(format);
        model.pdfProperty().bind(pdf.selectedProperty());
        CheckBox campaign = new CheckBox("only the selected campaign and its members");
        campaign.selectedProperty().bindBidirectional(model.onlySelectedCampaignProperty());
        Button export = new Button("Export");
        export.setId("export-run");
        export.setDefaultButton(true);
        export.setOnAction(e -> model.export());
        Label result = new Label();
        result.setId("export-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        Button open = new Button("Open the exported folder");
        open.disableProperty().bind(model.exportedProperty().isNull());
        open.setOnAction(e -> openFolder.accept(model.exportedProperty().get()));
        Button verify = new Button("Verify the packet in this folder");
        verify.setId("export-verify");
        verify.setOnAction(e -> model.verify(model.directoryProperty().get()));
        ListView<String> verification = new ListView<>(model.verification());
        verification.setId("export-verification");
        verification.setPlaceholder(new Label("Verification checks every file of a packet against its manifest."));
        VBox.setVgrow(verification, Priority.ALWAYS);
        HBox folderRow = new HBox(8, new Label("Folder"), folder, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Export the run shown");
        title.getStyleClass().add("title-4");
        getChildren().addAll(title, folderRow, csv, pdf, campaign, new HBox(8, export, open), result,
                new Label("Verify"), verify, verification);
    }
}
