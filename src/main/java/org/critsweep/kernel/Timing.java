package org.critsweep.kernel;

import java.util.Arrays;

/**
 * The timing harness of {@code bench}, for the kernels and the mean-field engine alike: untimed warm-up rounds that
 * let the JIT compile the hot loops, then timed rounds summarised by their median (the mean of the middle two for
 * an even count) and spread.
 *
 * @param median the median over the timed rounds, in nanoseconds per unit of work
 * @param min the fastest round, in the same unit
 * @param max the slowest round, in the same unit
 * @param rounds the number of timed rounds
 */
public record Timing(double median, double min, double max, int rounds) {

    /**
     * Runs {@code work} {@code warmups} times untimed, then {@code rounds} times timed.
     *
     * @param units the units of work in one round: each round's nanoseconds are divided by it (1e6 gives
     *     milliseconds per round)
     */
    public static Timing measure(Runnable work, int warmups, int rounds, double units) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: expected >= 1, got " + rounds);
        }
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] perUnit = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            perUnit[i] = (System.nanoTime() - start) / units;
        }
        Arrays.sort(perUnit);
        double median = rounds % 2 == 1 ? perUnit[rounds / 2] : 0.5 * (perUnit[rounds / 2 - 1] + perUnit[rounds / 2]);
        return new Timing(median, perUnit[0], perUnit[rounds - 1], rounds);
    }
}
