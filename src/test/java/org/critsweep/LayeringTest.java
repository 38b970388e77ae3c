package org.critsweep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package arrows of the README's "Layout" as a test, so the layering cannot rot silently. */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.critsweep");

    /** Spark, Hadoop and Scala: what only the Spark layer, the command line and the notebook kernel may import. */
    private static final String[] SPARK = {
        "org.apache.spark..", "org.apache.hadoop..", "scala..", "org.critsweep.spark.."};

    @Test
    void pureCoresImportNoSparkHadoopOrUpperLayers() {
        importNone(new String[] {"org.critsweep.kernel..", "org.critsweep.theory..", "org.critsweep.fit..",
            "org.critsweep.grid.."}, "org.critsweep.store..", "org.critsweep.report..", "org.critsweep.cli..",
                "org.critsweep.notebook..");
    }

    /**
     * The campaign directory's storage is plain Java over grid and Typesafe config, so {@code status} and the damage
     * checks need no Spark, and a Hadoop file system can be put under it later without Spark in the store.
     */
    @Test
    void storeImportsNoSparkHadoopOrUpperLayers() {
        importNone(new String[] {"org.critsweep.store.."}, "org.critsweep.report..", "org.critsweep.cli..",
                "org.critsweep.notebook..");
    }

    /**
     * The report is drawn from plain records (report depends on fit, theory, kernel and grid), so it can be
     * tested and rendered without Spark; the spark package reads the tables into those records.
     */
    @Test
    void reportImportsNoSparkHadoopOrUpperLayers() {
        importNone(new String[] {"org.critsweep.report.."}, "org.critsweep.cli..");
    }

    /** {@code sql} without Spark: the DuckDB engine and what the engines share start no Spark and need no cli. */
    @Test
    void queryImportsNoSparkHadoopOrUpperLayers() {
        importNone(new String[] {"org.critsweep.query.."}, "org.critsweep.report..", "org.critsweep.cli..",
                "org.critsweep.notebook..");
    }

    /** No class in {@code packages} depends on Spark, Hadoop, Scala, the spark package or {@code forbidden}. */
    private static void importNone(String[] packages, String... forbidden) {
        String[] all = Stream.concat(Arrays.stream(SPARK), Arrays.stream(forbidden)).toArray(String[]::new);
        noClasses().that().resideInAnyPackage(packages).should().dependOnClassesThat().resideInAnyPackage(all)
                .check(MAIN);
    }

    @Test
    void pureCoresDoNoFileOrNetworkIo() {
        noClasses().that().resideInAnyPackage("org.critsweep.kernel..", "org.critsweep.theory..",
                        "org.critsweep.fit..", "org.critsweep.grid..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .check(MAIN);
    }

    @Test
    void kernelAndFitStandAlone() {
        noClasses().that().resideInAPackage("org.critsweep.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.critsweep.grid..", "org.critsweep.fit..")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.critsweep.fit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.critsweep.grid..", "org.critsweep.kernel..")
                .check(MAIN);
    }

    /** The Jupyter library is provided to the notebook kernel only: code the executors load must not need it. */
    @Test
    void onlyTheNotebookKernelUsesJupyter() {
        noClasses().that().resideOutsideOfPackage("org.critsweep.notebook..")
                .should().dependOnClassesThat().resideInAPackage("org.dflib..")
                .check(MAIN);
    }

    @Test
    void onlyTheCommandLinePrints() {
        noClasses().that().resideOutsideOfPackage("org.critsweep.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(MAIN);
    }
}
