package org.critsweep.theory;

import java.util.Optional;
import org.critsweep.kernel.Activation;

/**
 * Closed forms of the Gaussian moments (PHYSICS.md §4; Williams 1997 for erf, Cho &amp; Saul 2009 for ReLU), written
 * so that the difference moment keeps full relative precision as ε = 1 − c → 0. Fast paths for the maps, and test
 * oracles for the quadrature.
 */
final class ClosedFormMoments {

    private ClosedFormMoments() {
    }

    static Optional<GaussianMoments> of(Activation phi) {
        return switch (phi.name()) {
            case "erf" -> Optional.of(new ErfMoments(phi));
            case "sin" -> Optional.of(new SinMoments(phi));
            case "relu" -> Optional.of(new ReluMoments(phi));
            case "linear" -> Optional.of(new LinearMoments(phi));
            default -> Optional.empty();
        };
    }

    /** E[erf(u1)erf(u2)] = (2/π) arcsin(2qc/(1 + 2q)). */
    static final class ErfMoments extends GaussianMoments {
        ErfMoments(Activation phi) {
            super(phi);
        }

        @Override
        double square(double q) {
            return 2.0 / Math.PI * Math.asin(2.0 * q / (1.0 + 2.0 * q));
        }

        @Override
        double slopeSquare(double q) {
            return 4.0 / Math.PI / Math.sqrt(1.0 + 4.0 * q);
        }

        /** (4/π)(arcsin a − arcsin b), b = a(1 − ε), via arcsin((a² − b²)/(a√(1 − b²) + b√(1 − a²))) for b ≥ 0. */
        @Override
        double differenceSquare(double q, double epsilon) {
            double a = 2.0 * q / (1.0 + 2.0 * q);
            double b = a * (1.0 - epsilon);
            if (b < 0.0) {
                return 4.0 / Math.PI * (Math.asin(a) - Math.asin(b));
            }
            double numerator = a * a * epsilon * (2.0 - epsilon);
            return 4.0 / Math.PI * Math.asin(numerator / (a * Math.sqrt((1.0 - b) * (1.0 + b))
                    + b * Math.sqrt((1.0 - a) * (1.0 + a))));
        }
    }

    /** E[sin u1 sin u2] = e^{−q} sinh(qc). */
    static final class SinMoments extends GaussianMoments {
        SinMoments(Activation phi) {
            super(phi);
        }

        @Override
        double square(double q) {
            return -0.5 * Math.expm1(-2.0 * q);
        }

        @Override
        double slopeSquare(double q) {
            return 0.5 * (1.0 + Math.exp(-2.0 * q));
        }

        /** 2e^{−q}(sinh q − sinh(q(1 − ε))) = 4e^{−q} cosh(q(1 − ε/2)) sinh(qε/2). */
        @Override
        double differenceSquare(double q, double epsilon) {
            return 4.0 * Math.exp(-q) * Math.cosh(q * (1.0 - 0.5 * epsilon)) * Math.sinh(0.5 * q * epsilon);
        }
    }

    /** The arc-cosine kernel: E[relu(u1)relu(u2)] = (q/2π)(sin θ + (π − θ) cos θ), θ = arccos c. */
    static final class ReluMoments extends GaussianMoments {
        ReluMoments(Activation phi) {
            super(phi);
        }

        @Override
        double square(double q) {
            return 0.5 * q;
        }

        @Override
        double slopeSquare(double q) {
            return 0.5;
        }

        /** (q/π)(πε + θ(1 − ε) − sin θ), with θ − sin θ by its series for small θ (no cancellation). */
        @Override
        double differenceSquare(double q, double epsilon) {
            double theta = 2.0 * Math.asin(Math.sqrt(0.5 * epsilon));
            double thetaMinusSin;
            if (theta < 0.1) {
                double t2 = theta * theta;
                thetaMinusSin = theta * t2 / 6.0 * (1.0 - t2 / 20.0 * (1.0 - t2 / 42.0 * (1.0 - t2 / 72.0 * (1.0 - t2 / 110.0))));
            } else {
                thetaMinusSin = theta - Math.sin(theta);
            }
            return q / Math.PI * (Math.PI * epsilon + thetaMinusSin - theta * epsilon);
        }

        /** E[z⁴; z > 0] = 3/2. */
        @Override
        double fourth(double q) {
            return 1.5 * q * q;
        }

        @Override
        double valueTimesCurvature(double q) {
            return 0.0;
        }
    }

    /** φ = x: every moment is a polynomial in q. */
    static final class LinearMoments extends GaussianMoments {
        LinearMoments(Activation phi) {
            super(phi);
        }

        @Override
        double square(double q) {
            return q;
        }

        @Override
        double slopeSquare(double q) {
            return 1.0;
        }

        @Override
        double differenceSquare(double q, double epsilon) {
            return 2.0 * q * epsilon;
        }

        @Override
        double fourth(double q) {
            return 3.0 * q * q;
        }

        @Override
        double valueTimesCurvature(double q) {
            return 0.0;
        }
    }
}
