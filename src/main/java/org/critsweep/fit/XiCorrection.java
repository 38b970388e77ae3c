package org.critsweep.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.special.Gamma;

/**
 * The measured finite-width correction to the correlation depth of an MLP (PHYSICS.md §5): in the ordered phase
 * ξ = −1/(2λ), so λ_N = λ_MF + c/N makes the correction relative and of order depth/width,
 * ξ_MF/ξ_N − 1 = c/(N λ_MF) = −2c ξ_MF/N. Per σ_w the measured λ_N of the widths are fitted as λ_∞ + c/N (+ d/N²,
 * {@link CriticalPointExtrapolation#fit(List)}) beside the predicted c; pooled over σ_w and N the measured
 * ξ_MF/ξ_N − 1 is regressed on ξ_MF/N through the origin and compared point by point with −2cξ_MF/N by a χ².
 *
 * <p>The recorded λ_N is the mean growth over layers 1..L from inputs of length q0; the mean-field part of that
 * transient ({@link Theory#transientShift()}) is subtracted before anything is fitted. It does not depend on N, so c
 * alone would not need it, but ξ_N does.
 */
public final class XiCorrection {

    /**
     * The largest ξ_MF/N used. The 1/N expansion of λ_N is regular through σ_w,c, but ξ_MF/ξ_N − 1 = −2cξ_MF/N is
     * its first order read as a relative change of ξ: at ξ_MF/N = 0.25 that change is already about 0.46 for tanh
     * (c ≈ −0.93), so farther out the (ξ/N)² terms are not small, and ρ, whose decay ξ_N describes, no longer decays
     * within l ≪ N, where a finite network tracks the mean-field curve (PHYSICS.md §5).
     */
    public static final double MAX_DEPTH_OVER_WIDTH = 0.25;
    /** λ_N must lie this many standard errors below 0: ξ_N = −1/(2λ_N) is a depth only for a decaying ρ. */
    public static final double CLEARLY_NEGATIVE = 3.0;

    public static final String COEFFICIENT = "lambda_n_coefficient";
    public static final String COEFFICIENT_THEORY = "lambda_n_coefficient_theory";
    public static final String SLOPE = "xi_correction_slope";
    public static final String SLOPE_THEORY = "xi_correction_slope_theory";
    public static final String P_VALUE = "xi_correction_p";
    /** The fit_curves curve: x = ξ_MF/N, y = ξ_MF/ξ_N − 1, one series per width and the predicted values. */
    public static final String CURVE = "xi_correction";
    public static final String PREDICTED = "predicted";

    /**
     * The theory of one point.
     *
     * @param lambdaMf    λ_MF = ½ ln χ₁ at q*
     * @param coefficient c of λ_N = λ_MF + c/N
     * @param transientShift the mean-field transient of the recorded λ_N: its prediction at the point's depth and q0
     *                    minus the stationary λ_MF + c/N
     */
    public record Theory(double lambdaMf, double coefficient, double transientShift) {
    }

    /** One grid point: its width, its replicas' λ_N and its theory. */
    public record Point(int width, LambdaPoint lambda, Theory theory) {
    }

    /** The fitted c of one σ_w beside the predicted one (pull as quality). */
    public record Coefficient(double sigmaW, FitResult measured, FitResult predicted) {
    }

    /**
     * @param coefficients per σ_w with at least two widths inside the cuts
     * @param pooled       {@link #SLOPE}, {@link #SLOPE_THEORY} and {@link #P_VALUE}; empty with fewer than two points
     * @param curve        the {@link #CURVE} series: {@code N=<width>} with errors, then {@link #PREDICTED}
     */
    public record Result(List<Coefficient> coefficients, List<FitResult> pooled, Map<String, List<Measurement>> curve) {
    }

    /** One point inside the cuts, λ_N with the transient removed. */
    private record Usable(double sigmaW, int width, Measurement lambda, Theory theory) {

        double depthOverWidth() {
            return -1.0 / (2.0 * theory.lambdaMf() * width);
        }

        /** ξ_MF/ξ_N − 1 = λ_N/λ_MF − 1, with its error. */
        Measurement correction() {
            double lambdaMf = theory.lambdaMf();
            return new Measurement(depthOverWidth(), lambda.value() / lambdaMf - 1.0,
                    lambda.stderr() / Math.abs(lambdaMf));
        }

        double predicted() {
            return theory.coefficient() / (width * theory.lambdaMf());
        }
    }

    private XiCorrection() {
    }

    public static Result analyse(List<Point> points) {
        List<Usable> usable = usable(points);
        List<Coefficient> coefficients = new ArrayList<>();
        TreeMap<Double, List<Usable>> bySigmaW = new TreeMap<>();
        usable.forEach(u -> bySigmaW.computeIfAbsent(u.sigmaW(), k -> new ArrayList<>()).add(u));
        bySigmaW.forEach((sigmaW, at) -> coefficient(sigmaW, at).ifPresent(coefficients::add));
        Map<String, List<Measurement>> curve = new LinkedHashMap<>();
        usable.stream().sorted(Comparator.comparingInt(Usable::width).thenComparingDouble(Usable::depthOverWidth))
                .forEach(u -> curve.computeIfAbsent("N=" + u.width(), k -> new ArrayList<>()).add(u.correction()));
        if (!usable.isEmpty()) {
            curve.put(PREDICTED, usable.stream().sorted(Comparator.comparingDouble(Usable::depthOverWidth))
                    .map(u -> new Measurement(u.depthOverWidth(), u.predicted(), Double.NaN)).toList());
        }
        return new Result(coefficients, pooled(usable), curve);
    }

    /** The points in the mean-field ordered phase with ξ_MF/N ≤ the cut and λ_N clearly negative. */
    private static List<Usable> usable(List<Point> points) {
        List<Usable> usable = new ArrayList<>();
        for (Point p : points) {
            Theory theory = p.theory();
            if (!(theory.lambdaMf() < 0) || !Double.isFinite(theory.coefficient())
                    || !Double.isFinite(theory.transientShift())) {
                continue;
            }
            ReplicaMatrix replicas = p.lambda().lambda();
            Measurement mean = replicas.mean(Bootstrap.identity(new int[] {replicas.replicas()})[0]).get(0);
            Usable u = new Usable(p.lambda().sigmaW(), p.width(), new Measurement(p.width(),
                    mean.value() - theory.transientShift(), mean.stderr()), theory);
            if (u.depthOverWidth() <= MAX_DEPTH_OVER_WIDTH && Double.isFinite(mean.stderr()) && mean.stderr() > 0
                    && mean.value() < -CLEARLY_NEGATIVE * mean.stderr()) {
                usable.add(u);
            }
        }
        return usable;
    }

    /** c fitted across the widths of one σ_w (the fit's 1/N slope), beside the predicted c. */
    private static Optional<Coefficient> coefficient(double sigmaW, List<Usable> at) {
        List<Measurement> byWidth = at.stream().map(Usable::lambda).sorted(Comparator.comparingDouble(Measurement::x))
                .toList();
        if (byWidth.stream().mapToDouble(Measurement::x).distinct().count() < 2) {
            return Optional.empty();
        }
        return CriticalPointExtrapolation.fit(byWidth).map(e -> {
            FitResult slope = e.fits().get(1);
            FitResult measured = new FitResult(COEFFICIENT, slope.estimate(), slope.stderr(), slope.method(),
                    String.format(Locale.ROOT, "sigma_w = %.6f, %s (a = c), xi_MF/N <= %s", sigmaW,
                            slope.window(), MAX_DEPTH_OVER_WIDTH), slope.quality(), slope.nUsed());
            double c = at.get(0).theory().coefficient();
            FitResult predicted = new FitResult(COEFFICIENT_THEORY, c, Double.NaN, Double.NaN, Double.NaN,
                    "quadrature_lambda_n", String.format(Locale.ROOT, "sigma_w = %.6f, c of lambda_N = lambda_MF + "
                    + "c/N; fitted %s", sigmaW, measured.valueWithError("c")),
                    (measured.estimate() - c) / measured.stderr(), measured.nUsed());
            return new Coefficient(sigmaW, measured, predicted);
        });
    }

    /**
     * The slope of ξ_MF/ξ_N − 1 against ξ_MF/N through the origin (weighted least squares, its error inflated by
     * √(χ²/dof) when above 1, as {@link WeightedLeastSquares}), the same slope of the predicted values with the same
     * weights (quality: the pull of the measured one), and P(χ²_n ≥ χ²) of the measured against the predicted values.
     */
    private static List<FitResult> pooled(List<Usable> usable) {
        int n = usable.size();
        if (n < 2) {
            return List.of();
        }
        double sxx = 0;
        double sxy = 0;
        double sxp = 0;
        double chi2 = 0;
        for (Usable u : usable) {
            Measurement m = u.correction();
            double w = 1.0 / (m.stderr() * m.stderr());
            sxx += w * m.x() * m.x();
            sxy += w * m.x() * m.value();
            sxp += w * m.x() * u.predicted();
            chi2 += w * square(m.value() - u.predicted());
        }
        double slope = sxy / sxx;
        double residual = 0;
        for (Usable u : usable) {
            Measurement m = u.correction();
            residual += square((m.value() - slope * m.x()) / m.stderr());
        }
        double chi2PerDof = residual / (n - 1);
        double stderr = Math.sqrt(Math.max(1.0, chi2PerDof) / sxx);
        double predicted = sxp / sxx;
        String window = String.format(Locale.ROOT, "xi_MF/xi_N - 1 = s xi_MF/N, %d points, sigma_w in [%.6f, %.6f],"
                + " xi_MF/N <= %s", n, usable.stream().mapToDouble(Usable::sigmaW).min().orElseThrow(),
                usable.stream().mapToDouble(Usable::sigmaW).max().orElseThrow(), MAX_DEPTH_OVER_WIDTH);
        FitResult measured = new FitResult(SLOPE, slope, stderr, "wls_through_origin", window, chi2PerDof, n);
        return List.of(measured,
                new FitResult(SLOPE_THEORY, predicted, Double.NaN, Double.NaN, Double.NaN, "quadrature_lambda_n",
                        window + ", s = -2c weighted as the data; fitted " + measured.valueWithError("s"),
                        (slope - predicted) / stderr, n),
                new FitResult(P_VALUE, Gamma.regularizedGammaQ(n / 2.0, chi2 / 2.0), Double.NaN, "chi2_upper_tail",
                        window + String.format(Locale.ROOT, ", measured against -2c xi_MF/N, chi2 = %.4g on %d dof",
                                chi2, n), chi2 / n, n));
    }

    private static double square(double v) {
        return v * v;
    }
}
