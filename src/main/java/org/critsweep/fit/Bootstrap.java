package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * The nonparametric bootstrap over replicas (PHYSICS.md §7). The data come in groups — one per grid point — whose
 * replicas are independent; a resample draws, for every group independently, as many replicas as it has, with
 * replacement, and recomputes the statistics. The draws come from one seeded stream, so a bootstrap is reproducible
 * bit for bit.
 */
public final class Bootstrap {

    private final int resamples;
    private final long seed;

    /**
     * @param resamples how many resamples (≥ 2; 200 gives a standard error to about 5 %)
     * @param seed      the stream's seed; callers derive it from the campaign seed and what is being fitted
     */
    public Bootstrap(int resamples, long seed) {
        if (resamples < 2) {
            throw new IllegalArgumentException("bootstrap: expected at least 2 resamples, got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    public int resamples() {
        return resamples;
    }

    /** A seed for a companion stream (e.g. parametric draws made alongside the resamples), distinct from this one. */
    public long companionSeed() {
        return seed ^ 0x9E3779B97F4A7C15L;
    }

    /**
     * @param groupSizes the number of replicas in each group
     * @param statistic  the statistics of one resample, given per group the drawn replica indices; NaN marks a
     *                   statistic the resample could not produce (no sign change, a fit that failed)
     * @return the statistics of every resample, [resample][statistic]
     */
    public double[][] resample(int[] groupSizes, Function<int[][], double[]> statistic) {
        SplitMix64 expander = new SplitMix64(seed);
        UniformRandomProvider random = new XoShiRo256PlusPlus(new long[] {
            expander.nextLong(), expander.nextLong(), expander.nextLong(), expander.nextLong()});
        double[][] samples = new double[resamples][];
        for (int b = 0; b < resamples; b++) {
            int[][] draw = new int[groupSizes.length][];
            for (int g = 0; g < groupSizes.length; g++) {
                draw[g] = new int[groupSizes[g]];
                for (int i = 0; i < groupSizes[g]; i++) {
                    draw[g][i] = random.nextInt(groupSizes[g]);
                }
            }
            samples[b] = statistic.apply(draw);
        }
        return samples;
    }

    /** One statistic's distribution over the resamples: column {@code index}, without its NaNs. */
    public static BootstrapDistribution column(double[][] samples, int index) {
        List<Double> values = new ArrayList<>();
        for (double[] sample : samples) {
            if (Double.isFinite(sample[index])) {
                values.add(sample[index]);
            }
        }
        return new BootstrapDistribution(values.stream().mapToDouble(Double::doubleValue).toArray(),
                samples.length - values.size());
    }

    /** The identity draw: every replica of every group once, for the full-data estimate. */
    public static int[][] identity(int[] groupSizes) {
        int[][] draw = new int[groupSizes.length][];
        for (int g = 0; g < groupSizes.length; g++) {
            draw[g] = IntStream.range(0, groupSizes[g]).toArray();
        }
        return draw;
    }
}
