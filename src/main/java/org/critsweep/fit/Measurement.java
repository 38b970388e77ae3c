package org.critsweep.fit;

/**
 * A measured value with its standard error at a position x (σ_w for a Lyapunov scan, the layer for a decay curve).
 * A NaN standard error (one replica) is allowed here; fits decide whether they can use it.
 */
public record Measurement(double x, double value, double stderr) {

    public Measurement {
        if (!Double.isFinite(x) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("measurement: expected finite x and value, got x=" + x + ", value=" + value);
        }
    }
}
