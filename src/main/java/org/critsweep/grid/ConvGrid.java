package org.critsweep.grid;

import java.io.Serializable;
import java.util.List;
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
    }

    public double[] thresholds() {
        return activeThresholds.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
