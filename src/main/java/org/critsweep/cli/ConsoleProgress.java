package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.critsweep.spark.ProgressListener;

/**
 * The sweep's progress line on stderr, with an ETA from the rate so far: rewritten in place on a terminal, one line
 * per tenth otherwise (cron logs); then a line as each later stage starts.
 */
final class ConsoleProgress implements ProgressListener {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private int lastTenth = -1;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(int finished, int total) {
        int tenth = 10 * finished / total;
        if (!terminal && tenth == lastTenth) {
            return;
        }
        lastTenth = tenth;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String eta = finished < total ? String.format(Locale.ROOT, ", ETA %.0f s", elapsed * (total - finished) / finished)
                : "";
        String line = String.format(Locale.ROOT, "sweep: %d/%d partitions done (%d%%), %.0f s elapsed%s",
                finished, total, 100 * finished / total, elapsed, eta);
        // On a terminal the line is redrawn in place; trailing blanks wipe what a longer ETA left behind.
        err.print(terminal ? "\r" + bar(finished, total) + " " + line + "    " + (finished == total ? "\n" : "")
                : line + "\n");
        err.flush();
    }

    /** One line per stage after the sweep, {@code stage: fit}: where a run is, and where an interrupted one stopped. */
    @Override
    public synchronized void stage(String name) {
        err.println("stage: " + name);
        err.flush();
    }

    /** {@code [#########...........]}: the share done, in {@value #BAR_WIDTH} cells. */
    private static String bar(int finished, int total) {
        int filled = BAR_WIDTH * finished / total;
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }
}
