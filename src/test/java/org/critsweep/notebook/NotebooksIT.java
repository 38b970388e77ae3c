package org.critsweep.notebook;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.critsweep.testing.Outcome;
import org.critsweep.testing.ProcessRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The notebooks as CI runs them: jobs/install-jupyter.sh installs Jupyter and the project's Java kernel, two small
 * campaigns are run, and every notebook in notebooks/ is executed top to bottom by {@code jupyter nbconvert} over
 * them. A notebook fails on any cell error (nbconvert's exit code), and must show its plots as PNGs and the text it
 * exists for. The kernel runs as installed, with one JVM flag more: C1 only ({@code -XX:TieredStopAtLevel=1}), which
 * halves the CPU time of these short runs (JShell's compiler and Spark's start dominate them).
 */
class NotebooksIT {

    static final Path ROOT = ProcessRunner.ROOT;
    static final Path KERNEL = Path.of("kernels", "critsweep-java", "kernel.json");
    static final Path EXECUTED = ROOT.resolve("target/notebooks-it");
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** What an executed notebook must show: at least this many PNG plots, and these texts. */
    record Expectation(int images, List<String> texts) {
    }

    /** One entry per notebook: a notebook added without one fails here, so that it is checked for something. */
    static final Map<String, Expectation> EXPECTED = Map.of(
            "01-explore-a-campaign.ipynb", new Expectation(2, List.of("sigma_w_c_inf", "<th>sigma_w_max</th>",
                    "tanh σ_b = 0.3: mean-field σ_w,c = 1.39558")),
            "02-finite-size-scaling-by-hand.ipynb", new Expectation(3, List.of("quality S = ",
                    "The refit agrees with the fits table within errors.")),
            "03-compare-campaigns.ipynb", new Expectation(1, List.of("notebook-a\t26\t16, 32\t8",
                    "notebook-b\t26\t24, 48\t8", "<th>notebook-a</th><th>notebook-b</th>",
                    "<td>sigma_w_c_inf</td><td>all</td>")));

    @TempDir
    static Path temp;

    static String campaigns;
    static Path jupyterPath;

    /**
     * Two campaigns of one grid, notebook-a with widths 16 and 32, notebook-b with 24 and 48. The σ_w scan, 1.30 … 1.70 in steps of
     * 1/30, brackets the λ_N root of every width (near 1.63 and 1.51 for N = 16 and 32 at depth 64), so that each
     * campaign has roots, an extrapolation and a λ_N collapse (three points per width within 0.05 of σ_w,c(∞)).
     */
    @BeforeAll
    static void installJupyterAndRunTwoCampaigns() throws Exception {
        ProcessRunner.script("jobs/install-jupyter.sh").start(temp.resolve("install-jupyter.log"))
                .finish(Duration.ofMinutes(10));
        jupyterPath = quickKernel(ROOT.resolve("target/jupyter").resolve(KERNEL));

        Path conf = temp.resolve("notebook.conf");
        Files.writeString(conf, """
                campaign { name = notebook, seed = 2718 }
                grid {
                  activation = tanh
                  sigma_b = 0.3
                  sigma_w = { linspace = [1.30, 1.70, 13] }
                  depth = 64
                  replicas = 8
                }
                analysis { bootstrap = 20, collapse = [hh] }
                """);
        List<String> directories = new ArrayList<>();
        for (Map.Entry<String, String> campaign : new TreeMap<>(Map.of("notebook-a", "[16, 32]",
                "notebook-b", "[24, 48]")).entrySet()) {
            Path output = temp.resolve(campaign.getKey());
            run("run", conf.toString(), "--master", "local[2]", "--partitions", "2",
                    "--set", "campaign.name=" + campaign.getKey(), "--set", "campaign.output=\"" + output + "\"",
                    "--set", "grid.width=" + campaign.getValue());
            directories.add(output.toString());
        }
        campaigns = String.join(File.pathSeparator, directories);
    }

    /** The installed kernel spec with the C1-only flag after the java command, in a Jupyter path of its own. */
    private static Path quickKernel(Path installed) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = (ObjectNode) json.readTree(installed.toFile());
        ((ArrayNode) spec.get("argv")).insert(1, "-XX:TieredStopAtLevel=1");
        Path quick = temp.resolve("jupyter");
        Files.createDirectories(quick.resolve(KERNEL).getParent());
        json.writeValue(quick.resolve(KERNEL).toFile(), spec);
        return quick;
    }

    private static void run(String... args) {
        Outcome run = cli(args);
        assertEquals(0, run.exitCode(), "critsweep " + String.join(" ", args) + ": " + run.err());
    }

    static Stream<String> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("notebooks"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted().toList()
                    .stream();
        }
    }

    @Test
    void everyNotebookIsCheckedAndThereAreTheThreeOfIssue8() throws IOException {
        assertEquals(EXPECTED.keySet(), notebooks().collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void runsTopToBottomAndShowsItsPlotsAndText(String notebook) throws Exception {
        Expectation expected = EXPECTED.get(notebook);
        assertNotNull(expected, notebook + " has no expectation in NotebooksIT.EXPECTED");
        Outcome nbconvert = ProcessRunner.command(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--output-dir", EXECUTED.toString(),
                ROOT.resolve("notebooks").resolve(notebook).toString()))
                .withEnvironment(Map.of("JUPYTER_PATH", jupyterPath.toString(), Campaigns.VARIABLE, campaigns))
                .start(temp.resolve(notebook + ".log")).await(Duration.ofMinutes(15));
        assertEquals(0, nbconvert.exitCode(), notebook + " failed:\n" + nbconvert.out());

        JsonNode executed = new ObjectMapper().readTree(EXECUTED.resolve(notebook).toFile());
        List<JsonNode> outputs = new ArrayList<>();
        executed.get("cells").forEach(cell -> cell.path("outputs").forEach(outputs::add));
        List<JsonNode> images = outputs.stream().map(o -> o.path("data").path("image/png"))
                .filter(JsonNode::isTextual).toList();
        assertTrue(images.size() >= expected.images(), notebook + ": " + images.size() + " PNG plots, expected at"
                + " least " + expected.images());
        for (JsonNode image : images) {
            byte[] png = Base64.getMimeDecoder().decode(image.asText());
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length), notebook + ": not a PNG");
            assertTrue(png.length > 5_000, notebook + ": a " + png.length + "-byte plot is too small to hold one");
        }
        String text = String.join("\n", outputs.stream().flatMap(NotebooksIT::texts).toList());
        for (String wanted : expected.texts()) {
            assertTrue(text.contains(wanted), notebook + " does not show '" + wanted + "':\n" + text);
        }
    }

    /** The text of one output: a stream's, or the plain text and HTML of displayed data. */
    private static Stream<String> texts(JsonNode output) {
        JsonNode data = output.path("data");
        return Stream.of(output.path("text"), data.path("text/plain"), data.path("text/html"))
                .filter(node -> !node.isMissingNode())
                .map(NotebooksIT::joined);
    }

    /** nbformat stores multi-line text as an array of lines. */
    private static String joined(JsonNode text) {
        StringBuilder joined = new StringBuilder();
        if (text.isArray()) {
            text.forEach(line -> joined.append(line.asText()));
        } else {
            joined.append(text.asText());
        }
        return joined.toString();
    }
}
