package org.critsweep.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.critsweep.kernel.Activation;
import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;

/** Mean-field directed percolation (PHYSICS.md §4) and the 1/n recursion (§5) as checks of the maps. */
class ScalingTest {

    static final Activation TANH = ActivationKind.TANH.activation();

    /** At σ_w,c, ρ_l = 1/(κ(l + l0)) + O(ln l / l²): the relative deviation of κ l ρ_l from 1 falls like ln l / l. */
    @Test
    void criticalDecayIsOneOverKappaL() {
        MeanField field = MeanField.of(TANH, CriticalLine.sigmaWc(TANH, 0.3), 0.3);
        double kappa = field.point().kappa();
        MeanFieldCurve curve = field.curve(field.qStar(), 0.8, 4000);
        double at400 = Math.abs(kappa * 400 * curve.rho()[400] - 1.0);
        double at4000 = Math.abs(kappa * 4000 * curve.rho()[4000] - 1.0);
        assertTrue(at4000 < 3e-3, "kappa l rho_l = 1 within " + at4000);
        assertTrue(at4000 < at400 / 10.0, "deviation shrinks at least like 1/l: " + at400 + " -> " + at4000);
    }

    /** Just above criticality ρ* = (χ₁ − 1)/κ (1 + O(χ₁ − 1)) (β = 1). */
    @Test
    void chaoticFixedPointGrowsLinearlyInChiMinusOne() {
        double sigmaWc = CriticalLine.sigmaWc(TANH, 0.3);
        double[] relativeError = new double[2];
        double[] offsets = {1e-3, 1e-4};
        for (int k = 0; k < 2; k++) {
            MeanFieldPoint p = MeanField.of(TANH, sigmaWc + offsets[k], 0.3).point();
            double predicted = (p.chi1() - 1.0) / p.kappa();
            relativeError[k] = Math.abs((1.0 - p.cStar()) / predicted - 1.0);
        }
        assertTrue(relativeError[1] < 2e-3, "ratio -> 1: " + relativeError[1]);
        assertTrue(relativeError[1] < relativeError[0] / 5.0, "error O(chi1 - 1): " + relativeError[0] + " -> " + relativeError[1]);
    }

    /**
     * tanh at σ_w = 1, σ_b = 0: Var(G)/E[G]² ≈ (2/3) l/n for l/n ≲ 0.25 (PHYSICS.md §5). At l = 200, n = 1000 the
     * asymptotic slope holds to a few per cent (corrections O(1/l) and O(l/n)).
     */
    @Test
    void oneOverNRecursionGrowsLikeTwoThirdsLOverN() {
        int width = 1000;
        double[] ratio = FiniteWidthRecursion.relativeVarianceOfG(MeanField.of(TANH, 1.0, 0.0), 1.0, width, 250);
        double expected = 2.0 / 3.0 * 200 / width;
        assertEquals(expected, ratio[199], 0.05 * expected);
    }

    /**
     * A linear net at σ_b = 0: the inputs' exact length makes G⁰ = σ_w² q0 exact (v = 0), then K′ = σ_w²K and
     * v′ = (σ_w⁴/n) 2K² + σ_w⁴ v, so Var(G^l)/E[G^l]² = 2l/n whatever σ_w. At σ_w = 2, q reaches 4^100 and overflows
     * after layer 511 (regression: the quadrature behind E[φ⁴] took a panel count ∝ √q and ran out of memory; a ReLU
     * net did the same). ReLU at σ_w² = 2: G⁰ on the sphere has (σ_w⁴/n)(Var φ² − Cov(φ², h²)²/(2q0²)) =
     * 4(5/4 − 1/2)q0²/n, i.e. 3/n, then Var(φ²) = (3/2 − 1/4)K², E[φ²] = K/2 and χ_∥ = K′/K add 4 (5/4)/n = 5/n a
     * layer: (3 + 5l)/n. The old Gaussian start gave 2(l + 1)/n and 5(l + 1)/n.
     */
    @Test
    void oneOverNRecursionOfLinearAndReluNetsStartsFromTheSphere() {
        int width = 64;
        double[] ratio = FiniteWidthRecursion.relativeVarianceOfG(
                MeanField.of(ActivationKind.LINEAR.activation(), 2.0, 0.0), 1.0, width, 100);
        for (int l = 0; l < ratio.length; l++) {
            assertEquals(2.0 * l / width, ratio[l], 1e-12 * (l + 1) / width, "layer " + l);
        }
        double[] relu = FiniteWidthRecursion.relativeVarianceOfG(
                MeanField.of(ActivationKind.RELU.activation(), 2.0, 0.0), 1.0, width, 100);
        for (int l = 0; l < relu.length; l++) {
            assertEquals((3.0 + 5.0 * l) / width, relu[l], 1e-12 * relu[l], "layer " + l);
        }
    }

    /**
     * The recursion is the 1/n expansion of the exact laws ({@link ExactFiniteWidth}): at n = 10⁶ the exact
     * (1 + 3/(n + 2))(1 + 5/n)^l − 1 and (1 + 2/n)^l − 1 differ from the recursion by O(l²/n²), a relative 5e-5 at
     * l = 20, for any σ_w and q0.
     */
    @Test
    void oneOverNRecursionIsTheLeadingOrderOfTheExactLaws() {
        int width = 1_000_000;
        for (ActivationKind kind : new ActivationKind[] {ActivationKind.RELU, ActivationKind.LINEAR}) {
            double sigmaW = kind == ActivationKind.RELU ? 1.5 : 0.9;
            double[] ratio = FiniteWidthRecursion.relativeVarianceOfG(
                    MeanField.of(kind.activation(), sigmaW, 0.0), 0.6, width, 21);
            ExactFiniteWidth exact = ExactFiniteWidth.of(kind, sigmaW, 0.0, 0.6, width).orElseThrow();
            for (int l = 1; l <= 20; l++) {
                double law = exact.relativeVarianceOfG(l);
                assertEquals(law, ratio[l], 1e-4 * law, kind + " layer " + l);
            }
        }
    }

    @Test
    void orderedCurveApproachesTheFixedPointAtRateChiC() {
        MeanField field = MeanField.of(TANH, 1.0, 0.3);
        MeanFieldPoint p = field.point();
        MeanFieldCurve curve = field.curve(p.qStar(), 0.8, 60);
        // ρ_{l+1}/ρ_l → χ₁ = χ_c at c* = 1 in the ordered phase.
        assertEquals(p.chi1(), curve.rho()[60] / curve.rho()[59], 1e-6);
        assertEquals(p.chi1(), p.chiC(), 1e-12);
    }
}
