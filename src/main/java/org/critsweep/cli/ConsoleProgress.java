package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.critsweep.spark.ProgressListener;

/**
 * The sweep's progress line on stderr: rewritten in place on a terminal, one line per tenth otherwise (logs).
 */
final class ConsoleProgress implements ProgressListener {

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
        String line = String.format(Locale.ROOT, "sweep: %d/%d partitions done (%d%%), %.0f s elapsed",
                finished, total, 100 * finished / total, elapsed);
        err.print(terminal ? "\r" + line + (finished == total ? "\n" : "") : line + "\n");
        err.flush();
    }
}
