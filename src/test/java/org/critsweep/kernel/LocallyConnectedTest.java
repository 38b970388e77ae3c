package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.critsweep.theory.MeanField;
import org.critsweep.theory.MeanFieldCurve;
import org.junit.jupiter.api.Test;

/**
 * The locally connected control (untied filters, PHYSICS.md §1) against the same q-map as the CNN, against the CNN
 * on the question it exists for (are two sites' weights independent?), and for exact reproducibility.
 */
class LocallyConnectedTest {

    static final Activation TANH = ActivationKind.TANH.activation();
    static final double[] THRESHOLDS = {1e-9, 1e-6, 1e-3};

    static ConvSpec spec(boolean shared, int channels, int size, int kernel, double sigmaW, double sigmaB, int depth) {
        return new ConvSpec(TANH, sigmaW, sigmaB, 1, channels, size, kernel, depth, 1.0, 0.8, Protocol.PAIR,
                THRESHOLDS, shared);
    }

    /** h^a at layers 0 and 1 of one replica: [layer][x·C + c]. */
    static double[][] firstTwoLayers(ConvPropagator propagator, long point, int replica) {
        double[][] h = new double[2][];
        propagator.run(ReplicaStreams.of(31, point, replica), o -> {
            int l = o.global().layer();
            if (l < 2) {
                h[l] = propagator.state.a.clone();
            }
        });
        return h;
    }

    /**
     * Given the input, every first-layer pre-activation of the untied net is exactly N(0, Q_x) with the q-map's
     * Q_x = σ_w²/(C k) Σ_{j,c′} φ(h⁰_{x+j,c′})² + σ_b² (PHYSICS.md §4): z = h¹/√Q_x over 16 sites × 4 channels × 200
     * replicas is standard normal (one-sample KS, p > 1e-3: a correct kernel fails with probability 1e-3; 12 800
     * values detect a 3 % error in the variance scale with power > 0.99).
     */
    @Test
    void firstLayerPreActivationsFollowTheQMapExactlyGivenTheInput() {
        int channels = 4;
        int size = 16;
        int kernel = 3;
        double sigmaW = 1.5;
        double sigmaB = 0.3;
        ConvPropagator lcn = new ConvPropagator(spec(false, channels, size, kernel, sigmaW, sigmaB, 1));
        List<Double> z = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            double[][] h = firstTwoLayers(lcn, 1, r);
            for (int x = 0; x < size; x++) {
                double sum = 0.0;
                for (int dx = -1; dx <= 1; dx++) {
                    int site = Math.floorMod(x + dx, size);
                    for (int c = 0; c < channels; c++) {
                        double phi = Math.tanh(h[0][site * channels + c]);
                        sum += phi * phi;
                    }
                }
                double q = sigmaW * sigmaW * sum / (channels * kernel) + sigmaB * sigmaB;
                for (int c = 0; c < channels; c++) {
                    z.add(h[1][x * channels + c] / Math.sqrt(q));
                }
            }
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0, 1),
                z.stream().mapToDouble(Double::doubleValue).toArray());
        assertTrue(p > 1e-3, "h¹/√Q_x is N(0, 1): KS p = " + p);
    }

    /**
     * Deeper, the untied net follows the same mean-field recursion as the CNN: wide channels (C = 512, k = 3), mean q
     * and global ρ over 10 layers within 3 SE of the theory engine's maps.
     */
    @Test
    void wideUntiedNetFollowsMeanFieldTheory() {
        ConvPropagator lcn = new ConvPropagator(spec(false, 512, 4, 3, 1.5, 0.3, 10));
        MeanFieldCurve theory = MeanField.of(TANH, 1.5, 0.3).curve(1.0, 0.8, 10);
        SummaryStatistics[] q = new SummaryStatistics[11];
        SummaryStatistics[] rho = new SummaryStatistics[11];
        for (int l = 0; l <= 10; l++) {
            q[l] = new SummaryStatistics();
            rho[l] = new SummaryStatistics();
        }
        for (int r = 0; r < 12; r++) {
            lcn.run(ReplicaStreams.of(31, 3, r), o -> {
                q[o.global().layer()].addValue(o.global().qA());
                rho[o.global().layer()].addValue(o.global().rho());
            });
        }
        for (int l = 1; l <= 10; l++) {
            double seQ = q[l].getStandardDeviation() / Math.sqrt(q[l].getN());
            double seRho = rho[l].getStandardDeviation() / Math.sqrt(rho[l].getN());
            assertEquals(theory.q()[l], q[l].getMean(), 3 * seQ, "q at layer " + l);
            assertEquals(theory.rho()[l], rho[l].getMean(), 3 * seRho, "rho at layer " + l);
        }
    }

    /**
     * Two sites out of each other's reach (x = 0 and 8 of 16, k = 3) see independent inputs, so whatever correlates
     * their first-layer pre-activations across replicas is the filter. With σ_b = 1 the shared bias correlates h_0 and
     * h_8 of the CNN (r = σ_b²/q¹ ≈ 0.7); with σ_b = 0 the shared weights correlate h_0² and h_8² (C = 2: the filter's
     * norm, a χ² with 6 degrees of freedom, is common; r ≈ 0.1). Over R = 4000 replicas √R·r is ≈ N(0, 1) for
     * independent sites: the untied net must stay within |z| < 3.5 (p = 5e-4 each), the CNN must exceed z = 5.
     */
    @Test
    void untiedSitesAreIndependentWhereSharedFiltersCorrelateThem() {
        int replicas = 4000;
        for (boolean squared : new boolean[] {false, true}) {
            double sigmaB = squared ? 0.0 : 1.0;
            for (boolean shared : new boolean[] {true, false}) {
                ConvPropagator propagator = new ConvPropagator(spec(shared, 2, 16, 3, 1.5, sigmaB, 1));
                double[] near = new double[replicas];
                double[] far = new double[replicas];
                for (int r = 0; r < replicas; r++) {
                    double[] h = firstTwoLayers(propagator, 5, r)[1];
                    near[r] = squared ? h[0] * h[0] : h[0];
                    far[r] = squared ? h[8 * 2] * h[8 * 2] : h[8 * 2];
                }
                double z = Math.sqrt(replicas) * new PearsonsCorrelation().correlation(near, far);
                String what = (shared ? "cnn" : "lcn") + (squared ? ", h² with σ_b = 0" : ", h with σ_b = 1");
                if (shared) {
                    assertTrue(z > 5, what + ": z = " + z);
                } else {
                    assertTrue(Math.abs(z) < 3.5, what + ": z = " + z);
                }
            }
        }
    }

    /** One site has one filter per layer either way: an untied net on L = 1 draws and computes exactly as the CNN. */
    @Test
    void oneSiteUntiedNetIsBitIdenticalToTheCnn() {
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(trace(new ConvPropagator(spec(true, 8, 1, 1, 1.5, 0.3, 12)), r),
                    trace(new ConvPropagator(spec(false, 8, 1, 1, 1.5, 0.3, 12)), r));
        }
    }

    /**
     * A replica's weights come from its own stream only: replica 7 alone in a fresh propagator, and after six other
     * replicas in a reused one, gives the same bits at every layer, and differs from the CNN's replica 7.
     */
    @Test
    void untiedReplicasAreBitIdenticalWhateverRanBefore() {
        ConvSpec spec = spec(false, 4, 12, 3, 1.5, 0.3, 15);
        ConvPropagator reused = new ConvPropagator(spec);
        for (int r = 1; r < 7; r++) {
            trace(reused, r);
        }
        long[] alone = trace(new ConvPropagator(spec), 7);
        assertArrayEquals(alone, trace(reused, 7));
        assertTrue(!java.util.Arrays.equals(alone, trace(new ConvPropagator(spec(true, 4, 12, 3, 1.5, 0.3, 15)), 7)),
                "the untied net is another network");
    }

    /** Every layer's global observables and counts as raw bits. */
    private static long[] trace(ConvPropagator propagator, int replica) {
        List<Long> bits = new ArrayList<>();
        propagator.run(ReplicaStreams.of(31, 9, replica), o -> {
            LayerObservables g = o.global();
            for (double v : new double[] {g.qA(), g.qB(), g.lnRho(), g.gA(), g.tangentLogNorm(), g.probe()}) {
                bits.add(Double.doubleToRawLongBits(v));
            }
            for (int k = 0; k < THRESHOLDS.length; k++) {
                bits.add((long) o.activeSites()[k]);
            }
        });
        return bits.stream().mapToLong(Long::longValue).toArray();
    }
}
