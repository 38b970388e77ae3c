package org.critsweep.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CNN's critical point in the lattice size at fixed channels (PHYSICS.md §5): σ_w,c(L) = σ_w,c(∞) + a·L^−ω with
 * ω = 1/ν_⊥ (the finite-size shift of an absorbing-state transition, ρ(l, L) = l^−δ F(l/L^z)). With at least
 * {@value #FREE_OMEGA_SIZES} sizes ω is fitted (σ_w,c(∞), a, ω: one degree of freedom at four sizes); with fewer it is
 * fixed at each candidate class's 1/ν_⊥, σ_w,c(∞) is the midpoint of the candidates' estimates and half their spread
 * is reported as a systematic ({@value #SYSTEMATIC}), beside the statistical error.
 */
public final class LatticeExtrapolation implements SizeExtrapolation {

    public static final String OMEGA = "sigma_w_c_omega";
    /** The fit_curves curve of the laws against 1/L, one series per law. */
    public static final String LAW_CURVE = "sigma_w_c_lattice_law";
    public static final String SYSTEMATIC = "sigma_w_c_inf_systematic";
    public static final int FREE_OMEGA_SIZES = 4;
    private static final String FREE_METHOD = "wls_lattice_free_omega";
    private static final String FIXED_METHOD = "wls_lattice_fixed_omega";
    private static final int LAW_SAMPLES = 40;

    private final List<UniversalityClass> candidates;

    /** @param candidates the classes of the lattice's dimension whose 1/ν_⊥ may be ω (at least one) */
    public LatticeExtrapolation(List<UniversalityClass> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates: expected at least one class, got none");
        }
        this.candidates = List.copyOf(candidates);
    }

    /** The classes a d-dimensional lattice is compared with: DP in d+1 dimensions and mean field. */
    public static LatticeExtrapolation forDimension(int dimensions) {
        return new LatticeExtrapolation(switch (dimensions) {
            case 1 -> List.of(UniversalityClass.DP_1_1, UniversalityClass.MEAN_FIELD);
            case 2 -> List.of(UniversalityClass.DP_2_1, UniversalityClass.MEAN_FIELD);
            default -> throw new IllegalArgumentException("dimensions: expected 1 or 2, got " + dimensions);
        });
    }

    /** @return empty with fewer than two sizes with a finite positive error */
    @Override
    public Optional<CriticalPointExtrapolation.Extrapolation> fit(List<Measurement> roots) {
        List<Measurement> usable = usable(roots);
        if (usable.size() < 2) {
            return Optional.empty();
        }
        if (usable.size() >= FREE_OMEGA_SIZES) {
            Optional<CriticalPointExtrapolation.Extrapolation> free = free(usable);
            if (free.isPresent()) {
                return free;
            }
        }
        return fixed(usable);
    }

    @Override
    public double[] refit(List<Measurement> roots, CriticalPointExtrapolation.Extrapolation chosen) {
        List<Measurement> usable = usable(roots);
        boolean wasFree = chosen.fits().stream().anyMatch(f -> f.quantity().equals(OMEGA));
        Optional<CriticalPointExtrapolation.Extrapolation> again = wasFree ? free(usable) : fixed(usable);
        return again.map(CriticalPointExtrapolation.Extrapolation::estimates)
                .orElseGet(() -> CriticalPointExtrapolation.nans(chosen.fits().size()));
    }

    private static List<Measurement> usable(List<Measurement> roots) {
        return roots.stream().filter(m -> m.x() > 0 && Double.isFinite(m.stderr()) && m.stderr() > 0).toList();
    }

    /** ω fitted, started from each candidate's 1/ν_⊥; the best χ² with ω > 0 wins. */
    private Optional<CriticalPointExtrapolation.Extrapolation> free(List<Measurement> roots) {
        Optional<WeightedLeastSquares.Solution> best = Optional.empty();
        for (UniversalityClass cls : candidates) {
            double omega = 1.0 / cls.nuPerp();
            Optional<WeightedLeastSquares.Solution> s = fixedOmega(roots, omega)
                    .flatMap(start -> WeightedLeastSquares.fit(sizes(roots), values(roots), errors(roots),
                            LatticeExtrapolation::freeLaw, new double[] {start.parameters()[0], start.parameters()[1],
                                omega}))
                    .filter(f -> f.parameters()[2] > 0);
            if (s.isPresent() && (best.isEmpty() || chi2(s.get(), roots) < chi2(best.get(), roots))) {
                best = s;
            }
        }
        return best.map(s -> {
            String window = window(roots) + ", omega fitted";
            double[] p = s.parameters();
            List<FitResult> fits = List.of(
                    new FitResult(CriticalPointExtrapolation.INFINITE, p[0], s.stderr()[0], FREE_METHOD, window,
                            s.chi2PerDof(), roots.size()),
                    new FitResult(CriticalPointExtrapolation.SLOPE, p[1], s.stderr()[1], FREE_METHOD, window,
                            s.chi2PerDof(), roots.size()),
                    new FitResult(OMEGA, p[2], s.stderr()[2], FREE_METHOD, window, s.chi2PerDof(), roots.size()));
            return new CriticalPointExtrapolation.Extrapolation(1, fits, Map.of(String.format(Locale.ROOT,
                    "omega = %.3g (fitted)", p[2]), law(p[0], p[1], p[2], roots)));
        });
    }

    /** ω fixed at each candidate's 1/ν_⊥: the midpoint of their σ_w,c(∞) and half their spread. */
    private Optional<CriticalPointExtrapolation.Extrapolation> fixed(List<Measurement> roots) {
        if (roots.size() < 2) {
            return Optional.empty();
        }
        Map<String, List<Measurement>> laws = new LinkedHashMap<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double stderr = 0.0;
        double worstChi2 = Double.NaN;
        for (UniversalityClass cls : candidates) {
            double omega = 1.0 / cls.nuPerp();
            Optional<WeightedLeastSquares.Solution> s = fixedOmega(roots, omega);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            double[] p = s.get().parameters();
            low = Math.min(low, p[0]);
            high = Math.max(high, p[0]);
            stderr = Math.max(stderr, s.get().stderr()[0]);
            worstChi2 = Double.isNaN(worstChi2) ? s.get().chi2PerDof() : Math.max(worstChi2, s.get().chi2PerDof());
            laws.put(String.format(Locale.ROOT, "omega = %.4g (%s)", omega, cls.displayName()),
                    law(p[0], p[1], omega, roots));
        }
        String window = window(roots) + ", omega fixed at " + candidates.stream()
                .map(c -> String.format(Locale.ROOT, "%.4g (%s)", 1.0 / c.nuPerp(), c.displayName()))
                .collect(Collectors.joining(", "));
        List<FitResult> fits = List.of(
                new FitResult(CriticalPointExtrapolation.INFINITE, (low + high) / 2, stderr, FIXED_METHOD,
                        window + ": midpoint", worstChi2, roots.size()),
                new FitResult(SYSTEMATIC, (high - low) / 2, Double.NaN, FIXED_METHOD, window + ": half the spread",
                        worstChi2, roots.size()));
        return Optional.of(new CriticalPointExtrapolation.Extrapolation(1, fits, laws));
    }

    /** σ_w,c(∞) and a at a fixed ω: a straight line in L^−ω. */
    private static Optional<WeightedLeastSquares.Solution> fixedOmega(List<Measurement> roots, double omega) {
        double[] x = roots.stream().mapToDouble(m -> Math.pow(m.x(), -omega)).toArray();
        return WeightedLeastSquares.fit(x, values(roots), errors(roots), (u, p, gradient) -> {
            gradient[0] = 1.0;
            gradient[1] = u;
            return p[0] + p[1] * u;
        }, new double[] {roots.get(roots.size() - 1).value(), 0.0});
    }

    private static double freeLaw(double size, double[] p, double[] gradient) {
        double power = Math.pow(size, -p[2]);
        gradient[0] = 1.0;
        gradient[1] = power;
        gradient[2] = -p[1] * power * Math.log(size);
        return p[0] + p[1] * power;
    }

    private static double chi2(WeightedLeastSquares.Solution s, List<Measurement> roots) {
        double sum = 0;
        for (Measurement m : roots) {
            double r = (m.value() - freeLaw(m.x(), s.parameters(), new double[3])) / m.stderr();
            sum += r * r;
        }
        return sum;
    }

    /** The law against 1/L from 0 to 1/L_min. */
    private static List<Measurement> law(double infinite, double slope, double omega, List<Measurement> roots) {
        double right = 1.0 / roots.get(0).x();
        List<Measurement> points = new ArrayList<>();
        for (int i = 0; i < LAW_SAMPLES; i++) {
            double u = right * i / (LAW_SAMPLES - 1);
            points.add(new Measurement(u, infinite + slope * Math.pow(u, omega), Double.NaN));
        }
        return points;
    }

    private static String window(List<Measurement> roots) {
        return "L in " + roots.stream().map(m -> String.valueOf((long) m.x())).collect(Collectors.joining(", ", "[",
                "]")) + ", a L^-omega";
    }

    private static double[] sizes(List<Measurement> roots) {
        return roots.stream().mapToDouble(Measurement::x).toArray();
    }

    private static double[] values(List<Measurement> roots) {
        return roots.stream().mapToDouble(Measurement::value).toArray();
    }

    private static double[] errors(List<Measurement> roots) {
        return roots.stream().mapToDouble(Measurement::stderr).toArray();
    }
}
