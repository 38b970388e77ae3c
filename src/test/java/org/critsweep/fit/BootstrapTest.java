package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bootstrap of a mean reproduces the textbook standard error σ/√n. */
class BootstrapTest {

    @Test
    void standardErrorOfAMeanIsSigmaOverRootN() {
        SplittableRandom random = new SplittableRandom(3);
        double[] data = new double[400];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextDouble() * Math.sqrt(12); // uniform, σ = 1
        }
        ReplicaMatrix matrix = ReplicaMatrix.scalar(data);
        double[][] samples = new Bootstrap(2000, 11).resample(new int[] {data.length},
                draw -> new double[] {matrix.mean(draw[0]).get(0).value()});
        BootstrapDistribution distribution = Bootstrap.column(samples, 0);
        double textbook = matrix.mean(Bootstrap.identity(new int[] {data.length})[0]).get(0).stderr();
        // With 2000 resamples the bootstrap standard error is itself known to about 1/sqrt(2*2000) = 1.6 %.
        assertEquals(textbook, distribution.standardDeviation(), 0.06 * textbook);
        assertEquals(1.0 / Math.sqrt(data.length), textbook, 0.1 / Math.sqrt(data.length));
        assertEquals(0, distribution.failures());
        assertEquals(distribution.percentile(50), matrix.mean(Bootstrap.identity(new int[] {400})[0]).get(0).value(),
                0.2 * textbook);
    }

    @Test
    void failedResamplesAreCountedNotAveraged() {
        double[][] samples = {{1.0}, {Double.NaN}, {3.0}};
        BootstrapDistribution d = Bootstrap.column(samples, 0);
        assertEquals(2, d.successes());
        assertEquals(1, d.failures());
        assertEquals(Math.sqrt(2.0), d.standardDeviation(), 1e-15);
    }

    @Test
    void refusesFewerThanTwoResamples() {
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(1, 0));
    }
}
