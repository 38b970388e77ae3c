package org.critsweep.grid;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.critsweep.kernel.Protocol;

/**
 * The CNN part of a grid: channel counts C and lattice sizes L to sweep (their product with the other lists), the
 * kernel size, the protocol, and the two activity thresholds at which spreading observables are recorded (two, so
 * that their independence of the threshold can be checked).
 */
public record ConvGrid(List<Integer> channels, List<Integer> sizes, int kernelSize, Protocol protocol,
                       List<Double> activeThresholds) implements Serializable {

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
        Invariant.require(activeThresholds.size() == 2 && activeThresholds.get(0) > 0
                        && activeThresholds.get(0) < activeThresholds.get(1) && activeThresholds.get(1) < 1,
                "active_thresholds", "two increasing values in (0, 1)", activeThresholds);
    }

    public double[] thresholds() {
        return activeThresholds.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
