package dev.quarry;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "dev.quarry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("app").definedBy("dev.quarry.app..")
            .layer("ui").definedBy("dev.quarry.ui..")
            .layer("cli").definedBy("dev.quarry.cli..")
            .layer("bench").definedBy("dev.quarry.bench..")
            .layer("middle").definedBy("dev.quarry.ingest..", "dev.quarry.analysis..", "dev.quarry.export..")
            .layer("synth").definedBy("dev.quarry.synth..")
            .layer("graph").definedBy("dev.quarry.graph..")
            .layer("store").definedBy("dev.quarry.store..")
            .layer("model").definedBy("dev.quarry.model..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("bench").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("middle").mayOnlyBeAccessedByLayers("ui", "cli", "bench", "middle")
            .whereLayer("synth").mayOnlyBeAccessedByLayers("cli", "bench", "ui")
            .whereLayer("graph").mayOnlyBeAccessedByLayers("middle", "ui", "bench")
            .whereLayer("store").mayOnlyBeAccessedByLayers("middle", "ui", "cli", "bench")
            .because("dependencies point one way, ui -> (analysis, graph, export, ingest) -> store -> model, "
                    + "and the command line never reaches into the GUI (STYLE.md)");

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.quarry.model..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.quarry.model..", "java..")
            .because("the shared vocabulary must stay free of every library and layer");

    @ArchTest
    static final ArchRule javaFxOnlyInUi = noClasses().that().resideOutsideOfPackage("dev.quarry.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the engine must run headless, on the command line and in tests, without a screen");

    @ArchTest
    static final ArchRule standardOutOnlyInCli = noClasses().that().resideOutsideOfPackages("dev.quarry.cli..", "dev.quarry.app..")
            .should().accessField(System.class, "out")
            .because("only the command line decides what the user sees on the terminal");

    /**
     * The engine's own parts: its public API (the root package) and each sub-package (scan, features,
     * signals, campaign, primitives) as one slice, so a sub-package reaching back into the API or
     * into a part that depends on it is caught too.
     */
    private static final SliceAssignment ANALYSIS_PARTS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals("dev.quarry.analysis")) {
                return SliceIdentifier.of("analysis (API)");
            }
            if (name.startsWith("dev.quarry.analysis.")) {
                return SliceIdentifier.of("analysis." + name.substring("dev.quarry.analysis.".length()).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the analysis API and its sub-packages";
        }
    };

    @ArchTest
    static final ArchRule noCyclesInsideAnalysis = slices().assignedFrom(ANALYSIS_PARTS).should().beFreeOfCycles()
            .because("the engine's parts depend one way: API -> campaign -> signals -> features/scan -> primitives");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.quarry.(*)..").should().beFreeOfCycles()
            .because("cycles make layers impossible to test or replace one at a time");
}
