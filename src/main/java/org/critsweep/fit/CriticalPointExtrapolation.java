package org.critsweep.fit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The infinite-width critical point from the finite-width ones: σ_w,c(N) = σ_w,c(∞) + a/N, plus b/N² when the data
 * support it (PHYSICS.md §5: σ_w,c(N) ≈ 1.39558 + 3.08/N at tanh, σ_b = 0.3). Weighted least squares in 1/N; the
 * quadratic term is kept only with at least four widths and when b differs from 0 by more than two standard errors.
 */
public final class CriticalPointExtrapolation {

    public static final String INFINITE = "sigma_w_c_inf";
    public static final String SLOPE = "sigma_w_c_slope";
    public static final String CURVATURE = "sigma_w_c_curvature";
    private static final double SIGNIFICANT = 2.0;

    /** The 1/N extrapolation of MLP widths, its order refitted as chosen. */
    public static final SizeExtrapolation INVERSE_WIDTH = new SizeExtrapolation() {
        @Override
        public Optional<Extrapolation> fit(List<Measurement> roots) {
            return CriticalPointExtrapolation.fit(roots);
        }

        @Override
        public double[] refit(List<Measurement> roots, Extrapolation chosen) {
            return CriticalPointExtrapolation.fit(roots, chosen.order()).map(Extrapolation::estimates)
                    .orElseGet(() -> nans(chosen.fits().size()));
        }
    };

    /**
     * @param order the number of correction terms: 1 (a/N, or a lattice's a·L^−ω) or 2 (a/N + b/N²)
     * @param fits  σ_w,c(∞) first, then the coefficients (and for a lattice ω or the systematic from its choice)
     * @param laws  the fitted laws for the plots: per law, σ_w,c against 1/size from 0 to the smallest size's
     *              (empty where the fits alone draw it, as for the polynomial in 1/N)
     */
    public record Extrapolation(int order, List<FitResult> fits, Map<String, List<Measurement>> laws) {

        public Extrapolation(int order, List<FitResult> fits) {
            this(order, fits, Map.of());
        }

        public FitResult infinite() {
            return fits.get(0);
        }

        double[] estimates() {
            return fits.stream().mapToDouble(FitResult::estimate).toArray();
        }
    }

    static double[] nans(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    private CriticalPointExtrapolation() {
    }

    /**
     * @param roots σ_w,c(N) per width (x = N) with standard errors; those without a finite positive error are
     *              skipped
     * @return empty with fewer than two usable widths
     */
    public static Optional<Extrapolation> fit(List<Measurement> roots) {
        List<Measurement> usable = roots.stream()
                .filter(m -> m.x() > 0 && Double.isFinite(m.stderr()) && m.stderr() > 0).toList();
        if (usable.size() < 2) {
            return Optional.empty();
        }
        if (usable.size() >= 4) {
            Optional<Extrapolation> quadratic = fit(usable, 2);
            if (quadratic.isPresent()) {
                FitResult b = quadratic.get().fits().get(2);
                if (Math.abs(b.estimate()) > SIGNIFICANT * b.stderr()) {
                    return quadratic;
                }
            }
        }
        return fit(usable, 1);
    }

    /** The fit with a fixed order (the bootstrap refits with the order chosen on the full data). */
    public static Optional<Extrapolation> fit(List<Measurement> roots, int order) {
        int n = roots.size();
        if (n < order + 1) {
            return Optional.empty();
        }
        double[] inverse = new double[n];
        double[] values = new double[n];
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            inverse[i] = 1.0 / roots.get(i).x();
            values[i] = roots.get(i).value();
            sigma[i] = roots.get(i).stderr();
        }
        double[] start = new double[order + 1];
        start[0] = values[0];
        String window = String.format(Locale.ROOT, "N in [%d, %d], %s", (long) roots.get(0).x(),
                (long) roots.get(n - 1).x(), order == 1 ? "a/N" : "a/N + b/N^2");
        String method = order == 1 ? "wls_inverse_width" : "wls_inverse_width_quadratic";
        return WeightedLeastSquares.fit(inverse, values, sigma, (x, p, gradient) -> {
            double value = 0;
            double power = 1;
            for (int k = 0; k < p.length; k++) {
                gradient[k] = power;
                value += p[k] * power;
                power *= x;
            }
            return value;
        }, start).map(s -> {
            List<String> names = List.of(INFINITE, SLOPE, CURVATURE);
            List<FitResult> fits = new java.util.ArrayList<>();
            for (int k = 0; k <= order; k++) {
                fits.add(new FitResult(names.get(k), s.parameters()[k], s.stderr()[k], method, window,
                        s.chi2PerDof(), n));
            }
            return new Extrapolation(order, fits);
        });
    }
}
