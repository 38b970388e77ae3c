package org.critsweep.notebook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates notebook cells in a JShell that runs in this JVM (execution engine {@code local}), so that cells share the
 * JVM's classes and their static state: the kernel that {@link Show} displays through, the one SparkSession. JShell
 * compiles against its own class path, which starts empty: every jar the cells may use is added to it.
 */
final class CellEvaluator implements AutoCloseable {

    private final JShell shell;
    private final SourceCodeAnalysis analysis;

    CellEvaluator(List<String> classpath) {
        shell = JShell.builder().executionEngine("local").build();
        classpath.forEach(shell::addToClasspath);
        analysis = shell.sourceCodeAnalysis();
    }

    /**
     * Evaluates the cell's snippets in order.
     *
     * @return the value of the last snippet when it is an expression without a closing semicolon (as JShell prints
     *     it; {@code x + 1} shows its value, {@code System.out.printf(...);} does not show the PrintStream), else empty
     * @throws CellException when the cell ends in incomplete code (nothing runs), or at the first snippet that does
     *     not compile or throws (later snippets do not run)
     */
    Optional<String> evaluate(String cell) {
        if (completeness(cell) != Completeness.EMPTY) {
            throw new CellException("the cell ends in incomplete code (an unclosed brace or parenthesis?):"
                    + " nothing ran");
        }
        Optional<String> value = Optional.empty();
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(cell);
        while (info.completeness().isComplete()) {
            boolean shown = !info.source().strip().endsWith(";");
            value = evaluateSnippet(info.source()).filter(v -> shown);
            info = analysis.analyzeCompletion(info.remaining());
        }
        return value;
    }

    /** How complete the code is after its last complete snippet: EMPTY when nothing is left over. */
    Completeness completeness(String code) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return info.completeness();
    }

    /** Completions of the identifier that ends at {@code cursor}, and where it starts. */
    Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> candidates = analysis.completionSuggestions(code, cursor, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
        return new Completions(candidates, anchor[0]);
    }

    /** Completion candidates replacing the code from {@code anchor} to the cursor. */
    record Completions(List<String> candidates, int anchor) {
    }

    /** Stops the snippet that is running (a Jupyter interrupt). */
    void stop() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }

    private Optional<String> evaluateSnippet(String source) {
        Optional<String> value = Optional.empty();
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw new CellException("does not compile:\n" + source.strip() + "\n" + diagnostics(event.snippet()));
            }
            if (event.exception() != null) {
                throw new CellException(describe(event.exception()));
            }
            value = isExpression(event.snippet())
                    ? Optional.ofNullable(event.value()).filter(v -> !v.isEmpty()) : Optional.empty();
        }
        return value;
    }

    /** An expression, a variable on its own, or a call of a void method (whose value is empty). */
    private static boolean isExpression(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private String diagnostics(Snippet snippet) {
        return shell.diagnostics(snippet).map(d -> (d.isError() ? "error: " : "warning: ")
                + d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"));
    }

    /** The exception a snippet threw, with its stack trace and causes (JShell rethrows it as an EvalException). */
    private String describe(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            return "unresolved reference in " + unresolved.getSnippet().source().strip() + "\n"
                    + diagnostics(unresolved.getSnippet());
        }
        StringBuilder text = new StringBuilder();
        for (Throwable t = exception; t != null; t = t.getCause()) {
            String name = t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
            text.append(t == exception ? "" : "Caused by: ").append(name)
                    .append(t.getMessage() == null ? "" : ": " + t.getMessage()).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                text.append("\tat ").append(frame).append('\n');
            }
        }
        return text.toString().strip();
    }

    /**
     * A cell that did not compile or threw; its message is what the notebook shows. It has no stack trace of its own:
     * the kernel's frames say nothing about the cell.
     */
    static final class CellException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CellException(String message) {
            super(message, null, false, false);
        }
    }
}
