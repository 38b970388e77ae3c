package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * One grid point's replica-level values of a curve: {@code values[replica][i]} at position {@code x[i]} (the layer,
 * or a single position for a scalar such as λ_N). The mean over a bootstrap draw of replicas is what a fit sees.
 */
public record ReplicaMatrix(double[] x, double[][] values) {

    public ReplicaMatrix {
        for (double[] replica : values) {
            if (replica.length != x.length) {
                throw new IllegalArgumentException("replica matrix: every replica needs " + x.length
                        + " values, got " + replica.length);
            }
        }
    }

    /** A scalar per replica (λ_N of each replica), at position 0. */
    public static ReplicaMatrix scalar(double[] perReplica) {
        double[][] values = new double[perReplica.length][];
        for (int r = 0; r < perReplica.length; r++) {
            values[r] = new double[] {perReplica[r]};
        }
        return new ReplicaMatrix(new double[] {0.0}, values);
    }

    public int replicas() {
        return values.length;
    }

    /** Mean and standard error of the mean over the drawn replicas, at every position. */
    public List<Measurement> mean(int[] draw) {
        List<Measurement> curve = new ArrayList<>(x.length);
        int n = draw.length;
        for (int i = 0; i < x.length; i++) {
            double sum = 0.0;
            for (int r : draw) {
                sum += values[r][i];
            }
            double mean = sum / n;
            double squares = 0.0;
            for (int r : draw) {
                double d = values[r][i] - mean;
                squares += d * d;
            }
            double stderr = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Double.NaN;
            curve.add(new Measurement(x[i], mean, stderr));
        }
        return curve;
    }
}
