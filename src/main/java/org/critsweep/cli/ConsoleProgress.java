package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import org.critsweep.spark.ProgressListener;

/**
 * The run's progress on stderr: a line as each stage starts ({@code stage: fit}, where an interrupted run stopped)
 * and as it ends, with its time and the whole run's ETA ({@link RunEta}); while the sweep runs, a bar of its tasks —
 * the plan's unit — rewritten in place on a terminal, one line per tenth otherwise (cron logs). On a terminal a
 * stage's end rewrites its start line, so each stage keeps one line.
 */
final class ConsoleProgress implements ProgressListener {

    private static final int BAR_WIDTH = 24;
    /** Wider than the sweep's bar line. */
    private static final int WIPE = 120;

    private final PrintWriter err;
    private final boolean terminal;
    private final RunEta eta;
    private long sweepStart = System.nanoTime();
    private int lastTenth = -1;
    private boolean lineOpen;

    ConsoleProgress(PrintWriter err, boolean terminal, RunEta eta) {
        this.err = err;
        this.terminal = terminal;
        this.eta = eta;
    }

    @Override
    public synchronized void update(int finished, int total) {
        sweep(new SweepTally(finished, 0, total, 0, 0, 0, 1));
    }

    @Override
    public synchronized void sweep(SweepTally tally) {
        int finished = tally.finishedTasks();
        int total = tally.totalTasks();
        int tenth = 10 * finished / total;
        if (!terminal && tenth == lastTenth) {
            return;
        }
        lastTenth = tenth;
        double elapsed = (System.nanoTime() - sweepStart) / 1e9;
        String line = String.format(Locale.ROOT, "sweep: %d/%d tasks done (%d%%), %.0f s%s", finished, total,
                100 * finished / total, elapsed, etaText(eta.duringSweep(tally)));
        // On a terminal the line is redrawn in place; trailing blanks wipe what a longer ETA left behind.
        err.print(terminal ? "\r" + bar(finished, total) + " " + line + "    " : line + "\n");
        lineOpen = terminal;
        err.flush();
    }

    /** {@code stage: fit}, on its own line: where a run is, and where an interrupted one stopped. */
    @Override
    public synchronized void stage(String name) {
        closeLine();
        if (name.equals("sweep")) {
            sweepStart = System.nanoTime();
        }
        err.print("stage: " + name + (terminal ? "" : "\n"));
        lineOpen = terminal;
        err.flush();
    }

    /**
     * {@code stage: fit finished in 3.1 s, run ETA 2 s}: on a terminal in place of the stage's start line. Not "done
     * in", which begins the summary after the run.
     */
    @Override
    public synchronized void stageDone(String name, double seconds) {
        String line = "stage: " + name + " finished in " + Formats.seconds(seconds)
                + etaText(name.equals("report") ? OptionalDouble.empty() : OptionalDouble.of(eta.afterStage(name,
                        seconds)));
        // On a terminal the line replaces the stage's start line, or the sweep's bar: blanks wipe what is left.
        err.print(terminal ? "\r" + line + " ".repeat(Math.max(0, WIPE - line.length())) + "\n" : line + "\n");
        lineOpen = false;
        err.flush();
    }

    private void closeLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    private static String etaText(OptionalDouble seconds) {
        return seconds.isPresent() ? String.format(Locale.ROOT, ", run ETA %.0f s", seconds.getAsDouble()) : "";
    }

    /** {@code [#########...........]}: the share done, in {@value #BAR_WIDTH} cells. */
    private static String bar(int finished, int total) {
        int filled = BAR_WIDTH * finished / total;
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }
}
