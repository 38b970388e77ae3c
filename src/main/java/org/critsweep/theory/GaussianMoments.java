package org.critsweep.theory;

import org.critsweep.kernel.Activation;

/**
 * The Gaussian expectations the mean-field maps need, for pre-activations of variance q (PHYSICS.md §4). The
 * default implementations integrate numerically ({@link GaussianIntegrator}); {@link ClosedFormMoments} overrides
 * them where closed forms exist.
 */
class GaussianMoments {

    final Activation phi;

    GaussianMoments(Activation phi) {
        this.phi = phi;
    }

    /** The moments of φ: closed forms where they exist (erf, sin, relu, linear), quadrature otherwise. */
    static GaussianMoments of(Activation phi) {
        return ClosedFormMoments.of(phi).orElseGet(() -> new GaussianMoments(phi));
    }

    /** E[φ(√q z)²]. */
    double square(double q) {
        double r = Math.sqrt(q);
        return GaussianIntegrator.forVariance(q).expect(z -> sq(phi.value(r * z)));
    }

    /** E[φ′(√q z)²]. */
    double slopeSquare(double q) {
        double r = Math.sqrt(q);
        return GaussianIntegrator.forVariance(q).expect(z -> sq(phi.derivative(r * z)));
    }

    /**
     * E[(φ(u1) − φ(u2))²] for u1, u2 of variance q and correlation 1 − ε, with u2 − u1 = √q(−ε z1 + √(ε(2 − ε)) z2)
     * formed directly and φ's exact difference, so the result keeps full relative precision as ε → 0 (to 1e-300).
     */
    double differenceSquare(double q, double epsilon) {
        double r = Math.sqrt(q);
        double c = 1.0 - epsilon;
        double s = Math.sqrt(epsilon * (2.0 - epsilon));
        return GaussianIntegrator.forVariance(q).expect((z1, z2) -> {
            double u1 = r * z1;
            return sq(phi.difference(u1, r * (s * z2 - epsilon * z1)));
        }, c, s, !phi.isSmooth());
    }

    /** E[φ(√q z) φ″(√q z)]. */
    double valueTimesCurvature(double q) {
        double r = Math.sqrt(q);
        return GaussianIntegrator.forVariance(q).expect(z -> phi.value(r * z) * phi.secondDerivative(r * z));
    }

    /** E[φ″(√q z)²]. */
    final double curvatureSquare(double q) {
        double r = Math.sqrt(q);
        return GaussianIntegrator.forVariance(q).expect(z -> sq(phi.secondDerivative(r * z)));
    }

    /** E[φ(√q z)⁴]. */
    double fourth(double q) {
        double r = Math.sqrt(q);
        return GaussianIntegrator.forVariance(q).expect(z -> sq(sq(phi.value(r * z))));
    }

    /** E[φ(u)² u²] for u = √q z: with E[φ²], the covariance of φ² with u² that the sphere's first layer needs (§5). */
    final double squareTimesArgumentSquare(double q) {
        double r = Math.sqrt(q);
        return GaussianIntegrator.forVariance(q).expect(z -> sq(phi.value(r * z) * r * z));
    }

    /** E[φ′(u1)φ′(u2)] for u1, u2 of variance q and correlation c. */
    final double slopeProduct(double q, double c) {
        double r = Math.sqrt(q);
        double s = Math.sqrt(Math.max(0.0, (1.0 - c) * (1.0 + c)));
        return GaussianIntegrator.forVariance(q).expect(
                (z1, z2) -> phi.derivative(r * z1) * phi.derivative(r * (c * z1 + s * z2)), c, s, !phi.isSmooth());
    }

    static double sq(double x) {
        return x * x;
    }
}
