package org.critsweep.grid;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.critsweep.kernel.Protocol;

/**
 * The CNN part of a grid: channel counts C and lattice sizes L to sweep (their product with the other lists), the
 * kernel size, the protocol, and the three activity thresholds at which spreading observables are recorded (three,
 * spanning six decades by default, so that the exponents can be shown not to depend on the threshold, PHYSICS.md §2).
 */
public record ConvGrid(List<Integer> channels, List<Integer> sizes, int kernelSize, Protocol protocol,
                       List<Double> activeThresholds) implements Serializable {

    /** How many activity thresholds a CNN campaign records: the k of the {@code _k} columns of raw and curves. */
    public static final int THRESHOLDS = 3;
    /** The default thresholds, one every three decades. */
    public static final List<Double> DEFAULT_THRESHOLDS = List.of(1e-9, 1e-6, 1e-3);
    /** The allowed values, as error messages state them. */
    public static final String THRESHOLDS_ALLOWED = "three increasing values in (0, 1)";

    public ConvGrid {
        channels = List.copyOf(channels);
        sizes = List.copyOf(sizes);
        activeThresholds = List.copyOf(activeThresholds);
        Objects.requireNonNull(protocol, "protocol");
        Invariant.require(!channels.isEmpty(), "channels", "a non-empty list", channels);
        Invariant.require(!sizes.isEmpty(), "size", "a non-empty list", sizes);
        int smallest = sizes.stream().mapToInt(Integer::intValue).min().orElseThrow();
        Invariant.require(kernelSize % 2 == 1 && kernelSize <= smallest, "kernel_size",
                "an odd integer <= the smallest size (" + smallest + ")", kernelSize);
        Invariant.require(validThresholds(activeThresholds), "active_thresholds", THRESHOLDS_ALLOWED,
                activeThresholds);
    }

    /** Whether {@code values} are exactly {@link #THRESHOLDS} increasing values in (0, 1). */
    public static boolean validThresholds(List<Double> values) {
        if (values.size() != THRESHOLDS || !(values.get(0) > 0.0) || !(values.get(THRESHOLDS - 1) < 1.0)) {
            return false;
        }
        for (int k = 1; k < THRESHOLDS; k++) {
            if (!(values.get(k - 1) < values.get(k))) {
                return false;
            }
        }
        return true;
    }

    public double[] thresholds() {
        return activeThresholds.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
