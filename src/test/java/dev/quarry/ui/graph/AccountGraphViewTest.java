package dev.quarry.ui.graph;

import dev.quarry.analysis.AccountGraph;
import dev.quarry.analysis.AnalysisOptions;
import dev.quarry.analysis.Analyzer;
import dev.quarry.analysis.LinkFamily;
import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.Importer;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.ui.Screenshots;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import dev.quarry.analysis.SampleCase;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the account graph on a small generated, analysed case. */
@ExtendWith(ApplicationExtension.class)
class AccountGraphViewTest {
    @TempDir
    static Path dir;
    static CaseFile caseFile;
    static AccountGraph graph;

    private final ObservableSet<String> selection = FXCollections.observableSet();
    private AccountGraphViewModel model;
    private AccountGraphView view;

    @BeforeAll
    static void analyseASmallCase() throws Exception {
        Path extract = Files.createDirectories(dir.resolve("extract"));
        ExtractGenerator.generate(extract, GeneratorOptions.defaults(300, 5, 3), ProgressListener.NONE);
        caseFile = CaseFile.open(dir.resolve("case.quarry"));
        Importer importer = new Importer(caseFile);
        for (Path file : SampleCase.dataFiles(extract)) {
            importer.importFile(file, ImportOptions.auto(), ProgressListener.NONE);
        }
        long runId = Analyzer.runAndStore(caseFile, AnalysisOptions.defaults(3), ProgressListener.NONE).runId();
        graph = AccountGraph.ofCase(caseFile, runId);
        graph.layOut(caseFile, 1, ProgressListener.NONE);
    }

    @Start
    void start(Stage stage) {
        model = new AccountGraphViewModel(new SynchronousTaskExecutor(), selection);
        view = new AccountGraphView(model);
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
        model.show(graph);
    }

    private int linkedAccount() {
        for (int e = 0; e < graph.edgeCount(); e++) {
            if (!graph.isAttribute(graph.from(e))) {
                return graph.from(e);
            }
        }
        throw new AssertionError("the generated case has no links");
    }

    @Test
    void aGraphThatArrivesBeforeTheViewHasASizeIsDrawnAndFittedOnceItHasOne(FxRobot robot) throws Exception {
        // a stored layout loads faster than the screen is laid out: the graph reaches a view of size 0
        AccountGraphViewModel early = new AccountGraphViewModel(new SynchronousTaskExecutor(), FXCollections.observableSet());
        AccountGraphView[] holder = new AccountGraphView[1];
        robot.interact(() -> {
            holder[0] = new AccountGraphView(early);
            early.show(graph);
        });
        AccountGraphView late = holder[0];
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            second[0].setScene(new Scene(late, 800, 500));
            second[0].show();
        });
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(() -> late.drawnAtRest() && late.lastFrameMs() > 0).get());
            double[] bounds = WaitForAsyncUtils.asyncFx(() -> {
                double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                for (int node = 0; node < graph.nodeCount(); node++) {
                    double[] at = late.screenPosition(node);
                    b[0] = Math.min(b[0], at[0]);
                    b[1] = Math.max(b[1], at[0]);
                    b[2] = Math.min(b[2], at[1]);
                    b[3] = Math.max(b[3], at[1]);
                }
                return b;
            }).get();
            String where = java.util.Arrays.toString(bounds);
            assertTrue(bounds[0] >= 0 && bounds[1] <= 800 && bounds[2] >= 0, "every node inside the view: " + where);
            // fitted to a view without a size, the graph would span at most 160 px (a 200 px square less the margins)
            assertTrue(Math.max(bounds[1] - bounds[0], bounds[3] - bounds[2]) > 300, "fitted to the size the view got: " + where);
        } finally {
            robot.interact(() -> second[0].close());
        }
    }

    @Test
    void clickingANodeSelectsItsAccountForEveryScreen(FxRobot robot) throws Exception {
        int node = linkedAccount();
        robot.interact(() -> model.search(graph.node(node)));
        WaitForAsyncUtils.waitForFxEvents();
        selection.clear();
        double[] at = view.screenPosition(node);
        robot.clickOn(view.localToScreen(at[0], at[1] + view.getCenter().getLayoutY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(selection.contains(graph.node(node)), "selection " + selection + " holds " + graph.node(node));
        // the picture is drawn again, off the FX thread, once the view rests after centring
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(view::drawnAtRest).get());
        Screenshots.save(view, "account-graph");
    }

    @Test
    void turningAFamilyOffHidesItsLinks(FxRobot robot) {
        int billing = 0;
        for (int e = 0; e < graph.edgeCount(); e++) {
            if (graph.family(e) == LinkFamily.BILLING) {
                billing = e;
                break;
            }
        }
        int edge = billing;
        assertTrue(model.edgeShown(edge));
        CheckBox toggle = robot.lookup("#family-" + graph.family(edge).stored()).queryAs(CheckBox.class);
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(toggle.isSelected());
        assertFalse(model.edgeShown(edge), "link of a hidden family");
        assertEquals(LinkFamily.values().length - 1, model.shownFamilies().size());
    }
}
