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
        Invariant.require(points >= 2 && points <= Limits.MAX_SIGMA_W_VALUES, "points",
                "an integer in [2, " + Limits.MAX_SIGMA_W_VALUES + "]", points);
    }

    /**
     * The σ_w values around {@code centre}.
     *
     * @throws BadInputException naming the half-width when the lowest value would not be > 0 (it must be below the
     *                           centre)
     */
    public List<Double> around(double centre) {
        List<Double> values = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            double v = centre - halfWidth + 2 * halfWidth * i / (points - 1);
            values.add(new BigDecimal(v).round(GRID_DIGITS).doubleValue());
        }
        if (!(values.get(0) > 0)) {
            throw new BadInputException("grid.sigma_w.around-critical.half-width", "expected a number in (0, "
                    + centre + "), the critical point, so that every sigma_w is > 0, got "
                    + halfWidth);
        }
        return values;
    }
}
