package org.critsweep.cli;

import java.io.PrintWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.util.ShutdownHookManager;
import org.critsweep.grid.BadInputException;
import org.critsweep.store.CampaignFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The critsweep command line (README, "Commands"). Exit codes: 0 success, 2 bad input (the message names the
 * field and the allowed values), 1 failure.
 */
@Command(name = "critsweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Maps the order-to-chaos transition of random deep networks on Apache Spark.",
        subcommands = {RunCommand.class, PlanCommand.class, StatusCommand.class, FitCommand.class, ReportCommand.class,
            SqlCommand.class, BenchCommand.class, TheoryCommand.class,
            CompletionCommand.class})
public final class Main {

    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show Spark's INFO logging and stack traces.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.INFO);
        }
    }

    private boolean verbose;

    /**
     * What a driver stopped by Ctrl-C (or SIGTERM) prints, from a shutdown hook, instead of the exception Spark's
     * stopped context throws into whatever stage was running.
     */
    static final String INTERRUPTED = "critsweep: interrupted; run the same command again to resume (what was"
            + " committed is kept)";

    private static volatile boolean finished;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                err.println(INTERRUPTED);
            }
        }, "critsweep-interrupted"));
        int code = execute(args, new PrintWriter(System.out, true), err);
        finished = true;
        System.exit(code);
    }

    /** Runs the command line and returns its exit code; {@code out} gets results, {@code err} progress and errors. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine commandLine = new CommandLine(main);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        withHelpOptions(commandLine);
        commandLine.setExecutionExceptionHandler((exception, cl, parseResult) -> {
            if (ShutdownHookManager.inShutdown()) {
                return FAILURE; // interrupted: the shutdown hook of main says so, and the JVM's exit code stands
            }
            if (exception instanceof BadInputException || exception instanceof AnalysisException) {
                err.println("critsweep: " + exception.getMessage());
                return BAD_INPUT;
            }
            if (exception instanceof CampaignFailure) {
                err.println("critsweep: " + exception.getMessage());
                if (main.verbose) {
                    exception.printStackTrace(err);
                }
                return FAILURE;
            }
            err.println("critsweep: failed: " + exception);
            if (main.verbose) {
                exception.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace)");
            }
            return FAILURE;
        });
        return commandLine.execute(args);
    }

    /** {@code --help} on every command, as the usage errors and the README promise. */
    static void withHelpOptions(CommandLine command) {
        if (command.getCommandSpec().findOption("--help") == null) {
            command.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(Main::withHelpOptions);
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"critsweep " + org.critsweep.spark.CampaignRun.codeVersion()};
        }
    }
}
