package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Weighted least-squares polynomials in ln l of a logarithmic curve (PHYSICS.md §7): a straight line
 * ln y = a + s ln l, whose slope s gives a spreading exponent, and a parabola ln y = a + b ln l + c ln² l, whose
 * curvature is the drift of the local slope (d s_eff / d ln l = 2c). Only layers up to {@code lastLayer} with a finite
 * value and a positive finite variance are used. The errors are the fit's own, inflated by χ²/dof when the scatter
 * exceeds the weights; the layers share replicas, so these are rough, and the bootstrap's replace them.
 */
final class LogLogFit {

    /** A polynomial coefficient with its error, the χ²/dof of the fit and the number of layers it used. */
    record Coefficient(double value, double stderr, double chi2PerDof, int used) {
    }

    private LogLogFit() {
    }

    /** The slope of the straight line; empty below 3 usable layers. */
    static Optional<Coefficient> slope(double[] layers, double[] ln, double[] variance, double lastLayer) {
        return coefficient(layers, ln, variance, lastLayer, 1);
    }

    /** The curvature c of the parabola; empty below 4 usable layers. */
    static Optional<Coefficient> curvature(double[] layers, double[] ln, double[] variance, double lastLayer) {
        return coefficient(layers, ln, variance, lastLayer, 2);
    }

    /**
     * The layer pairs of the local slopes: successive usable layers (up to {@code lastLayer}) at least {@code ratio}
     * apart, as indices into {@code layers}. They are chosen once, on the full data, so that every bootstrap resample
     * differences the same layers.
     */
    static List<int[]> slopePairs(double[] layers, double[] ln, double[] variance, double lastLayer, double ratio) {
        List<Integer> usable = usable(layers, ln, variance, lastLayer);
        List<int[]> pairs = new ArrayList<>();
        int i = 0;
        while (i < usable.size()) {
            int lo = usable.get(i);
            int j = i + 1;
            while (j < usable.size() && layers[usable.get(j)] < ratio * layers[lo]) {
                j++;
            }
            if (j == usable.size()) {
                break;
            }
            pairs.add(new int[] {lo, usable.get(j)});
            i = j;
        }
        return pairs;
    }

    /** The local slope Δ ln y / Δ ln l of one pair; NaN where either value is missing. */
    static double localSlope(double[] layers, double[] ln, int[] pair) {
        return (ln[pair[1]] - ln[pair[0]]) / Math.log(layers[pair[1]] / layers[pair[0]]);
    }

    private static Optional<Coefficient> coefficient(double[] layers, double[] ln, double[] variance, double lastLayer,
                                                     int degree) {
        List<Integer> usable = usable(layers, ln, variance, lastLayer);
        int n = usable.size();
        int k = degree + 1;
        if (n < k + 1) {
            return Optional.empty();
        }
        double[][] normal = new double[k][k];
        double[] right = new double[k];
        for (int i : usable) {
            double x = Math.log(layers[i]);
            double w = 1.0 / variance[i];
            for (int a = 0; a < k; a++) {
                right[a] += w * Math.pow(x, a) * ln[i];
                for (int b = 0; b < k; b++) {
                    normal[a][b] += w * Math.pow(x, a + b);
                }
            }
        }
        try {
            RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(normal, false)).getSolver()
                    .getInverse();
            double[] p = inverse.operate(new ArrayRealVector(right, false)).toArray();
            double chi2 = 0.0;
            for (int i : usable) {
                double x = Math.log(layers[i]);
                double model = 0.0;
                for (int a = 0; a < k; a++) {
                    model += p[a] * Math.pow(x, a);
                }
                chi2 += (ln[i] - model) * (ln[i] - model) / variance[i];
            }
            double chi2PerDof = chi2 / (n - k);
            double stderr = Math.sqrt(inverse.getEntry(degree, degree) * Math.max(1.0, chi2PerDof));
            return Double.isFinite(p[degree]) && Double.isFinite(stderr)
                    ? Optional.of(new Coefficient(p[degree], stderr, chi2PerDof, n)) : Optional.empty();
        } catch (SingularMatrixException singular) {
            return Optional.empty();
        }
    }

    private static List<Integer> usable(double[] layers, double[] ln, double[] variance, double lastLayer) {
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] > 0 && layers[i] <= lastLayer && Double.isFinite(ln[i]) && variance[i] > 0.0
                    && Double.isFinite(variance[i])) {
                usable.add(i);
            }
        }
        return usable;
    }
}
