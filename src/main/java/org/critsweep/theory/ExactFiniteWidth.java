package org.critsweep.theory;

import java.util.Optional;
import org.apache.commons.math3.special.Gamma;
import org.critsweep.kernel.ActivationKind;

/**
 * The exact law of G^l = σ_w²|φ(h^l)|²/n at any width n for the two solvable networks, linear and ReLU at σ_b = 0
 * and any σ_w (PHYSICS.md §5), starting from the kernel's inputs: h⁰ uniform on the sphere |h⁰|² = n q0.
 *
 * <p>G^l = G⁰ R_1 ⋯ R_l with iid factors independent of G⁰: given G^{l−1} the n pre-activations of layer l are iid
 * N(0, G^{l−1}). Linear: G⁰ = σ_w² q0 exactly, R = σ_w² χ²_n/n. ReLU: with K ~ Bin(n, ½) the number of positive
 * components, G⁰ = σ_w² q0 B where B | K ~ Beta(K/2, (n − K)/2) (the share of |h⁰|² on the positive components), and
 * R = σ_w² χ²_K/n. Logarithmic moments are conditioned on K ≥ 1 in every layer (K = 0, probability 2^−n, makes G = 0
 * and stops the replica with a fault, so it is absent from the measured statistics too).
 *
 * @param width                   n
 * @param lnG0Mean                E ln G⁰
 * @param lnG0Variance            Var ln G⁰
 * @param g0RelativeVariance      Var(G⁰)/E[G⁰]²
 * @param lnRMean                 E ln R, the growth of E ln G per layer
 * @param lnRVariance             Var ln R, the growth of Var ln G per layer
 * @param rSecondMomentRatio      E[R²]/E[R]²
 */
public record ExactFiniteWidth(int width, double lnG0Mean, double lnG0Variance, double g0RelativeVariance,
                               double lnRMean, double lnRVariance, double rSecondMomentRatio) {

    public ExactFiniteWidth {
        if (width < 1 || !(lnG0Variance >= 0.0 && g0RelativeVariance >= 0.0 && lnRVariance > 0.0
                && rSecondMomentRatio > 1.0 && Double.isFinite(lnG0Mean + lnRMean))) {
            throw new IllegalArgumentException("not a law of G: " + width + ", " + lnG0Variance + ", " + lnRVariance);
        }
    }

    /** The law for these parameters, or empty where no exact law is known (σ_b ≠ 0, or a non-solvable φ). */
    public static Optional<ExactFiniteWidth> of(ActivationKind activation, double sigmaW, double sigmaB, double q0,
                                                int width) {
        if (sigmaB != 0.0) {
            return Optional.empty();
        }
        return switch (activation) {
            case LINEAR -> Optional.of(linear(sigmaW, q0, width));
            case RELU -> Optional.of(relu(sigmaW, q0, width));
            default -> Optional.empty();
        };
    }

    static ExactFiniteWidth linear(double sigmaW, double q0, int width) {
        double half = 0.5 * width;
        return new ExactFiniteWidth(width, Math.log(sigmaW * sigmaW * q0), 0.0, 0.0,
                Math.log(2.0 * sigmaW * sigmaW / width) + Gamma.digamma(half), Gamma.trigamma(half), 1.0 + 2.0 / width);
    }

    /**
     * E_K over K ~ Bin(n, ½) given K ≥ 1 of ψ(K/2) and ψ′(K/2), and Var_K ψ(K/2); ln Beta(a, b) has mean
     * ψ(a) − ψ(a + b) and variance ψ′(a) − ψ′(a + b); E[B²]/E[B]² = 4E[K(K + 2)]/(n(n + 2)) = 1 + 3/(n + 2) and
     * E[R²]/E[R]² = 1 + 5/n.
     */
    static ExactFiniteWidth relu(double sigmaW, double q0, int width) {
        double[] p = new double[width + 1];
        double[] psi = new double[width + 1];
        double mass = 0.0;
        double lnAll = Gamma.logGamma(width + 1.0) - width * Math.log(2.0);
        for (int k = 1; k <= width; k++) {
            p[k] = Math.exp(lnAll - Gamma.logGamma(k + 1.0) - Gamma.logGamma(width - k + 1.0));
            psi[k] = Gamma.digamma(0.5 * k);
            mass += p[k];
        }
        double psiMean = 0.0;
        double trigammaMean = 0.0;
        for (int k = 1; k <= width; k++) {
            psiMean += p[k] / mass * psi[k];
            trigammaMean += p[k] / mass * Gamma.trigamma(0.5 * k);
        }
        double psiVariance = 0.0;
        for (int k = 1; k <= width; k++) {
            psiVariance += p[k] / mass * (psi[k] - psiMean) * (psi[k] - psiMean);
        }
        double half = 0.5 * width;
        double w2 = sigmaW * sigmaW;
        return new ExactFiniteWidth(width, Math.log(w2 * q0) + psiMean - Gamma.digamma(half),
                trigammaMean - Gamma.trigamma(half) + psiVariance, 3.0 / (width + 2.0),
                Math.log(2.0 * w2 / width) + psiMean, trigammaMean + psiVariance, 1.0 + 5.0 / width);
    }

    /** E[G^l²]/E[G^l]² − 1 = (1 + v0)(E[R²]/E[R]²)^l − 1. */
    public double relativeVarianceOfG(int layer) {
        return Math.expm1(Math.log1p(g0RelativeVariance) + layer * Math.log(rSecondMomentRatio));
    }

    /** E ln G^l. */
    public double lnGMean(int layer) {
        return lnG0Mean + layer * lnRMean;
    }

    /** n Var ln R: the growth of Var ln G per unit of l/n (6.71 at n = 16, 5.31 at n = 64 for ReLU). */
    public double lnGVarianceSlope() {
        return width * lnRVariance;
    }

    /**
     * n (E[R²]/E[R]² − 1) = n Var R / E[R]², the limit of {@link #lnGVarianceSlope()} as n → ∞ (ln R → R − 1): 5 for
     * ReLU, 2 for linear, at every n.
     */
    public double lnGVarianceSlopeLimit() {
        return width * (rSecondMomentRatio - 1.0);
    }

    /** Var ln G^l. */
    public double lnGVariance(int layer) {
        return lnG0Variance + layer * lnRVariance;
    }
}
