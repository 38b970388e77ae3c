package org.critsweep.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.critsweep.cli.Main;

/** The critsweep command line run in this JVM, as {@code bin/critsweep} runs it, its output captured. */
public final class InProcessCli {

    private InProcessCli() {
    }

    public static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }
}
