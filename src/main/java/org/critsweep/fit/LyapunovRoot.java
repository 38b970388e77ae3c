package org.critsweep.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The finite-width critical point: the σ_w where the Lyapunov estimate λ_N(σ_w) changes sign from negative
 * (ordered) to positive (chaotic), by linear interpolation between the two bracketing grid points
 * (PHYSICS.md §2, §7). The standard error propagates the two λ_N errors through the interpolation (delta method).
 */
public final class LyapunovRoot {

    public static final String QUANTITY = "sigma_w_c";
    public static final String METHOD = "lambda_root_linear";

    private LyapunovRoot() {
    }

    /**
     * @param scan λ_N per σ_w (x = σ_w), any order
     * @return the root, or empty when λ_N never changes sign from − to + across the scan. With several upward
     *         crossings (noise near the root) the one with the steepest bracket is used, and quality counts them.
     */
    public static Optional<FitResult> find(List<Measurement> scan) {
        return find(scan, QUANTITY, METHOD);
    }

    /** The same root of any scan that crosses zero upwards, under another quantity and method name. */
    public static Optional<FitResult> find(List<Measurement> scan, String quantity, String method) {
        List<Measurement> sorted = new ArrayList<>(scan);
        sorted.sort(Comparator.comparingDouble(Measurement::x));
        FitResult best = null;
        double bestSlope = 0.0;
        int crossings = 0;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Measurement lo = sorted.get(i);
            Measurement hi = sorted.get(i + 1);
            if (lo.value() < 0.0 && hi.value() >= 0.0) {
                crossings++;
                double slope = (hi.value() - lo.value()) / (hi.x() - lo.x());
                if (slope > bestSlope) {
                    bestSlope = slope;
                    best = interpolate(lo, hi, quantity, method);
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new FitResult(quantity, best.estimate(), best.stderr(), method, best.window(), crossings, 2));
    }

    private static FitResult interpolate(Measurement lo, Measurement hi, String quantity, String method) {
        double dx = hi.x() - lo.x();
        double dy = hi.value() - lo.value();
        double root = lo.x() - lo.value() * dx / dy;
        // ∂root/∂y_lo = −dx·y_hi/dy², ∂root/∂y_hi = dx·y_lo/dy²
        double variance = dx * dx * (hi.value() * hi.value() * lo.stderr() * lo.stderr()
                + lo.value() * lo.value() * hi.stderr() * hi.stderr()) / (dy * dy * dy * dy);
        return new FitResult(quantity, root, Math.sqrt(variance), method,
                "sigma_w in [" + lo.x() + ", " + hi.x() + "]", 1, 2);
    }
}
