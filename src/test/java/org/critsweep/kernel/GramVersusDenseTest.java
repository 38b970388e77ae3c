package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Gram sampler and the dense reference must give the same law for every observable (PHYSICS.md §3): two-sample
 * KS tests on ln ρ, on the tangent growth and on q (which carries the bias) at three layers, and z-tests on their
 * means, with independent streams. Each KS test rejects at p < 1e-3 and each z-test at |z| > 4, so with 18 decisions
 * per width the chance that correct samplers fail is ≈ 1.8 %, fixed once and for all by the seeds. With 200 replicas per sampler the KS test
 * detects a shift of 0.4 standard deviations with power ≈ 0.9.
 */
class GramVersusDenseTest {

    static List<LayerObservables> layersOf(MlpPropagator propagator, long point, int replicas, int[] layers) {
        List<LayerObservables> picked = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            propagator.run(ReplicaStreams.of(1009, point, r), o -> {
                for (int l : layers) {
                    if (o.layer() == l) {
                        picked.add(o);
                    }
                }
            });
        }
        return picked;
    }

    static double[] values(List<LayerObservables> observations, int layer, Function<LayerObservables, Double> f) {
        return observations.stream().filter(o -> o.layer() == layer).mapToDouble(f::apply).toArray();
    }

    @ParameterizedTest(name = "N = {0}")
    @CsvSource({"64, 30, 200", "512, 12, 200"})
    void gramAndDenseSamplersAgreeInDistribution(int width, int depth, int replicas) {
        NetworkSpec spec = new NetworkSpec(ActivationKind.TANH.activation(), 1.5, 0.3, width, depth, 1.0, 0.8);
        int[] layers = {depth / 3, 2 * depth / 3, depth};
        List<LayerObservables> dense = layersOf(MlpPropagator.dense(spec), 11, replicas, layers);
        List<LayerObservables> gram = layersOf(MlpPropagator.gram(spec), 13, replicas, layers);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (int layer : layers) {
            for (var observable : List.<Function<LayerObservables, Double>>of(LayerObservables::lnRho,
                    LayerObservables::tangentLogGrowth, LayerObservables::qA)) {
                double[] a = values(dense, layer, observable);
                double[] b = values(gram, layer, observable);
                double p = ks.kolmogorovSmirnovTest(a, b);
                assertTrue(p > 1e-3, "KS p = " + p + " at layer " + layer);
                double z = zOfMeanDifference(a, b);
                assertTrue(Math.abs(z) < 4, "z = " + z + " at layer " + layer);
            }
        }
    }

    static double zOfMeanDifference(double[] a, double[] b) {
        SummaryStatistics x = new SummaryStatistics();
        SummaryStatistics y = new SummaryStatistics();
        for (double v : a) {
            x.addValue(v);
        }
        for (double v : b) {
            y.addValue(v);
        }
        return (x.getMean() - y.getMean()) / Math.sqrt(x.getVariance() / x.getN() + y.getVariance() / y.getN());
    }
}
