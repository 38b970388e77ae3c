package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.critsweep.grid.CampaignParser;
import org.critsweep.store.CampaignStore;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad campaign files and command lines (docs/ERRORS.md, "Campaign files and command-line
 * arguments"). Each case exits with 2, prints nothing on stdout and exactly one line on stderr,
 * {@code critsweep: <message>}, where the message names the field, the bad value and what is allowed; and it leaves
 * everything as it was: an output directory that did not exist still does not, and one that held this campaign keeps
 * every file and directory with its size and modification time. Every message is in docs/ERRORS.md verbatim.
 *
 * <p>In messages, {@code <conf>} is the campaign file, {@code <dir>} the directory holding it and {@code <out>} the
 * campaign's output directory, {@code <dir>/out}.
 */
class CampaignInputCatalogueTest {

    static final String MLP = """
            campaign { name = bad, seed = 7919, output = "<out>" }
            grid {
              activation = tanh
              sigma_b = 0.3
              sigma_w = [1.3, 1.4]
              width = [8]
              depth = 4
              replicas = 2
            }
            """;

    static final String CNN = MLP.replace("activation = tanh", "arch = cnn1d\n  activation = tanh")
            .replace("width = [8]", "channels = [4]\n  size = [8]");

    static final String GRID_KEYS = "activation, active_thresholds, arch, channels, depth, inputs, kernel_size, protocol,"
            + " record, replicas, sampler, sigma_b, sigma_w, size, width";

    static final String RUN_OPTIONS = "--batch-seconds, --help, --master, --partitions, --set, --verbose";

    @TempDir
    Path temp;

    /** What the output directory holds before the command; each case runs once per state it lists. */
    enum Prior {
        /** Nothing: {@code <out>} does not exist. */
        NOTHING,
        /** A committed run of the same campaign (same data identity): it is resumed, so nothing refuses it. */
        THIS_CAMPAIGN,
        ANOTHER_CAMPAIGN,
        NOT_A_CAMPAIGN,
        /** {@code <out>} is a regular file. */
        A_FILE,
        /** {@code <dir>/afile} is a regular file, the output {@code <dir>/afile/out}. */
        UNDER_A_FILE,
        /** {@code <dir>/ro} is read-only (mode 555), the output {@code <dir>/ro/out}; skipped where that binds nobody. */
        UNDER_A_READ_ONLY_DIRECTORY,
        /** {@code <out>} is an empty read-only directory; skipped where that binds nobody (root). */
        READ_ONLY,
        /** {@code <out>} is a symbolic link to itself. */
        LINK_LOOP,
        /** {@code <out>} is a symbolic link to {@code <dir>/absent}, which does not exist. */
        DANGLING_LINK,
        /** {@code <dir>/fifo} is a named pipe (nothing ever writes into it: opening it to read would hang). */
        FIFO
    }

    /**
     * One row: the command lines to run (each refused alike), the campaign file they read (in {@code encoding}), the
     * valid campaign it derives from (whose committed run {@link Prior#THIS_CAMPAIGN} holds), the states of the output
     * directory to run them in and the expected message.
     */
    record Case(String name, String campaign, Charset encoding, String base, List<List<String>> commandLines,
                List<Prior> priors, String message) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A key of the MLP campaign overridden with {@code --set}, refused by both {@code run} and {@code plan}. */
    static Case set(String name, String override, String message) {
        return onFile(name, MLP, MLP, List.of("--set", override), message);
    }

    /** A key of the CNN campaign overridden with {@code --set}. */
    static Case cnn(String name, String override, String message) {
        return onFile(name, CNN, CNN, List.of("--set", override), message);
    }

    /** The CNN campaign with several overrides. */
    static Case cnnSets(String name, List<String> overrides, String message) {
        List<String> options = new ArrayList<>();
        overrides.forEach(o -> options.addAll(List.of("--set", o)));
        return onFile(name, CNN, CNN, options, message);
    }

    /** A campaign file of its own (a broken MLP campaign), refused by both {@code run} and {@code plan}. */
    static Case file(String name, String campaign, String message) {
        return onFile(name, campaign, MLP, List.of(), message);
    }

    /** The MLP campaign with several overrides. */
    static Case sets(String name, List<String> overrides, String message) {
        List<String> options = new ArrayList<>();
        overrides.forEach(o -> options.addAll(List.of("--set", o)));
        return onFile(name, MLP, MLP, options, message);
    }

    private static Case onFile(String name, String campaign, String base, List<String> options, String message) {
        List<List<String>> commandLines = new ArrayList<>();
        for (String command : List.of("run", "plan")) {
            List<String> args = new ArrayList<>(List.of(command, "<conf>"));
            args.addAll(options);
            commandLines.add(args);
        }
        return new Case(name, campaign, StandardCharsets.UTF_8, base, commandLines,
                List.of(Prior.NOTHING, Prior.THIS_CAMPAIGN), message);
    }

    /** A command line of its own, on the MLP campaign. */
    static Case command(String name, List<String> args, String message) {
        return new Case(name, MLP, StandardCharsets.UTF_8, MLP, List.of(args),
                List.of(Prior.NOTHING, Prior.THIS_CAMPAIGN), message);
    }

    /** {@code run} with its output directory at {@code output}, in the given state. */
    static Case output(String name, Prior prior, String output, String message) {
        return new Case(name, MLP, StandardCharsets.UTF_8, MLP,
                List.of(List.of("run", "<conf>", "--set", "campaign.output=\"" + output + "\"")), List.of(prior), message);
    }

    static Stream<Case> catalogue() {
        return Stream.of(
                // The file and its syntax
                command("missing campaign file", List.of("run", "<dir>/absent.conf"),
                        "CONF: campaign file not found: <dir>/absent.conf"),
                command("campaign file is a directory", List.of("run", "<dir>"),
                        "CONF: <dir> is a directory; expected a campaign file (HOCON)"),
                new Case("campaign file not UTF-8", MLP.replace("name = bad", "name = caf\u00e9"), StandardCharsets.ISO_8859_1,
                        MLP, List.of(List.of("run", "<conf>"), List.of("plan", "<conf>")),
                        List.of(Prior.NOTHING, Prior.THIS_CAMPAIGN),
                        "CONF: <conf> is not UTF-8 text; expected a campaign file (HOCON)"),
                file("HOCON syntax error", MLP.replace("width = [8]", "width = [8]]"), "<conf>:6: syntax error:"
                        + " Expecting close brace } or a comma, got ']' (if you intended ']' to be part of a key or string"
                        + " value, try enclosing the key or value in double quotes, or you may be able to rename the file"
                        + " .properties rather than .conf)"),
                file("unresolved substitution", MLP.replace("depth = 4", "depth = ${layers}"),
                        "<conf>:7: Could not resolve substitution to a value: ${layers}"),
                file("required key missing", MLP.replace("depth = 4", ""), "grid.depth: required key is missing"),
                file("included file missing", "include \"absent.conf\"\n" + MLP, "<conf>: include \"absent.conf\": no file"
                        + " <dir>/absent.conf (a relative include is read from the directory of the file that includes it)"),
                // Keys
                set("unknown key, a typo", "grid.widht=[8]", "grid.widht: unknown key; did you mean grid.width?"
                        + " Allowed keys in grid: " + GRID_KEYS),
                set("unknown key, nothing close", "grid.colour=red",
                        "grid.colour: unknown key; allowed keys in grid: " + GRID_KEYS),
                set("key in the wrong section", "grid.bootstrap=50", "grid.bootstrap: unknown key; did you mean"
                        + " analysis.bootstrap? Allowed keys in grid: " + GRID_KEYS),
                set("unknown section", "analyse.bootstrap=50",
                        "analyse: unknown key; did you mean analysis? Allowed keys: analysis, campaign, grid"),
                set("--set of an unknown key", "campaign.sed=1", "campaign.sed: unknown key; did you mean"
                        + " campaign.seed? Allowed keys in campaign: max_core_hours, name, output, seed"),
                // Types
                set("string for an integer", "grid.depth=deep", "grid.depth: expected an integer >= 1, got string \"deep\""),
                set("list for a scalar", "grid.depth=[4]", "grid.depth: expected an integer >= 1, got list [4]"),
                set("fraction for an integer", "grid.width=[8, 8.5]", "grid.width: expected an integer >= 2, got number 8.5"),
                set("scalar for a section", "grid.inputs=3", "grid.inputs: expected an object with keys c0, q0, got number 3"),
                set("list for a word", "grid.sampler=[gram]", "grid.sampler: expected a string, got list [\"gram\"]"),
                // Values out of range
                set("sigma_w <= 0", "grid.sigma_w=[1.4, -0.5]", "grid.sigma_w: expected a number > 0, got -0.5"),
                set("sigma_w infinite", "grid.sigma_w=[1e400]", "grid.sigma_w: expected a finite number > 0, got Infinity"),
                set("sigma_b < 0", "grid.sigma_b=-0.1", "grid.sigma_b: expected a number >= 0, got -0.1"),
                set("width < 2", "grid.width=[64, 1]", "grid.width: expected an integer >= 2, got 1"),
                set("width beyond int", "grid.width=3000000000", "grid.width: expected an integer <= 2147483647, got 3000000000"),
                set("depth < 1", "grid.depth=0", "grid.depth: expected an integer >= 1, got 0"),
                set("replicas < 1", "grid.replicas=0", "grid.replicas: expected an integer >= 1, got 0"),
                set("duplicate values", "grid.width=[8, 8]", "grid.width: duplicate values in [8, 8]; each value may appear once"),
                set("q0 <= 0", "grid.inputs.q0=0", "grid.inputs.q0: expected a number > 0, got 0.0"),
                set("c0 > 1", "grid.inputs.c0=1.5", "grid.inputs.c0: expected a correlation in [-1, 1], got 1.5"),
                set("c0 < -1", "grid.inputs.c0=-1.5", "grid.inputs.c0: expected a correlation in [-1, 1], got -1.5"),
                set("campaign name", "campaign.name=\"a b\"", "campaign.name: expected letters, digits, '.', '_' or '-', got 'a b'"),
                set("campaign seed", "campaign.seed=1.5", "campaign.seed: expected an integer, got number 1.5"),
                set("campaign output empty", "campaign.output=\"\"", "campaign.output: expected a directory path, got an empty string"),
                set("campaign output with ~", "campaign.output=\"~/runs/x\"", "campaign.output: a leading ~ is not"
                        + " expanded, got '~/runs/x'; write the home directory's full path"),
                // sigma_w grids
                set("linspace n < 2", "grid.sigma_w={ linspace = [1.3, 1.5, 1] }", "grid.sigma_w.linspace: expected"
                        + " [a, b, n] with 0 < a < b and an integer n in [2, 10000], got list [1.3,1.5,1]"),
                set("linspace a > b", "grid.sigma_w={ linspace = [1.5, 1.3, 5] }", "grid.sigma_w.linspace: expected"
                        + " [a, b, n] with 0 < a < b and an integer n in [2, 10000], got list [1.5,1.3,5]"),
                set("linspace n huge", "grid.sigma_w={ linspace = [1.3, 1.5, 100000000] }", "grid.sigma_w.linspace:"
                        + " expected [a, b, n] with 0 < a < b and an integer n in [2, 10000], got list [1.3,1.5,100000000]"),
                set("sigma_w object without a grid", "grid.sigma_w={}", "grid.sigma_w: expected numbers > 0, { linspace ="
                        + " [a, b, n] } and/or { around-critical = { half-width = h, points = n } }, got object {}"),
                set("around-critical half-width <= 0", "grid.sigma_w={ around-critical = { half-width = 0, points = 5 } }",
                        "grid.sigma_w.around-critical.half-width: expected a number > 0, got 0.0"),
                set("around-critical points < 2", "grid.sigma_w={ around-critical = { half-width = 0.1, points = 1 } }",
                        "grid.sigma_w.around-critical.points: expected an integer in [2, 10000], got 1"),
                set("around-critical points a fraction", "grid.sigma_w={ around-critical = { half-width = 0.1, points = 2.5 } }",
                        "grid.sigma_w.around-critical.points: expected an integer in [2, 10000], got number 2.5"),
                set("around-critical not an object", "grid.sigma_w={ around-critical = 5 }", "grid.sigma_w.around-critical:"
                        + " expected an object with keys half-width, points, got number 5"),
                sets("around-critical without a critical point", List.of("grid.activation=relu",
                        "grid.sigma_w={ around-critical = { half-width = 0.1, points = 5 } }"), "grid.sigma_w: around-critical"
                        + " needs a critical point, but relu has no critical point at sigma_b = 0.3; its only critical"
                        + " point is sigma_b = 0, sigma_w = 1.4142135623730951 (q* is marginal there, not a line); give"
                        + " sigma_w values instead"),
                // Empty lists
                set("empty arch", "grid.arch=[]", "grid.arch: expected a non-empty list, got []"),
                set("empty activation", "grid.activation=[]", "grid.activation: expected a non-empty list, got []"),
                set("empty sigma_b", "grid.sigma_b=[]", "grid.sigma_b: expected a non-empty list, got []"),
                set("empty sigma_w", "grid.sigma_w=[]", "grid.sigma_w: expected a non-empty list, got []"),
                set("empty width", "grid.width=[]", "grid.width: expected a non-empty list, got []"),
                cnn("empty channels", "grid.channels=[]", "grid.channels: expected a non-empty list, got []"),
                cnn("empty size", "grid.size=[]", "grid.size: expected a non-empty list, got []"),
                cnn("empty active_thresholds", "grid.active_thresholds=[]", "grid.active_thresholds: expected a non-empty list, got []"),
                set("empty exponents", "analysis.exponents=[]", "analysis.exponents: expected a non-empty list, got []"),
                // Names
                set("unknown activation, a typo", "grid.activation=tahn", "grid.activation: unknown value 'tahn'; did you"
                        + " mean tanh? Allowed: tanh, erf, sin, relu, linear"),
                set("unknown activation", "grid.activation=softplus",
                        "grid.activation: unknown value 'softplus'; allowed: tanh, erf, sin, relu, linear"),
                set("unknown arch", "grid.arch=transformer", "grid.arch: unknown value 'transformer'; allowed: mlp, cnn1d, cnn2d, lcn1d, lcn2d"),
                set("unknown sampler", "grid.sampler=gibbs", "grid.sampler: unknown value 'gibbs'; allowed: gram, dense"),
                set("sampler in capitals", "grid.sampler=Gram",
                        "grid.sampler: unknown value 'Gram'; did you mean gram? Allowed: gram, dense"),
                set("record unknown", "grid.record=sometimes", "grid.record: expected every or { log = n }, got string \"sometimes\""),
                set("record log < 2", "grid.record={ log = 1 }", "grid.record.log: expected an integer >= 2, got 1"),
                // Physics
                set("sigma_b = 0 with tanh", "grid.sigma_b=[0, 0.3]", "grid.sigma_b: 0 with the odd activation tanh is"
                        + " degenerate: rho = 1 - c does not decay and c = 1 and c = -1 are both absorbing"
                        + " (docs/PHYSICS.md section 2); allowed: values > 0 with tanh, erf, sin, linear; 0 only with relu"),
                sets("sigma_b = 0 with sin among relu", List.of("grid.activation=[relu, sin]", "grid.sigma_b=0"), "grid.sigma_b: 0 with the odd activation sin is degenerate: rho = 1 - c does"
                        + " not decay and c = 1 and c = -1 are both absorbing (docs/PHYSICS.md section 2); allowed:"
                        + " values > 0 with tanh, erf, sin, linear; 0 only with relu"),
                sets("cost above max_core_hours", List.of("grid.sampler=dense", "grid.width=[1024]", "grid.depth=512",
                        "grid.replicas=200000"), "campaign.max_core_hours: the grid is estimated at 196 core-hours"
                        + " (2 points, 200000 replicas each), above the limit of 100; raise the limit (e.g. --set"
                        + " campaign.max_core_hours=197) or shrink the grid"),
                set("max_core_hours <= 0", "campaign.max_core_hours=0", "campaign.max_core_hours: expected a number > 0, got 0.0"),
                // CNN keys
                cnn("sampler gram with a CNN", "grid.sampler=gram", "grid.sampler: gram is exact only for mlp (weights"
                        + " shared across positions break it); use dense, or leave sampler unset, with cnn1d/cnn2d/lcn1d/lcn2d"),
                cnn("kernel size even", "grid.kernel_size=4", "grid.kernel_size: expected an odd integer <= the smallest size (8), got 4"),
                cnn("size below the kernel", "grid.size=[8, 2]", "grid.kernel_size: expected an odd integer <= the smallest size (2), got 3"),
                cnn("channels < 2", "grid.channels=[1]", "grid.channels: expected an integer >= 2, got 1"),
                cnn("unknown protocol", "grid.protocol=avalanche", "grid.protocol: unknown value 'avalanche'; allowed: pair, spreading"),
                cnn("thresholds not increasing", "grid.active_thresholds=[1e-3, 1e-6, 1e-9]", "grid.active_thresholds:"
                        + " expected three increasing values in (0, 1), got [0.001, 1.0E-6, 1.0E-9]"),
                cnn("width with a CNN", "grid.width=[64]", "grid.width: applies to arch mlp only; a CNN has channels and size"),
                set("CNN key with an MLP", "grid.channels=[8]", "grid.channels: applies to arch cnn1d/cnn2d/lcn1d/lcn2d only"),
                // Analysis
                set("bootstrap = 1", "analysis.bootstrap=1", "analysis.bootstrap: expected 0 (no bootstrap) or an integer >= 2, got 1"),
                set("collapse method unknown", "analysis.collapse=[hh, autoscale]",
                        "analysis.collapse: unknown value 'autoscale'; allowed: hh, bayes"),
                set("decay window reversed", "analysis.decay_window=[100, 10]", "analysis.decay_window: expected auto or"
                        + " [from, to] with integers 0 <= from < to, got list [100,10]"),
                set("tau window at 0", "analysis.tau_window=[0, 0.05]", "analysis.tau_window: expected a number > 0, got 0.0"),
                set("mcmc steps too few", "analysis.mcmc_steps=10", "analysis.mcmc_steps: expected an integer >= 100, got 10"),
                set("exponent unknown", "analysis.exponents=[gamma]",
                        "analysis.exponents: unknown value 'gamma'; allowed: delta, beta, nu_par, fss"),
                // The command line
                command("run without CONF", List.of("run"), "Missing required parameter: 'CONF' (see critsweep run --help)"),
                command("no command", List.of(), "missing command; allowed: bench, completion, fit, plan, report, run, sql,"
                        + " status, theory (see critsweep --help)"),
                command("unknown command", List.of("rnu", "<conf>"), "unknown command 'rnu'; did you mean run? Allowed:"
                        + " bench, completion, fit, plan, report, run, sql, status, theory (see critsweep --help)"),
                command("completion for another shell", List.of("completion", "fish"), "Invalid value for positional"
                        + " parameter at index 0 (SHELL): expected one of [bash, zsh] (case-sensitive) but was 'fish'"
                        + " (see critsweep completion --help)"),
                command("unknown option", List.of("run", "<conf>", "--mastr", "local[2]"), "unknown option '--mastr'; did"
                        + " you mean --master? Allowed: " + RUN_OPTIONS + " (see critsweep run --help)"),
                command("extra argument", List.of("run", "<conf>", "<conf>"),
                        "Unmatched argument at index 2: '<conf>' (see critsweep run --help)"),
                command("--set without =", List.of("run", "<conf>", "--set", "grid.depth"),
                        "--set: expected key=value, got 'grid.depth'"),
                command("--set value unparsable", List.of("run", "<conf>", "--set", "grid.width=[8,"), "--set: cannot parse"
                        + " 'grid.width=[8,': List should have had new element after a comma, instead had token: end of"
                        + " file (if you want the comma or end of file to be part of a string value, then double-quote it)"),
                command("bad --master", List.of("run", "<conf>", "--master", "sparks://host:7077"), "--master: expected"
                        + " local, local[N] or local[N,F] with N and F in [1, 1024], local[*],"
                        + " spark://HOST:PORT[,HOST:PORT...] with PORT in [1, 65535], got 'sparks://host:7077'"),
                command("--batch-seconds 0", List.of("run", "<conf>", "--batch-seconds", "0"),
                        "--batch-seconds: expected a number > 0, got 0.0"),
                command("--batch-seconds not a number", List.of("run", "<conf>", "--batch-seconds", "ten"),
                        "Invalid value for option '--batch-seconds': 'ten' is not a double (see critsweep run --help)"),
                command("--partitions 0", List.of("run", "<conf>", "--partitions", "0"),
                        "--partitions: expected an integer >= 1, got 0"),
                // The output directory
                output("output holds another campaign", Prior.ANOTHER_CAMPAIGN, "<out>", "campaign.output: <out> holds a"
                        + " campaign with a different configuration (config hash 0123456789ab…: another name, seed or"
                        + " record schedule); choose another campaign.output or remove it"),
                output("output holds something else", Prior.NOT_A_CAMPAIGN, "<out>",
                        "campaign.output: <out> is not empty and is not a critsweep campaign; choose another campaign.output"),
                output("output is a file", Prior.A_FILE, "<out>", "campaign.output: <out> exists and is not a directory"),
                output("output under a file", Prior.UNDER_A_FILE, "<dir>/afile/out", "campaign.output: cannot create"
                        + " <dir>/afile/out: <dir>/afile is a file, not a directory; choose another campaign.output"),
                output("output under /proc", Prior.NOTHING, "/proc/critsweep-out", "campaign.output: cannot create"
                        + " /proc/critsweep-out: /proc is not writable; choose another campaign.output"),
                output("output under a read-only directory", Prior.UNDER_A_READ_ONLY_DIRECTORY, "<dir>/ro/out",
                        "campaign.output: cannot create <dir>/ro/out: <dir>/ro is not writable; choose another"
                                + " campaign.output"),
                output("output read-only", Prior.READ_ONLY, "<out>", "campaign.output: <out> is not writable; choose another"
                        + " campaign.output"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void refusedWithExitTwoOneLineAndNothingWritten(Case c) throws IOException, InterruptedException {
        assertRefused(c, temp);
    }

    /** Every catalogue message appears verbatim, in backticks, in docs/ERRORS.md (under {@code section}). */
    static void assertDocumented(Stream<Case> catalogue, String section) throws IOException {
        String errors = Files.readString(Path.of("docs/ERRORS.md"));
        List<String> missing = catalogue.map(Case::message).filter(m -> !errors.contains("`" + m + "`")).toList();
        assertEquals(List.of(), missing, "docs/ERRORS.md, section \"" + section + "\"");
    }

    /**
     * Runs each of the case's command lines in each of its priors under {@code temp}: exit code 2, nothing on stdout,
     * exactly the message on stderr, the directory unchanged.
     */
    static void assertRefused(Case c, Path temp) throws IOException, InterruptedException {
        for (Prior prior : c.priors()) {
            Path dir = Files.createDirectories(temp.resolve(prior.name()));
            Path out = dir.resolve("out");
            Path conf = dir.resolve("c.conf");
            Files.writeString(conf, c.campaign().replace("<out>", out.toString()), c.encoding());
            prepare(prior, dir, c.base().replace("<out>", out.toString()));
            try {
                Map<String, String> before = tree(dir);
                for (List<String> commandLine : c.commandLines()) {
                    String[] args = commandLine.stream().map(a -> placeholders(a, dir)).toArray(String[]::new);
                    Outcome o = cli(args);
                    String what = String.join(" ", args) + " with " + prior;
                    assertEquals(2, o.exitCode(), what + ": " + o.err());
                    assertEquals("", o.out(), what + ": nothing on stdout");
                    assertEquals(List.of("critsweep: " + placeholders(c.message(), dir)), o.err().lines().toList(),
                            what);
                    assertEquals(before, tree(dir), what + ": nothing created or changed");
                }
                assertFalse(Files.exists(Path.of("/proc/critsweep-out")));
            } finally {
                restoreWritable(dir);
            }
        }
    }

    @Test
    void everyMessageIsDocumentedVerbatim() throws IOException {
        assertDocumented(catalogue(), "Campaign files and command-line arguments");
    }

    @Test
    void theCatalogueCoversAtLeastThirtyDistinctCases() {
        assertTrue(catalogue().map(Case::message).distinct().count() >= 30);
    }

    @Test
    void planPrintsTheOutputDirectoryResolvedFromARelativePathWithDots() throws IOException {
        Path conf = Files.writeString(temp.resolve("c.conf"), MLP.replace("<out>", "runs/../runs/./resolved"));
        Outcome plan = cli("plan", conf.toString());
        assertEquals(0, plan.exitCode());
        assertEquals("campaign bad (seed 7919) -> " + Path.of("runs/resolved").toAbsolutePath(),
                plan.out().lines().findFirst().orElseThrow());
    }

    /**
     * The first thing {@code run} does after validating is to print the output directory, resolved; the next is to
     * start Spark, and a cluster master without the cluster jar stops there — so this run shows what is printed before
     * anything is written. The master is a socket that accepts connections, so that the check of {@code --master}
     * passes.
     */
    @Test
    void runPrintsTheResolvedOutputDirectoryBeforeAnythingIsWritten() throws IOException {
        Path out = temp.resolve("out");
        Path conf = Files.writeString(temp.resolve("c.conf"), MLP.replace("<out>", temp + "/sub/../out"));
        Outcome run;
        try (ServerSocket master = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            run = cli("run", conf.toString(), "--master", "spark://127.0.0.1:" + master.getLocalPort());
        }
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("needs the cluster jar"), run.err());
        assertEquals("campaign bad (seed 7919) -> " + out + "\n", run.out());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(temp.resolve("sub")));
    }

    private static String placeholders(String text, Path dir) {
        return text.replace("<conf>", dir.resolve("c.conf").toString()).replace("<out>", dir.resolve("out").toString())
                .replace("<dir>", dir.toString());
    }

    private static void prepare(Prior prior, Path dir, String campaign) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        switch (prior) {
            case NOTHING -> { }
            case THIS_CAMPAIGN -> committedRun(out, CampaignStore.configHash(CampaignParser.parse(campaign, "c.conf",
                    List.of())));
            case ANOTHER_CAMPAIGN -> committedRun(out, "0123456789abcdef0123");
            case NOT_A_CAMPAIGN -> Files.writeString(Files.createDirectories(out).resolve("thesis.tex"), "months of work");
            case A_FILE -> Files.writeString(out, "not a directory");
            case UNDER_A_FILE -> Files.writeString(dir.resolve("afile"), "not a directory");
            case UNDER_A_READ_ONLY_DIRECTORY -> readOnly(Files.createDirectories(dir.resolve("ro")));
            case READ_ONLY -> readOnly(Files.createDirectories(out));
            case LINK_LOOP -> Files.createSymbolicLink(out, out.getFileName());
            case DANGLING_LINK -> Files.createSymbolicLink(out, dir.resolve("absent"));
            case FIFO -> assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor());
            default -> throw new IllegalArgumentException(prior.name());
        }
    }

    private static void committedRun(Path out, String configHash) throws IOException {
        Files.writeString(Files.createDirectories(out.resolve("_campaign")).resolve("manifest.json"),
                "{ \"config_hash\" : \"" + configHash + "\", \"status\" : \"complete\" }");
        Files.write(Files.createDirectories(out.resolve("points")).resolve("part-00000.parquet"), new byte[] {80, 65, 82, 49});
    }

    /** Mode 555; the case is skipped where permission bits bind nobody (root). */
    private static void readOnly(Path directory) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(directory), "permission bits do not bind this user (root)");
    }

    private static void restoreWritable(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /**
     * Every file and directory under {@code root} with its kind, size (files) and modification time; a symbolic link
     * as itself, not followed (it may loop, or lead nowhere).
     */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.put(root.relativize(p).toString(), (a.isDirectory() ? "dir" : a.isSymbolicLink() ? "link to "
                        + Files.readSymbolicLink(p) : a.size() + " bytes") + " modified " + a.lastModifiedTime());
            }
        }
        return entries;
    }
}
