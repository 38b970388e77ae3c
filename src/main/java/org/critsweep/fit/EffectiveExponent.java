package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The effective exponent of the offset form, δ_eff(l) = −Δ ln ρ / Δ ln(l + l0), between layers a fixed ratio apart
 * (PHYSICS.md §7). At the critical point it is flat in l; in the ordered phase it grows (exponential decay), in the
 * chaotic phase it falls to 0 (a plateau). Its drift — the slope of δ_eff against ln(l + l0) — therefore changes sign
 * at σ_w,c, which gives the ρ-based estimate of the critical point.
 */
public final class EffectiveExponent {

    /** Successive layers of a pair are at least this ratio apart, so that a difference is not all noise. */
    static final double LAYER_RATIO = 1.25;

    private EffectiveExponent() {
    }

    /**
     * @param curve  ρ per layer with standard errors
     * @param offset l0
     * @return δ_eff at the geometric middle of each pair (x), with the error of the difference (correlations between
     *         the two layers ignored, so an overestimate)
     */
    public static List<Measurement> curve(List<Measurement> curve, double offset, double fromLayer, double toLayer) {
        List<Measurement> usable = DecayWindow.usable(curve, Math.max(fromLayer, 1.0 - offset + 1e-9), toLayer);
        List<Measurement> result = new ArrayList<>();
        int i = 0;
        while (i < usable.size()) {
            Measurement lo = usable.get(i);
            int j = i + 1;
            while (j < usable.size() && usable.get(j).x() + offset < LAYER_RATIO * (lo.x() + offset)) {
                j++;
            }
            if (j == usable.size()) {
                break;
            }
            Measurement hi = usable.get(j);
            double dLog = Math.log((hi.x() + offset) / (lo.x() + offset));
            double value = -Math.log(hi.value() / lo.value()) / dLog;
            double relLo = lo.stderr() / lo.value();
            double relHi = hi.stderr() / hi.value();
            result.add(new Measurement(Math.sqrt(lo.x() * hi.x()), value, Math.hypot(relLo, relHi) / dLog));
            i = j;
        }
        return result;
    }

    /**
     * The drift d δ_eff / d ln(l + l0) over the curve by a weighted straight line; empty below three pairs.
     *
     * @return the drift (value) and its standard error, at x = 0
     */
    public static Optional<Measurement> drift(List<Measurement> effective, double offset) {
        if (effective.size() < 3) {
            return Optional.empty();
        }
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Measurement m : effective) {
            double w = 1.0 / (m.stderr() * m.stderr());
            double x = Math.log(m.x() + offset);
            sw += w;
            sx += w * x;
            sy += w * m.value();
            sxx += w * x * x;
            sxy += w * x * m.value();
        }
        double det = sw * sxx - sx * sx;
        double slope = (sw * sxy - sx * sy) / det;
        double stderr = Math.sqrt(sw / det);
        return Double.isFinite(slope) && Double.isFinite(stderr) ? Optional.of(new Measurement(0.0, slope, stderr))
                : Optional.empty();
    }
}
