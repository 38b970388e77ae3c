package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.critsweep.theory.MeanField;
import org.critsweep.theory.MeanFieldCurve;
import org.junit.jupiter.api.Test;

/** The CNN kernel against the MLP it reduces to, mean-field theory, the light cone, and exactness. */
class ConvPropagatorTest {

    static final Activation TANH = ActivationKind.TANH.activation();
    static final double[] THRESHOLDS = {1e-9, 1e-6, 1e-3};

    static ConvSpec spec(int dimensions, int channels, int size, int kernel, double sigmaW, int depth, Protocol protocol,
                         double c0) {
        return new ConvSpec(TANH, sigmaW, 0.3, dimensions, channels, size, kernel, depth, 1.0, c0, protocol, THRESHOLDS);
    }

    static List<ConvObservables[]> run(ConvSpec spec, long point, int replicas) {
        ConvPropagator propagator = new ConvPropagator(spec);
        List<ConvObservables[]> result = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            List<ConvObservables> layers = new ArrayList<>();
            propagator.run(ReplicaStreams.of(4111, point, r), layers::add);
            result.add(layers.toArray(ConvObservables[]::new));
        }
        return result;
    }

    /**
     * k = 1 and L = 1 is an MLP of width C (same fan-in C): ln ρ, q and the tangent growth agree with the dense MLP
     * sampler in distribution (two-sample KS, p > 1e-3 each: 9 decisions, ≈ 1 % false-failure for a correct kernel;
     * 300 replicas detect a 0.35 SD shift with power ≈ 0.9).
     */
    @Test
    void oneSiteOneTapCnnIsAnMlp() {
        int channels = 32;
        List<ConvObservables[]> cnn = run(spec(1, channels, 1, 1, 1.5, 20, Protocol.PAIR, 0.8), 1, 300);
        LayerObservables[][] mlp = Replicas.run(new NetworkSpec(TANH, 1.5, 0.3, channels, 20, 1.0, 0.8), 4111, 2, 300);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (int layer : new int[] {5, 10, 20}) {
            int l = layer;
            double[][] a = {
                cnn.stream().mapToDouble(o -> o[l].global().lnRho()).toArray(),
                cnn.stream().mapToDouble(o -> o[l].global().qA()).toArray(),
                cnn.stream().mapToDouble(o -> o[l].global().tangentLogGrowth()).toArray()};
            double[][] b = {
                java.util.Arrays.stream(mlp).mapToDouble(o -> o[l].lnRho()).toArray(),
                java.util.Arrays.stream(mlp).mapToDouble(o -> o[l].qA()).toArray(),
                java.util.Arrays.stream(mlp).mapToDouble(o -> o[l].tangentLogGrowth()).toArray()};
            for (int k = 0; k < 3; k++) {
                double p = ks.kolmogorovSmirnovTest(a[k], b[k]);
                assertTrue(p > 1e-3, "observable " + k + " at layer " + l + ": KS p = " + p);
            }
        }
    }

    /**
     * Wide channels (C = 512, k = 3, fan-in 1536): mean q and global ρ over the first 10 layers within 3 SE of the
     * mean-field maps of the theory engine (the MLP maps; finite-fan-in bias O(1/(C k)) ≈ 0.07 % is below the SE).
     */
    @Test
    void wideCnnFollowsMeanFieldTheory() {
        List<ConvObservables[]> cnn = run(spec(1, 512, 4, 3, 1.5, 10, Protocol.PAIR, 0.8), 3, 12);
        MeanFieldCurve theory = MeanField.of(TANH, 1.5, 0.3).curve(1.0, 0.8, 10);
        for (int l = 1; l <= 10; l++) {
            int layer = l;
            SummaryStatistics q = new SummaryStatistics();
            SummaryStatistics rho = new SummaryStatistics();
            cnn.forEach(o -> {
                q.addValue(o[layer].global().qA());
                rho.addValue(o[layer].global().rho());
            });
            double seQ = q.getStandardDeviation() / Math.sqrt(q.getN());
            double seRho = rho.getStandardDeviation() / Math.sqrt(rho.getN());
            assertEquals(theory.q()[l], q.getMean(), 3 * seQ, "q at layer " + l);
            assertEquals(theory.rho()[l], rho.getMean(), 3 * seRho, "rho at layer " + l);
        }
    }

    /** A perturbation spreads at most r = 1 site per layer each way: N_a(l) ≤ 1 + 2l exactly, in every replica. */
    @Test
    void spreadingRespectsTheLightConeAndSaturatesInTheChaoticPhase() {
        int size = 64;
        List<ConvObservables[]> chaotic = run(spec(1, 16, size, 3, 3.0, 120, Protocol.SPREADING, 0.8), 5, 20);
        for (ConvObservables[] replica : chaotic) {
            for (ConvObservables o : replica) {
                int l = o.global().layer();
                for (int k = 0; k < THRESHOLDS.length; k++) {
                    assertTrue(o.activeSites()[k] <= Math.min(size, 1 + 2 * l), "light cone at layer " + l);
                }
            }
        }
        SummaryStatistics late = new SummaryStatistics();
        for (ConvObservables[] replica : chaotic) {
            late.addValue(replica[120].activeSites()[2]);
        }
        assertTrue(late.getMean() > 0.9 * size, "deep chaotic phase fills the lattice: " + late.getMean());
    }

    /**
     * The threshold only shifts the front: on a lattice too large to saturate, the spreading velocity
     * dN_a/dl between layers 30 and 60 is the same for thresholds 1e-9, 1e-6 and 1e-3 within 15 % (20 replicas; the
     * velocity's replica scatter is a few per cent).
     */
    @Test
    void spreadingVelocityDoesNotDependOnTheThreshold() {
        List<ConvObservables[]> chaotic = run(spec(1, 16, 160, 3, 3.0, 60, Protocol.SPREADING, 0.8), 13, 20);
        double[] velocity = new double[THRESHOLDS.length];
        for (int k = 0; k < THRESHOLDS.length; k++) {
            SummaryStatistics v = new SummaryStatistics();
            for (ConvObservables[] replica : chaotic) {
                v.addValue((replica[60].activeSites()[k] - replica[30].activeSites()[k]) / 30.0);
            }
            velocity[k] = v.getMean();
        }
        assertTrue(velocity[2] > 0.5, "the perturbation spreads: " + velocity[2] + " sites per layer");
        for (int k = 0; k < THRESHOLDS.length - 1; k++) {
            assertEquals(velocity[2], velocity[k], 0.15 * velocity[2], "velocity at threshold " + THRESHOLDS[k]);
        }
    }

    @Test
    void spreadingDiesInTheOrderedPhase() {
        List<ConvObservables[]> ordered = run(spec(1, 16, 64, 3, 0.5, 200, Protocol.SPREADING, 0.8), 7, 20);
        for (ConvObservables[] replica : ordered) {
            assertEquals(0, replica[200].activeSites()[1], "no site above 1e-6 after 200 ordered layers");
            assertTrue(Double.isNaN(replica[200].spreadR2()[1]));
            for (int k = 0; k < THRESHOLDS.length; k++) {
                assertEquals(1, replica[0].activeSites()[k], "only the seed site is active at layer 0");
                assertEquals(0.0, replica[0].spreadR2()[k]);
            }
        }
    }

    @Test
    void identicalInputsStayExactlyMergedAndRunsAreReproducible() {
        for (ConvObservables o : run(spec(2, 8, 6, 3, 1.5, 15, Protocol.PAIR, 1.0), 9, 1).get(0)) {
            assertEquals(0.0, o.global().rho());
            assertEquals(Double.NEGATIVE_INFINITY, o.global().lnRho());
            assertTrue(Double.isFinite(o.global().qA()) && o.global().qA() > 0);
        }
        ConvObservables[] first = run(spec(2, 8, 6, 3, 1.5, 15, Protocol.PAIR, 0.8), 11, 1).get(0);
        ConvObservables[] again = run(spec(2, 8, 6, 3, 1.5, 15, Protocol.PAIR, 0.8), 11, 1).get(0);
        for (int l = 0; l < first.length; l++) {
            assertEquals(first[l].global(), again[l].global(), "layer " + l);
            assertTrue(Double.isFinite(first[l].global().lnRho()));
        }
        assertEquals(0.2, first[0].global().rho(), 1e-12, "every site starts with 1 - c0");
    }
}
