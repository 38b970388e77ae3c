package org.critsweep.fit;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Keeps NaN and ±∞ out of the fit stage. The sweep writes neither (a numerical fault stops its replica, which the
 * aggregation and the fit's inputs leave out; docs/ERRORS.md), so a non-finite value read for a fit means damaged
 * tables or tables written by an older version. The fit refuses them — naming their count and points — rather than
 * bias an estimate by dropping them.
 */
public final class FiniteGuard {

    private static final int POINTS_NAMED = 5;

    private final String source;
    private final SortedSet<String> points = new TreeSet<>();
    private int count;

    /** @param source where the values come from, for the message (e.g. {@code raw.rho}) */
    public FiniteGuard(String source) {
        this.source = source;
    }

    /** Returns {@code value}, counting it against {@code pointId} if it is not finite. */
    public double check(String pointId, double value) {
        if (!Double.isFinite(value)) {
            count++;
            points.add(pointId);
        }
        return value;
    }

    /** @throws IllegalStateException if any value checked so far was not finite */
    public void refuseAny() {
        if (count == 0) {
            return;
        }
        String named = String.join(", ", points.stream().limit(POINTS_NAMED).toList())
                + (points.size() > POINTS_NAMED ? " and " + (points.size() - POINTS_NAMED) + " more" : "");
        throw new IllegalStateException("fit refused: " + count + " non-finite value" + (count == 1 ? "" : "s")
                + " (NaN or infinity) in " + source + ", point" + (points.size() == 1 ? " " : "s ") + named
                + "; the sweep never writes them, so the tables are damaged or older than numerical-fault detection:"
                + " rerun the campaign into a fresh output directory (docs/ERRORS.md, Numerical faults)");
    }
}
