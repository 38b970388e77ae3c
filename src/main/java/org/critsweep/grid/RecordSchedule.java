package org.critsweep.grid;

import java.io.Serializable;
import java.util.TreeSet;

/**
 * Which layers a replica writes to the {@code raw} table: every layer, or about {@code logPoints} log-spaced ones.
 * Layers 0 and the last are always recorded, so λ_N (from the running tangent log-norm at the last layer) never
 * depends on the schedule.
 *
 * @param logPoints 0 for every layer, else the number of log-spaced layers between 1 and the depth
 */
public record RecordSchedule(int logPoints) implements Serializable {

    public RecordSchedule {
        if (logPoints < 0 || logPoints == 1) {
            throw new IllegalArgumentException("record.log: expected an integer >= 2, got " + logPoints);
        }
    }

    public static RecordSchedule every() {
        return new RecordSchedule(0);
    }

    public static RecordSchedule log(int points) {
        return new RecordSchedule(points);
    }

    /** A mask over layers 0..depth, true where the layer is recorded. */
    public boolean[] mask(int depth) {
        boolean[] recorded = new boolean[depth + 1];
        if (logPoints == 0) {
            java.util.Arrays.fill(recorded, true);
            return recorded;
        }
        logLayers(depth).forEach(l -> recorded[l] = true);
        return recorded;
    }

    /**
     * The number of recorded layers for this depth (without a mask: the depth may be large).
     *
     * @throws ArithmeticException for a depth of {@link Integer#MAX_VALUE} with every layer recorded (the parser
     *                             caps the depth at {@link Limits#MAX_DEPTH})
     */
    public int count(int depth) {
        return logPoints == 0 ? Math.addExact(depth, 1) : logLayers(depth).size();
    }

    private TreeSet<Integer> logLayers(int depth) {
        TreeSet<Integer> layers = new TreeSet<>();
        layers.add(0);
        for (int k = 0; k < logPoints; k++) {
            layers.add((int) Math.round(Math.pow(depth, k / (double) (logPoints - 1))));
        }
        layers.add(depth);
        return layers;
    }

    @Override
    public String toString() {
        return logPoints == 0 ? "every" : "{ log = " + logPoints + " }";
    }
}
