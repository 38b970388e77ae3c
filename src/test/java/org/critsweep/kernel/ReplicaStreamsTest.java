package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Streams are pure functions of (campaign seed, point key, replica). Key parts are distinct primes. */
class ReplicaStreamsTest {

    private static final long SEED = 7L;
    private static final long POINT = 11L;
    private static final int REPLICA = 3;
    private static final int SAMPLES = 100_000;

    @Test
    void sameKeyGivesTheSameSequence() {
        assertArrayEquals(longs(ReplicaStreams.of(SEED, POINT, REPLICA)), longs(ReplicaStreams.of(SEED, POINT, REPLICA)));
    }

    @Test
    void sameKeyGivesTheSameGaussians() {
        assertArrayEquals(gaussians(ReplicaStreams.of(SEED, POINT, REPLICA)),
                gaussians(ReplicaStreams.of(SEED, POINT, REPLICA)));
    }

    /** fill(out, from, to) is documented to give exactly the numbers of as many nextGaussian() calls. */
    @Test
    void fillGivesTheSameNumbersAsSingleDraws() {
        NormalStream single = ReplicaStreams.of(SEED, POINT, REPLICA);
        NormalStream filled = ReplicaStreams.of(SEED, POINT, REPLICA);
        double[] expected = new double[101];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = single.nextGaussian();
        }
        double[] actual = new double[103];
        filled.fill(actual, 1, 60);
        filled.fill(actual, 60, 102);

        assertArrayEquals(expected, Arrays.copyOfRange(actual, 1, 102));
        assertEquals(0.0, actual[0]);
        assertEquals(0.0, actual[102]);
    }

    @Test
    void changingAnyPartOfTheKeyGivesADifferentSequence() {
        long[] reference = longs(ReplicaStreams.of(SEED, POINT, REPLICA));
        long[][] others = {
            longs(ReplicaStreams.of(SEED + 1, POINT, REPLICA)),
            longs(ReplicaStreams.of(SEED, POINT + 1, REPLICA)),
            longs(ReplicaStreams.of(SEED, POINT, REPLICA + 1)),
            longs(ReplicaStreams.of(POINT, SEED, REPLICA)),
            longs(ReplicaStreams.of(SEED, REPLICA, (int) POINT)),
        };
        for (int k = 0; k < others.length; k++) {
            assertFalse(Arrays.equals(reference, others[k]), "key variant " + k + " repeats the reference stream");
        }
    }

    /** A correct normal sampler fails this with probability 1e-3 (the p-value threshold); the seed is fixed. */
    @Test
    void gaussiansPassAKolmogorovSmirnovTestAgainstTheStandardNormal() {
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                new NormalDistribution(0.0, 1.0), gaussians(ReplicaStreams.of(SEED, POINT, REPLICA)));

        assertTrue(p > 1e-3, "KS p-value " + p);
    }

    /** Under independence √M·r is ≈ N(0, 1): |z| < 3.5 fails with probability ≈ 4.7e-4. */
    @Test
    void neighbouringReplicasAreUncorrelated() {
        double r = new PearsonsCorrelation().correlation(
                gaussians(ReplicaStreams.of(SEED, POINT, 0)), gaussians(ReplicaStreams.of(SEED, POINT, 1)));

        assertTrue(Math.abs(r * Math.sqrt(SAMPLES)) < 3.5, "correlation " + r);
    }

    private static long[] longs(NormalStream random) {
        long[] x = new long[64];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextLong();
        }
        return x;
    }

    private static double[] gaussians(NormalStream random) {
        double[] x = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
