package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forward tangent u^{l+1} = W(φ′(h^l) ⊙ u^l), renormalised every layer (PHYSICS.md §2). */
class TangentTest {

    private static final int WIDTH = 1031;
    private static final int DEPTH = 13;
    /** 1031² weights × 13 layers ≈ 0.08 s per replica. */
    private static final int REPLICAS = 16;

    /**
     * At infinite width ln(|u^l|/|u^{l−1}|) = ½ ln χ₁(q_{l−1}) with q_l the q-map iterate from q0. At width N the mean
     * growth is lower by O(1/N): ½E ln(χ²_N/N) ≈ −1/(2N) exactly, plus a Jensen term of the same order from the
     * spread of Σφ′²u²; we allow 2/N for it. The statistical part is 4.5 SE of 16 replica averages (t with 15 degrees
     * of freedom: P(|t| > 4.5) ≈ 4e-4). Ordered, barely chaotic (χ₁ ≈ 1.06) and strongly chaotic points at σ_b = 0.3.
     */
    @ParameterizedTest
    @CsvSource({"0.7, 0.3", "1.5, 0.3", "2.9, 0.3"})
    void meanTangentGrowthIsHalfTheLogOfChi1AlongTheQMap(double sigmaW, double sigmaB) {
        double[] halfLogChi1 = new double[DEPTH + 1];
        double q = 1.0;
        for (int l = 1; l <= DEPTH; l++) {
            halfLogChi1[l] = 0.5 * Math.log(MeanFieldQuadrature.chi1(MeanFieldQuadrature::tanhPrime, sigmaW, q));
            q = MeanFieldQuadrature.nextQ(Math::tanh, sigmaW, sigmaB, q);
        }
        LayerObservables[][] replicas = Replicas.run(
                new NetworkSpec(ActivationKind.TANH.activation(), sigmaW, sigmaB, WIDTH, DEPTH, 1.0, 0.8), 0x7a9e_47L, 29L,
                REPLICAS);

        double[] excess = new double[REPLICAS];
        for (int r = 0; r < REPLICAS; r++) {
            for (int l = 1; l <= DEPTH; l++) {
                excess[r] += (replicas[r][l].tangentLogGrowth() - halfLogChi1[l]) / DEPTH;
            }
        }
        Estimate bias = Moments.mean(excess);
        assertEquals(0.0, bias.value(), 2.0 / WIDTH + 4.5 * bias.standardError(),
                "mean of growth − ½ ln χ₁ = " + bias + "; ½ ln χ₁ at layer 1 = " + halfLogChi1[1]);
    }

    @Test
    void logNormIsTheRunningSumOfGrowthsAndStartsUndefined() {
        LayerObservables[] layers = Replicas.run(
                new NetworkSpec(ActivationKind.ERF.activation(), 1.7, 0.3, 59, 61, 1.0, 0.8), 0x7a9e_47L, 31L, 1)[0];

        assertTrue(Double.isNaN(layers[0].tangentLogGrowth()), "growth at layer 0 is undefined: " + layers[0]);
        assertEquals(0.0, layers[0].tangentLogNorm());
        double sum = 0.0;
        for (int l = 1; l < layers.length; l++) {
            sum += layers[l].tangentLogGrowth();
            assertEquals(sum, layers[l].tangentLogNorm(), 1e-12 * l, "layer " + l);
        }
    }
}
