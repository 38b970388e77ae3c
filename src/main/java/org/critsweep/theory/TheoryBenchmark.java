package org.critsweep.theory;

import org.critsweep.kernel.Activation;
import org.critsweep.kernel.Timing;

/**
 * Compute time of the mean-field engine, after warm-up (the JVM's start and the JIT are not counted): one full
 * {@code theory point} and the critical line at many σ_b. Medians over rounds, in milliseconds.
 */
public final class TheoryBenchmark {

    private final int rounds;
    private double sink;

    public TheoryBenchmark(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: expected >= 1, got " + rounds);
        }
        this.rounds = rounds;
    }

    /** Milliseconds for {@link MeanField#point()} at (σ_w, σ_b), a fresh field each time (no cached q*). */
    public double pointMillis(Activation phi, double sigmaW, double sigmaB) {
        return median(() -> sink += MeanField.of(phi, sigmaW, sigmaB).point().xiC());
    }

    /** Milliseconds for σ_w,c at {@code count} values of σ_b equally spaced in [0.05, 1]. */
    public double criticalLineMillis(Activation phi, int count) {
        return median(() -> {
            for (int i = 0; i < count; i++) {
                sink += CriticalLine.sigmaWc(phi, 0.05 + 0.95 * i / (count - 1));
            }
        });
    }

    /** The median milliseconds of a round, after one warm-up round. */
    private double median(Runnable work) {
        return Timing.measure(work, 1, rounds, 1e6).median();
    }

    /** The consumed results; reading it keeps the measured work observable. */
    public double sink() {
        return sink;
    }
}
