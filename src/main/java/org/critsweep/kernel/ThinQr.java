package org.critsweep.kernel;

/**
 * The R factor of a thin Householder QR of an N × 3 block (Golub & Van Loan, Algorithm 5.2.1), specialised to three
 * columns and to computing R only (EJML's general QR is the reference in the tests).
 *
 * <p>Householder keeps every column at full relative precision whatever its size relative to the others — a tiny
 * difference or tangent column gets an R column as accurate as itself, which a Cholesky factor of YᵀY does not
 * (Yᵀ Y squares the condition number). A zero column gives an exactly zero R column. The diagonal of R may be
 * negative: Rᵀ R = Yᵀ Y is all the Gram sampler needs. Works in place on the caller's columns.
 */
final class ThinQr {

    private ThinQr() {
    }

    /**
     * Overwrites the columns with Householder vectors and writes R row-major into {@code r}
     * (r[3k + j] = R_kj for j ≥ k; zeros below the diagonal).
     */
    static void factor(double[] c0, double[] c1, double[] c2, int n, double[] r) {
        java.util.Arrays.fill(r, 0.0);
        double[][] columns = {c0, c1, c2};
        for (int k = 0; k < 3; k++) {
            double[] x = columns[k];
            double scale = Vectors.maxAbs(x, k, n);
            if (scale == 0.0) {
                for (int j = k + 1; j < 3; j++) {
                    r[3 * k + j] = columns[j][k];
                }
                continue;
            }
            // Work with x/scale, scale a power of two near max|x| (an exact rescaling), so that neither |x|² nor vᵀv
            // underflows for columns as small as 1e-300.
            int exponent = Math.getExponent(scale);
            scale = Math.scalb(1.0, exponent);
            double inverse = Math.scalb(1.0, -exponent);
            for (int i = k; i < n; i++) {
                x[i] *= inverse;
            }
            double norm2 = Vectors.dot(x, x, k, n);
            double alpha = -Math.copySign(Math.sqrt(norm2), x[k]);
            // v = x − αe_k, stored in x[k..n); vᵀv = 2α(α − x_k)
            double vtv = 2.0 * alpha * (alpha - x[k]);
            x[k] -= alpha;
            r[3 * k + k] = alpha * scale;
            for (int j = k + 1; j < 3; j++) {
                double[] y = columns[j];
                double f = 2.0 * Vectors.dot(x, y, k, n) / vtv;
                for (int i = k; i < n; i++) {
                    y[i] -= f * x[i];
                }
                r[3 * k + j] = y[k];
            }
        }
    }
}
