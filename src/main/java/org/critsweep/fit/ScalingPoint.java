package org.critsweep.fit;

/**
 * One observation entering a data collapse: a system of size {@code size} (N for an MLP, L_x for a CNN) at control
 * value {@code t} (σ_w for a generic collapse, the layer l for a depth scan), with a measured value and its standard
 * error. For a depth scan the value is ln ρ (ρ is log-normally broad; PHYSICS.md §5), for a generic collapse the
 * observable A itself.
 */
public record ScalingPoint(double size, double t, double value, double stderr) {

    public ScalingPoint {
        if (!(size > 0.0) || !Double.isFinite(size) || !Double.isFinite(t) || !Double.isFinite(value)
                || !(stderr > 0.0) || !Double.isFinite(stderr)) {
            throw new IllegalArgumentException("scaling point: expected size > 0, finite t and value and a finite"
                    + " stderr > 0, got size=" + size + ", t=" + t + ", value=" + value + ", stderr=" + stderr);
        }
    }
}
