package org.critsweep.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.critsweep.fit.ScalingPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

public class CellEvaluatorTest {

    /** Incremented by a cell (hence public, like this class): the cells must see this very class, not a copy. */
    public static final AtomicInteger COUNTER = new AtomicInteger();

    static CellEvaluator cells;

    @BeforeAll
    static void startShell() throws URISyntaxException {
        cells = new CellEvaluator(List.of(location(ScalingPoint.class), location(CellEvaluatorTest.class)));
    }

    @AfterAll
    static void closeShell() {
        cells.close();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void aCellRunsEverySnippetAndShowsTheLastExpression() {
        assertEquals(Optional.of("42"), cells.evaluate("int x = 20;\nint y = x + 1;\ny * 2"));
        assertEquals(Optional.of("\"21\""), cells.evaluate("String.valueOf(y)"));
        assertEquals(Optional.empty(), cells.evaluate("int z = y;"));
        assertEquals(Optional.empty(), cells.evaluate("y * 2;"), "a closing semicolon hides the value");
        assertEquals(Optional.empty(), cells.evaluate("Thread.onSpinWait()"), "a void call shows nothing");
    }

    @Test
    void cellsShareTheClassesAndStaticStateOfThisJvm() {
        assertEquals(Optional.of("1"), cells.evaluate(
                "org.critsweep.notebook.CellEvaluatorTest.COUNTER.incrementAndGet()"));
        assertEquals(1, COUNTER.get());
        assertEquals(Optional.of("ScalingPoint[size=64.0, t=1.4, value=0.5, stderr=0.1]"),
                cells.evaluate("new org.critsweep.fit.ScalingPoint(64, 1.4, 0.5, 0.1)"));
    }

    @Test
    void aSnippetThatDoesNotCompileStopsTheCellWithTheCompilersMessage() {
        CellEvaluator.CellException e = assertThrows(CellEvaluator.CellException.class,
                () -> cells.evaluate("int a = 1;\nint b = noSuchVariable;\na = 5;"));
        assertTrue(e.getMessage().contains("does not compile") && e.getMessage().contains("noSuchVariable")
                && e.getMessage().contains("cannot find symbol"), e.getMessage());
        assertEquals(Optional.of("1"), cells.evaluate("a"), "the snippets after the failed one did not run");
    }

    @Test
    void anExceptionStopsTheCellWithItsClassMessageAndCause() {
        CellEvaluator.CellException e = assertThrows(CellEvaluator.CellException.class, () -> cells.evaluate(
                "throw new IllegalStateException(\"boom\", new ArithmeticException(\"root\"));"));
        assertTrue(e.getMessage().startsWith("java.lang.IllegalStateException: boom"), e.getMessage());
        assertTrue(e.getMessage().contains("Caused by: java.lang.ArithmeticException: root"), e.getMessage());
    }

    @Test
    void incompleteCodeIsReportedNotRun() {
        assertEquals(Completeness.DEFINITELY_INCOMPLETE, cells.completeness("for (int i = 0; i < 3; i++) {"));
        assertEquals(Completeness.EMPTY, cells.completeness("int c = 3;"));
        assertThrows(CellEvaluator.CellException.class, () -> cells.evaluate("int d = 4;\nif (d > 3) {"));
        assertThrows(CellEvaluator.CellException.class, () -> cells.evaluate("d"), "nothing of it ran");
    }

    @Test
    void completionSuggestsMembersFromTheAnchor() {
        CellEvaluator.Completions completions = cells.complete("Math.sqr", 8);
        assertEquals(List.of("sqrt("), completions.candidates());
        assertEquals(5, completions.anchor());
    }
}
