package dev.quarry.ui.campaign;

import dev.quarry.analysis.Campaign;
import dev.quarry.store.CaseWork;
import dev.quarry.ui.session.AccountRow;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/** The campaign page: picker, evidence, verdict and notes on the left; members with reasons on the right. */
public final class CampaignView extends VBox {
    /** Reasons of the selected member shown under the table; the rest are on its page. */
    private static final int REASONS_SHOWN = 3;


    public CampaignView(CampaignViewModel model) {
        setSpacing(8);
        setPadding(new Insets(10));
        setId("campaign");
        ComboBox<Campaign> picker = new ComboBox<>(model.campaigns());
        picker.setId("campaign-picker");
        picker.setPromptText("campaign");
        picker.setCellFactory(list -> new CampaignCell());
        picker.setButtonCell(new CampaignCell());
        picker.setOnAction(e -> {
            if (picker.getValue() != null) {
                model.choose(picker.getValue().campaignId());
            }
        });
        // a campaign chosen elsewhere (overview, search, a run shown) shows in the picker too
        // (an invalidation listener: a re-analysis brings an equal campaign, and replacing the picker's
        // items clears its value)
        model.shownProperty().addListener((javafx.beans.Observable o) -> picker.setValue(model.shownProperty().get()));
        picker.setValue(model.shownProperty().get());
        Label heading = new Label();
        heading.setId("campaign-heading");
        heading.getStyleClass().add("title-4");
        heading.textProperty().bind(model.headingProperty());
        Button graph = new Button("Campaign graph");
        graph.setId("campaign-graph");
        graph.setTooltip(new javafx.scene.control.Tooltip("The members and the cards, IPs, templates and clients they share"));
        graph.setOnAction(e -> model.openGraph());
        HBox top = new HBox(10, picker, graph, heading);
        top.setAlignment(Pos.CENTER_LEFT);

        ListView<String> evidence = new ListView<>(model.evidence());
        evidence.setId("campaign-evidence");
        evidence.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label verdict = new Label();
        verdict.setId("campaign-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdict.textProperty().bind(model.verdictProperty());
        ComboBox<CaseWork.Decision> decision = new ComboBox<>(FXCollections.observableArrayList(CaseWork.Decision.values()));
        decision.setId("campaign-decision");
        decision.setPromptText("verdict");
        decision.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CaseWork.Decision value) {
                return value == null ? "" : value.word();
            }

            @Override
            public CaseWork.Decision fromString(String word) {
                return word == null || word.isBlank() ? null : CaseWork.Decision.fromWord(word);
            }
        });
        TextField comment = new TextField();
        comment.setId("campaign-comment");
        comment.setPromptText("comment");
        HBox.setHgrow(comment, Priority.ALWAYS);
        Button record = new Button("Record verdict");
        record.setId("campaign-record");
        record.setOnAction(e -> model.recordVerdict(decision.getValue(), comment.getText()));
        TextField note = new TextField();
        note.setId("campaign-note");
        note.setPromptText("a note on this campaign");
        HBox.setHgrow(note, Priority.ALWAYS);
        Button addNote = new Button("Add note");
        addNote.setId("campaign-add-note");
        addNote.setOnAction(e -> {
            model.addNote(note.getText());
            note.clear();
        });
        TextField tag = new TextField();
        tag.setPromptText("tag all members");
        Button addTag = new Button("Tag members");
        addTag.setOnAction(e -> model.tagMembers(tag.getText()));
        ListView<String> notes = new ListView<>(model.notes());
        notes.setId("campaign-notes");
        notes.setPlaceholder(new Label("No notes yet."));
        notes.setPrefHeight(120);
        VBox left = new VBox(6, new Label("Evidence"), evidence, verdict, new HBox(6, decision, comment, record),
                new HBox(6, note, addNote), new HBox(6, tag, addTag), new Label("Notes"), notes);
        VBox.setVgrow(evidence, Priority.ALWAYS);

        TableView<AccountRow> members = new TableView<>(model.members());
        members.setId("campaign-members");
        members.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        members.getColumns().add(column("Member", AccountRow::accountId, 150));
        members.getColumns().add(column("Risk", a -> String.format(Locale.ROOT, "%.3f", a.riskScore()), 60));
        members.getColumns().add(column("Requests", a -> String.format(Locale.ROOT, "%,d", a.events()), 90));
        members.getColumns().add(column("Verdict", a -> a.verdict() == null ? "" : a.verdict().word(), 85));
        members.getColumns().add(column("Tags", a -> String.join(", ", a.tags()), 110));
        members.setRowFactory(t -> {
            TableRow<AccountRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    model.openMember(row.getItem().accountId());
                }
            });
            return row;
        });
        Button select = new Button("Select in all views");
        select.setId("campaign-select-members");
        select.setTooltip(new javafx.scene.control.Tooltip("Selects the members in the accounts table, the graph, the map and the timeline"));
        select.setOnAction(e -> model.selectMembers());
        Label membersTitle = new Label("Members");
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox membersBar = new HBox(8, membersTitle, gap, select);
        membersBar.setAlignment(Pos.CENTER_LEFT);
        Label memberReasons = new Label();
        memberReasons.setId("campaign-member-reasons");
        memberReasons.setWrapText(true);
        memberReasons.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable showReasons = () -> memberReasons.setText(reasonsOf(members.getSelectionModel().getSelectedItem(), model));
        members.getSelectionModel().selectedItemProperty().addListener((o, old, member) -> showReasons.run());
        model.memberReasonsProperty().addListener((o, old, reasons) -> showReasons.run());
        showReasons.run();
        VBox right = new VBox(6, membersBar, members, memberReasons);
        VBox.setVgrow(members, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, right);
split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, split);
    }

    /** Why a member is in the campaign, in full (reasons wrap here rather than being cut in a column). */
    static String reasonsOf(AccountRow member, CampaignViewModel model) {
        if (member == null) {
            return "Click a member for its reasons; double-click for its page (traffic, prompts, events).";
        }
        java.util.List<String> reasons = model.memberReasonsProperty().get().getOrDefault(member.accountId(), java.util.List.of());
        if (reasons.isEmpty()) {
            return member.accountId() + ": no stored reasons.";
        }
        int shown = Math.min(REASONS_SHOWN, reasons.size());
        return member.accountId() + ", strongest reasons first:\n• " + String.join("\n• ", reasons.subList(0, shown))
                + (reasons.size() > shown ? String.format(Locale.ROOT, "\n(%d more on its page)", reasons.size() - shown) : "");
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static final class CampaignCell extends ListCell<Campaign> {
        @Override
        protected void updateItem(Campaign item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : "Campaign " + item.campaignId() + " (" + item.size() + ")");
        }
    }
}
