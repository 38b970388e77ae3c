package org.critsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reference to a repository file — in the README, docs/, conf/, jobs/, notebooks/, bin/, pom.xml and the Java
 * sources — names a file the repository contains, and nothing points at documents kept outside the repository.
 *
 * <p>Only these kinds of reference are checked: Markdown file names ({@code PHYSICS.md} alone resolves under docs/
 * or the root), {@code docs/…} paths, {@code conf/NAME.conf}, {@code jobs/NAME.sh}, {@code notebooks/NAME.ipynb} and
 * {@code bin/…} paths. Runtime paths (campaign outputs under runs/, the generated report, target/) are not.
 */
class DocumentReferencesTest {

    /** A path starts where the previous character cannot be part of one, so {@code /usr/bin/env} is no {@code bin/}. */
    private static final String START = "(?<![\\w./-])";

    private static final List<Pattern> REFERENCES = List.of(
            Pattern.compile(START + "((?:[\\w.-]+/)*[\\w-]+\\.md)(?!\\w)"),
            Pattern.compile(START + "(docs/[\\w./-]*[\\w-])"),
            Pattern.compile(START + "(conf/[\\w.-]+\\.conf)(?!\\w)"),
            Pattern.compile(START + "(jobs/[\\w.-]+\\.sh)(?!\\w)"),
            Pattern.compile(START + "(notebooks/[\\w.-]+\\.ipynb)(?!\\w)"),
            Pattern.compile(START + "(bin/[\\w.-]*[\\w-])"));

    /**
     * References that look like repository paths but are not: commands inside a Spark home ($SPARK_HOME/bin/…, which
     * jobs/spark-home provides for the local cluster), named in prose without the variable.
     */
    private static final Set<String> NOT_REPOSITORY_PATHS = Set.of("bin/spark-submit", "bin/spark-class");

    /** Planning documents and the shared directory outside the repository, as a pattern so no line here names one. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "(?<![\\w-])(?:SCIENCE|DESIGN|PLATFORM|STYLE)\\.md|\\.\\./shared", Pattern.CASE_INSENSITIVE);

    /** This file: its examples of bad references name missing files on purpose. */
    private static final Path SELF = Path.of("src/test/java/org/critsweep/DocumentReferencesTest.java");

    /** Enough that a scan which silently found nothing (wrong directory, broken pattern) cannot pass. */
    private static final int FEWEST_EXPECTED_REFERENCES = 100;

    private final Path root = Path.of("");

    @Test
    void everyReferencedFileExists() {
        Scan scan = scan(scannedFiles());
        assertTrue(scan.checked >= FEWEST_EXPECTED_REFERENCES, "only " + scan.checked + " references found");
        assertTrue(scan.problems.isEmpty(), () -> scan.problems.size() + " bad references to repository files:\n"
                + String.join("\n", scan.problems));
    }

    @Test
    void aMissingTargetIsReportedWithFileAndLine() {
        Scan scan = new Scan();
        scan.file("docs/EXAMPLE.md", List.of("fine: docs/TABLES.md, ERRORS.md, conf/quickstart.conf, bin/critsweep",
                "see docs/NOPE.md and MISSING.md, then conf/nope.conf, jobs/nope.sh, notebooks/nope.ipynb, bin/nope",
                "not ours: /usr/bin/env, $SPARK_HOME/bin/spark-submit, runs/quickstart/report/index.html"));
        assertEquals(List.of("docs/EXAMPLE.md:2: docs/NOPE.md does not exist",
                "docs/EXAMPLE.md:2: MISSING.md does not exist", "docs/EXAMPLE.md:2: conf/nope.conf does not exist",
                "docs/EXAMPLE.md:2: jobs/nope.sh does not exist",
                "docs/EXAMPLE.md:2: notebooks/nope.ipynb does not exist", "docs/EXAMPLE.md:2: bin/nope does not exist"),
                scan.problems);
        assertEquals(10, scan.checked);
    }

    @Test
    void aDocumentOutsideTheRepositoryIsReported() {
        Scan scan = new Scan();
        String outside = "STYLE" + ".md";
        scan.file("README.md", List.of("as " + outside + " says", "from .." + "/shared/x"));
        assertEquals(List.of("README.md:1: mentions " + outside + ", which is not part of the repository",
                "README.md:1: " + outside + " does not exist",
                "README.md:2: mentions .." + "/shared, which is not part of the repository"), scan.problems);
    }

    /** README.md, pom.xml, docs/*.md, everything under conf/, jobs/, notebooks/, bin/, and the Java sources. */
    private List<Path> scannedFiles() {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("pom.xml")));
        files.addAll(tree("docs", 1, p -> p.toString().endsWith(".md")));
        for (String dir : List.of("conf", "jobs", "notebooks", "bin")) {
            files.addAll(tree(dir, Integer.MAX_VALUE, p -> true));
        }
        for (String dir : List.of("src/main/java", "src/test/java")) {
            files.addAll(tree(dir, Integer.MAX_VALUE, p -> p.toString().endsWith(".java") && !p.equals(SELF)));
        }
        return files;
    }

    private List<Path> tree(String dir, int depth, Predicate<Path> keep) {
        try (Stream<Path> paths = Files.walk(root.resolve(dir), depth)) {
            return paths.filter(Files::isRegularFile).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Scan scan(List<Path> files) {
        Scan scan = new Scan();
        for (Path file : files) {
            try {
                scan.file(file.toString(), Files.readAllLines(file));
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
        return scan;
    }

    /** The distinct repository paths a line names (docs/X.md is both a Markdown name and a docs/ path). */
    private static Set<String> references(String line) {
        Set<String> targets = new LinkedHashSet<>();
        for (Pattern reference : REFERENCES) {
            Matcher m = reference.matcher(line);
            while (m.find()) {
                if (!NOT_REPOSITORY_PATHS.contains(m.group(1))) {
                    targets.add(m.group(1));
                }
            }
        }
        return targets;
    }

    /** Whether a referenced path is a file or directory of the repository; a bare Markdown name may be under docs/. */
    private boolean exists(String target) {
        if (Files.exists(root.resolve(target))) {
            return true;
        }
        return !target.contains("/") && target.endsWith(".md") && Files.exists(root.resolve("docs").resolve(target));
    }

    /** The references checked so far and the problems found, one line each: "file:line: what is wrong". */
    private final class Scan {
        final List<String> problems = new ArrayList<>();
        int checked;

        void file(String name, List<String> lines) {
            for (int i = 0; i < lines.size(); i++) {
                String where = name + ":" + (i + 1) + ": ";
                Matcher outside = OUTSIDE.matcher(lines.get(i));
                while (outside.find()) {
                    problems.add(where + "mentions " + outside.group() + ", which is not part of the repository");
                }
                for (String target : references(lines.get(i))) {
                    checked++;
                    if (!exists(target)) {
                        problems.add(where + target + " does not exist");
                    }
                }
            }
        }
    }
}
