package org.critsweep.grid;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grid.sigma_w = { around-critical = { half-width = h, points = n } }}: n values of σ_w evenly spaced over
 * [c − h, c + h] around each family's critical point c — the λ_N root measured by an earlier run of the campaign when
 * there is one, else the mean-field value (PHYSICS.md §4); with {@code linspace} next to it, in addition to those
 * coarse values. Rerunning refines: the grid recentres on the measured roots and only the new points are computed.
 */
public record AroundCritical(double halfWidth, int points) implements Serializable {

    /** Values are rounded to 12 significant digits, as linspace values are, so that ids are stable. */
    private static final MathContext GRID_DIGITS = new MathContext(12);

    public AroundCritical {
        Invariant.require(halfWidth > 0 && Double.isFinite(halfWidth), "half-width", "a finite number > 0", halfWidth);
        Invariant.require(points >= 2 && points <= GridSection.MAX_SIGMA_W_VALUES, "points",
                "an integer in [2, " + GridSection.MAX_SIGMA_W_VALUES + "]", points);
    }

    /** The σ_w values around {@code centre} (values ≤ 0 are dropped). */
    public List<Double> around(double centre) {
        List<Double> values = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            double v = centre - halfWidth + 2 * halfWidth * i / (points - 1);
            double rounded = new BigDecimal(v).round(GRID_DIGITS).doubleValue();
            if (rounded > 0) {
                values.add(rounded);
            }
        }
        return values;
    }
}
