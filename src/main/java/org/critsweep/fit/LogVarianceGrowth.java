package org.critsweep.fit;

import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The growth of Var ln G with effective depth x = l/n at one width (PHYSICS.md §5): Var ln G(x) = a + s x + c x²,
 * fitted by ordinary least squares over the layers, with the errors of s and c from the bootstrap over replicas (the
 * layers of one replica are correlated, so per-layer errors would not do). For the solvable ReLU net s = n Var ln R
 * (6.7 at n = 16, 5.3 at n = 64, → 5 = n Var R as n grows; linear: n ψ′(n/2) → 2) and c = 0; the curvature measures
 * any departure from independent per-layer factors.
 *
 * @param slope             s
 * @param slopeStderr       its bootstrap standard error
 * @param curvature         c
 * @param curvatureStderr   its bootstrap standard error
 * @param offset            a, Var ln G at l = 0
 * @param layersUsed        the number of layers fitted
 */
public record LogVarianceGrowth(double slope, double slopeStderr, double curvature, double curvatureStderr,
                                double offset, int layersUsed) {

    /**
     * @param width  n
     * @param layers the layers, in order, of the columns of {@code lnG}
     * @param lnG    ln G^l by [replica][layer index], every entry finite
     * @param bootstrap the resampling of replicas, or null for none (the errors are then NaN: the layers' own
     *                  scatter would understate them)
     * @return the fit, or empty with fewer than 4 layers or 3 replicas, or a degenerate design
     */
    public static Optional<LogVarianceGrowth> fit(int width, int[] layers, double[][] lnG, Bootstrap bootstrap) {
        if (layers.length < 4 || lnG.length < 3) {
            return Optional.empty();
        }
        double[] x = new double[layers.length];
        for (int j = 0; j < layers.length; j++) {
            x[j] = layers[j] / (double) width;
        }
        int[] all = new int[lnG.length];
        for (int r = 0; r < all.length; r++) {
            all[r] = r;
        }
        Optional<double[]> point = quadratic(x, variances(lnG, all));
        if (point.isEmpty()) {
            return Optional.empty();
        }
        double[] p = point.get();
        if (bootstrap == null) {
            return Optional.of(new LogVarianceGrowth(p[1], Double.NaN, p[2], Double.NaN, p[0], layers.length));
        }
        double[] failed = {Double.NaN, Double.NaN, Double.NaN};
        double[][] samples = bootstrap.resample(new int[] {lnG.length},
                draw -> quadratic(x, variances(lnG, draw[0])).orElse(failed));
        return Optional.of(new LogVarianceGrowth(p[1], spread(samples, 1), p[2], spread(samples, 2), p[0],
                layers.length));
    }

    private static double[] variances(double[][] lnG, int[] replicas) {
        int layers = lnG[0].length;
        double[] variance = new double[layers];
        for (int j = 0; j < layers; j++) {
            double mean = 0.0;
            for (int r : replicas) {
                mean += lnG[r][j];
            }
            mean /= replicas.length;
            double sum = 0.0;
            for (int r : replicas) {
                double d = lnG[r][j] - mean;
                sum += d * d;
            }
            variance[j] = sum / (replicas.length - 1);
        }
        return variance;
    }

    /** (a, s, c) of y = a + s x + c x² by least squares (QR), or empty for a singular design. */
    private static Optional<double[]> quadratic(double[] x, double[] y) {
        RealMatrix design = new Array2DRowRealMatrix(x.length, 3);
        for (int j = 0; j < x.length; j++) {
            design.setEntry(j, 0, 1.0);
            design.setEntry(j, 1, x[j]);
            design.setEntry(j, 2, x[j] * x[j]);
        }
        try {
            return Optional.of(new QRDecomposition(design).getSolver().solve(new ArrayRealVector(y)).toArray());
        } catch (SingularMatrixException e) {
            return Optional.empty();
        }
    }

    private static double spread(double[][] samples, int k) {
        double sum = 0.0;
        double square = 0.0;
        int count = 0;
        for (double[] s : samples) {
            if (Double.isFinite(s[k])) {
                sum += s[k];
                square += s[k] * s[k];
                count++;
            }
        }
        double mean = sum / count;
        return Math.sqrt(Math.max(0.0, (square - count * mean * mean) / (count - 1)));
    }
}
