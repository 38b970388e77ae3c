package org.critsweep.testing;

/** What a finished command line left: its exit code, its stdout and its stderr (empty when logged with stdout). */
public record Outcome(int exitCode, String out, String err) {
}
