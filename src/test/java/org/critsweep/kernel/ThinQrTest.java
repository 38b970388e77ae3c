package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;

/** The specialised thin Householder against EJML's general QR, including columns 1e-200 times smaller. */
class ThinQrTest {

    static double[] column(SplittableRandom random, int n, double scale) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = scale * random.nextGaussian();
        }
        return c;
    }

    /** R is unique up to the sign of each row; compare |R_kj| with the sign fixed by the diagonal. */
    static void assertSameR(double[] c0, double[] c1, double[] c2, int n) {
        DMatrixRMaj y = new DMatrixRMaj(n, 3);
        for (int i = 0; i < n; i++) {
            y.set(i, 0, c0[i]);
            y.set(i, 1, c1[i]);
            y.set(i, 2, c2[i]);
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, 3);
        qr.decompose(y.copy());
        DMatrixRMaj expected = qr.getR(null, true);
        double[] r = new double[9];
        ThinQr.factor(c0.clone(), c1.clone(), c2.clone(), n, r);
        for (int k = 0; k < 3; k++) {
            double sign = Math.signum(r[3 * k + k]) * Math.signum(expected.get(k, k));
            for (int j = k; j < 3; j++) {
                double e = expected.get(k, j);
                // 1e-12 relative to the row's diagonal scale: Householder is backward stable column by column.
                double rowScale = Math.abs(expected.get(k, k)) + Math.abs(e);
                assertEquals(e, sign * r[3 * k + j], 1e-12 * rowScale, "R[" + k + "][" + j + "]");
            }
        }
    }

    @Test
    void matchesEjmlOnRandomBlocks() {
        SplittableRandom random = new SplittableRandom(3571);
        for (int n : new int[] {3, 7, 64, 1031}) {
            assertSameR(column(random, n, 1.0), column(random, n, 2.3), column(random, n, 0.7), n);
        }
    }

    @Test
    void keepsTinyColumnsAtFullRelativePrecision() {
        SplittableRandom random = new SplittableRandom(3581);
        int n = 257;
        double[] a = column(random, n, 1.0);
        double[] d = column(random, n, 1e-200);
        double[] u = column(random, n, 1e-150);
        assertSameR(a, d, u, n);
    }

    @Test
    void zeroColumnGivesAnExactlyZeroRColumn() {
        SplittableRandom random = new SplittableRandom(3583);
        int n = 33;
        double[] r = new double[9];
        ThinQr.factor(column(random, n, 1.0), new double[n], column(random, n, 1.0), n, r);
        assertEquals(0.0, r[1]);
        assertEquals(0.0, r[4]);
        double[] c0 = column(random, n, 1.0);
        double[] c2 = column(random, n, 1.0);
        double norm2 = 0;
        for (double v : c2) {
            norm2 += v * v;
        }
        ThinQr.factor(c0, new double[n], c2.clone(), n, r);
        assertEquals(norm2, r[2] * r[2] + r[5] * r[5] + r[8] * r[8], 1e-12 * norm2, "|column 2|² = Σ_k R_k2²");
    }
}
