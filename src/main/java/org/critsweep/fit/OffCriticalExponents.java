package org.critsweep.fit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

/**
 * The exponents measured away from the critical point, as power laws in τ = σ_w − σ_w,c fitted by weighted least
 * squares on a log-log line: β from the chaotic plateau, ρ* = B τ^β, and ν_∥ from the correlation depth on both
 * sides, ξ_∥ = C |τ|^−ν_∥.
 *
 * <p>Errors: the statistical error of the slope is the covariance of the weighted fit, σ_ln y = σ_y / y, inflated by
 * √(χ²/dof) when the scatter exceeds the stated errors (never deflated). σ_w,c is itself uncertain and moves every
 * τ: the fit is repeated at σ_w,c ± its stderr on the same points, and half the difference of the two exponents is
 * added in quadrature. A shifted fit left with fewer than three points (a point crossing τ = 0) is not used; with
 * one shifted fit the whole difference to the nominal exponent is taken, with none the stderr is infinite.
 */
public final class OffCriticalExponents {

    public static final String BETA = "beta";
    public static final String BETA_METHOD = "wls_log_plateau";
    public static final String NU_PARALLEL = "nu_par";
    public static final String NU_PARALLEL_METHOD = "wls_log_xi";

    /** Two parameters and at least one degree of freedom for χ². */
    private static final int MIN_POINTS = 3;

    private OffCriticalExponents() {
    }

    /**
     * @param plateau       the chaotic plateau ρ* per σ_w (x = σ_w); points with τ ≤ 0, ρ* ≤ 0 or an error that
     *                      cannot weight (non-finite or ≤ 0) are skipped
     * @param sigmaWc       the critical point σ_w,c
     * @param sigmaWcStderr its standard error, ≥ 0
     * @return β, or empty with fewer than three usable points or all of them at one σ_w
     */
    public static Optional<FitResult> beta(List<Measurement> plateau, double sigmaWc, double sigmaWcStderr) {
        checkCriticalPoint(sigmaWc, sigmaWcStderr);
        DoublePredicate chaotic = tau -> tau > 0.0;
        List<Measurement> usable = plateau.stream()
                .filter(m -> chaotic.test(m.x() - sigmaWc) && m.value() > 0.0 && weighted(m))
                .sorted(Comparator.comparingDouble(Measurement::x))
                .toList();
        return powerLaw(BETA, BETA_METHOD, 1.0, usable, sigmaWc, sigmaWcStderr, chaotic);
    }

    /**
     * @param xiByTau       the correlation depth ξ_∥ per σ_w (x = σ_w), ordered and chaotic sides together; points at
     *                      τ = 0, with ξ ≤ 0 or an error that cannot weight are skipped
     * @param sigmaWc       the critical point σ_w,c
     * @param sigmaWcStderr its standard error, ≥ 0
     * @return ν_∥ (one amplitude C for both sides), or empty with fewer than three usable points or all of them at
     *         one |τ|
     */
    public static Optional<FitResult> nuParallel(List<Measurement> xiByTau, double sigmaWc, double sigmaWcStderr) {
        checkCriticalPoint(sigmaWc, sigmaWcStderr);
        DoublePredicate offCritical = tau -> tau != 0.0;
        List<Measurement> usable = xiByTau.stream()
                .filter(m -> offCritical.test(m.x() - sigmaWc) && m.value() > 0.0 && weighted(m))
                .sorted(Comparator.comparingDouble(Measurement::x))
                .toList();
        return powerLaw(NU_PARALLEL, NU_PARALLEL_METHOD, -1.0, usable, sigmaWc, sigmaWcStderr, offCritical);
    }

    /**
     * @param sign +1 when the exponent is the slope of ln y against ln |τ| (β), −1 when it is minus the slope (ν_∥)
     */
    private static Optional<FitResult> powerLaw(String quantity, String method, double sign, List<Measurement> usable,
                                                double sigmaWc, double sigmaWcStderr, DoublePredicate usableTau) {
        if (usable.size() < MIN_POINTS) {
            return Optional.empty();
        }
        Optional<LogLogLine> fitted = LogLogLine.fit(usable, sigmaWc);
        if (fitted.isEmpty()) {
            return Optional.empty();
        }
        LogLogLine nominal = fitted.get();
        double statistical = Math.sqrt(nominal.slopeVariance() * Math.max(1.0, nominal.chi2PerDof()));
        double criticalPoint = criticalPointError(usable, sigmaWc, sigmaWcStderr, usableTau, nominal.slope());
        double stderr = Math.hypot(statistical, criticalPoint);
        String window = "sigma_w in [" + usable.get(0).x() + ", " + usable.get(usable.size() - 1).x() + "]";
        return Optional.of(new FitResult(quantity, sign * nominal.slope(), stderr, method, window,
                nominal.chi2PerDof(), usable.size()));
    }

    /** The slope's sensitivity to σ_w,c: the refits at σ_w,c ± stderr, as described in the class comment. */
    private static double criticalPointError(List<Measurement> usable, double sigmaWc, double sigmaWcStderr,
                                             DoublePredicate usableTau, double nominalSlope) {
        if (sigmaWcStderr == 0.0) {
            return 0.0;
        }
        OptionalDouble lower = shiftedSlope(usable, sigmaWc - sigmaWcStderr, usableTau);
        OptionalDouble upper = shiftedSlope(usable, sigmaWc + sigmaWcStderr, usableTau);
        if (lower.isPresent() && upper.isPresent()) {
            return Math.abs(upper.getAsDouble() - lower.getAsDouble()) / 2.0;
        }
        if (lower.isPresent() || upper.isPresent()) {
            return Math.abs((lower.isPresent() ? lower : upper).getAsDouble() - nominalSlope);
        }
        return Double.POSITIVE_INFINITY;
    }

    private static OptionalDouble shiftedSlope(List<Measurement> usable, double sigmaWc, DoublePredicate usableTau) {
        List<Measurement> kept = usable.stream().filter(m -> usableTau.test(m.x() - sigmaWc)).toList();
        if (kept.size() < MIN_POINTS) {
            return OptionalDouble.empty();
        }
        Optional<LogLogLine> line = LogLogLine.fit(kept, sigmaWc);
        return line.isPresent() ? OptionalDouble.of(line.get().slope()) : OptionalDouble.empty();
    }

    private static boolean weighted(Measurement m) {
        return Double.isFinite(m.stderr()) && m.stderr() > 0.0;
    }

    private static void checkCriticalPoint(double sigmaWc, double sigmaWcStderr) {
        if (!Double.isFinite(sigmaWc)) {
            throw new IllegalArgumentException("sigmaWc: expected a finite critical point, got " + sigmaWc);
        }
        if (!Double.isFinite(sigmaWcStderr) || sigmaWcStderr < 0.0) {
            throw new IllegalArgumentException("sigmaWcStderr: expected a finite error ≥ 0, got " + sigmaWcStderr);
        }
    }

    /**
     * The weighted straight line ln y = a + slope · ln |σ_w − σ_w,c|, with σ_ln y = σ_y / y; x is centred on its
     * weighted mean so the slope does not suffer from cancellation.
     */
    private record LogLogLine(double slope, double slopeVariance, double chi2PerDof) {

        /** Empty when all points share one |τ|, so there is no slope. */
        static Optional<LogLogLine> fit(List<Measurement> points, double sigmaWc) {
            int n = points.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] w = new double[n];
            double sumW = 0.0;
            double sumWx = 0.0;
            double sumWy = 0.0;
            for (int i = 0; i < n; i++) {
                Measurement m = points.get(i);
                x[i] = Math.log(Math.abs(m.x() - sigmaWc));
                y[i] = Math.log(m.value());
                double sigma = m.stderr() / m.value();
                w[i] = 1.0 / (sigma * sigma);
                sumW += w[i];
                sumWx += w[i] * x[i];
                sumWy += w[i] * y[i];
            }
            if (Arrays.stream(x).min().getAsDouble() == Arrays.stream(x).max().getAsDouble()) {
                return Optional.empty();
            }
            double meanX = sumWx / sumW;
            double meanY = sumWy / sumW;
            double sxx = 0.0;
            double sxy = 0.0;
            for (int i = 0; i < n; i++) {
                sxx += w[i] * (x[i] - meanX) * (x[i] - meanX);
                sxy += w[i] * (x[i] - meanX) * (y[i] - meanY);
            }
            double slope = sxy / sxx;
            double chi2 = 0.0;
            for (int i = 0; i < n; i++) {
                double residual = y[i] - meanY - slope * (x[i] - meanX);
                chi2 += w[i] * residual * residual;
            }
            return Optional.of(new LogLogLine(slope, 1.0 / sxx, chi2 / (n - 2)));
        }
    }
}
