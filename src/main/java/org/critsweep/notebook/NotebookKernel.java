package org.critsweep.notebook;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.critsweep.spark.CampaignRun;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The Java kernel of the notebooks (jobs/install-jupyter.sh writes its kernel.json): Jupyter's protocol from
 * jjava-jupyter, cells evaluated by a {@link CellEvaluator} on this JVM's class path (which kernel.json lists jar by
 * jar, since JShell expands no wildcards). No magics, no history, no extensions: a cell is Java.
 */
public final class NotebookKernel extends BaseKernel {

    private final CellEvaluator cells;

    NotebookKernel(List<String> classpath) {
        super("critsweep", CampaignRun.codeVersion(), new LanguageInfo.Builder("Java")
                        .version(Runtime.version().toString()).mimetype("text/x-java-source").fileExtension(".jshell")
                        .pygments("java").codemirror("java").build(),
                List.of(), null /* no history */, new JupyterIO(StandardCharsets.UTF_8), new CommManager(),
                new Renderer(), null, null /* no magics */, false, new StringStyler.Builder().build());
        cells = new CellEvaluator(classpath);
    }

    /** {@code NotebookKernel CONNECTION_FILE}, as Jupyter starts a kernel. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: NotebookKernel CONNECTION_FILE, got " + Arrays.toString(args));
        }
        JupyterConnection connection = new JupyterConnection(
                KernelConnectionProperties.parse(Files.readString(Path.of(args[0]))));
        NotebookKernel kernel = new NotebookKernel(
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // Spark leaves non-daemon threads behind (its shutdown hook stops it): end the process with the connection.
        System.exit(0);
    }

    @Override
    public Object evalRaw(String cell) {
        return cells.evaluate(cell).orElse(null);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellEvaluator.Completions completions = cells.complete(code, at);
        return new ReplacementOptions(completions.candidates(), completions.anchor(), at);
    }

    @Override
    public String isComplete(String code) {
        return switch (cells.completeness(code)) {
            case EMPTY, COMPLETE, COMPLETE_WITH_SEMI -> IS_COMPLETE_YES;
            case CONSIDERED_INCOMPLETE, DEFINITELY_INCOMPLETE -> "    ";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        cells.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        cells.close();
        super.onShutdown(isRestarting);
    }

    /** A failed cell shows its own report (compiler diagnostics, or the snippet's stack trace), not the kernel's. */
    @Override
    public List<String> formatError(Throwable e) {
        return e instanceof CellEvaluator.CellException ? List.of(e.getMessage().split("\n")) : super.formatError(e);
    }
}
