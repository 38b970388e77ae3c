package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ρ from the kernel's difference propagation against 1 − c of both replicas propagated independently in BigDecimal
 * with 80 significant digits, through the same weights (the stream re-read in its documented order), for a linear
 * net with biases (exact in decimal arithmetic) in its ordered phase, where ρ falls through 1e-16 to below 1e-30. Where doubles give
 * up on 1 − c, the kernel must still agree to 1e-12 relative.
 */
class ExactReferenceTest {

    private static final MathContext DIGITS = new MathContext(80);

    @Test
    void differencePropagationMatchesBigDecimalDownToOneInTenToTheThirty() {
        NetworkSpec spec = new NetworkSpec(ActivationKind.LINEAR.activation(), 0.7, 1.0, 7, 140, 1.3, 0.8);
        for (int replica = 0; replica < 3; replica++) {
            List<Double> kernel = new ArrayList<>();
            MlpPropagator.dense(spec).run(ReplicaStreams.of(4099, 17, replica), o -> kernel.add(o.rho()));
            double[] exact = exactRho(spec, ReplicaStreams.of(4099, 17, replica));
            int checked = 0;
            for (int l = 0; l <= spec.depth(); l++) {
                if (exact[l] >= 1e-30) {
                    assertEquals(exact[l], kernel.get(l), 1e-12 * exact[l], "replica " + replica + ", layer " + l);
                    checked++;
                }
            }
            assertTrue(exact[spec.depth()] < 1e-30, "the test reaches below 1e-30: " + exact[spec.depth()]);
            assertTrue(checked > 60, "layers compared: " + checked);
        }
    }

    /** Both replicas through the same weights in BigDecimal; the inputs built exactly as the kernel builds them. */
    static double[] exactRho(NetworkSpec spec, NormalStream random) {
        int n = spec.width();
        double[] e1 = new double[n];
        double[] e2 = new double[n];
        random.fill(e1, 0, n);
        random.fill(e2, 0, n);
        random.fill(new double[n], 0, n);
        Vectors.scale(e1, 1.0 / Math.sqrt(Vectors.dot(e1, e1)));
        double overlap = Vectors.dot(e1, e2);
        for (int i = 0; i < n; i++) {
            e2[i] -= overlap * e1[i];
        }
        Vectors.scale(e2, 1.0 / Math.sqrt(Vectors.dot(e2, e2)));
        double radius = Math.sqrt(n * spec.q0());
        double along = spec.c0() - 1.0;
        double across = Math.sqrt((1.0 - spec.c0()) * (1.0 + spec.c0()));
        BigDecimal[] a = new BigDecimal[n];
        BigDecimal[] b = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            double ai = radius * e1[i];
            double di = radius * (along * e1[i] + across * e2[i]);
            a[i] = new BigDecimal(ai);
            b[i] = a[i].add(new BigDecimal(di));
        }
        double[] rho = new double[spec.depth() + 1];
        rho[0] = oneMinusCosine(a, b);
        BigDecimal scale = new BigDecimal(spec.sigmaW() / Math.sqrt(n));
        double[] row = new double[n];
        for (int l = 1; l <= spec.depth(); l++) {
            BigDecimal[] nextA = new BigDecimal[n];
            BigDecimal[] nextB = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                random.fill(row, 0, n);
                BigDecimal sumA = BigDecimal.ZERO;
                BigDecimal sumB = BigDecimal.ZERO;
                for (int j = 0; j < n; j++) {
                    BigDecimal w = new BigDecimal(row[j]);
                    sumA = sumA.add(w.multiply(a[j], DIGITS), DIGITS);
                    sumB = sumB.add(w.multiply(b[j], DIGITS), DIGITS);
                }
                nextA[i] = sumA.multiply(scale, DIGITS);
                nextB[i] = sumB.multiply(scale, DIGITS);
            }
            for (int i = 0; i < n; i++) {
                BigDecimal bias = new BigDecimal(spec.sigmaB()).multiply(new BigDecimal(random.nextGaussian()), DIGITS);
                nextA[i] = nextA[i].add(bias, DIGITS);
                nextB[i] = nextB[i].add(bias, DIGITS);
            }
            a = nextA;
            b = nextB;
            rho[l] = oneMinusCosine(a, b);
        }
        return rho;
    }

    private static double oneMinusCosine(BigDecimal[] a, BigDecimal[] b) {
        BigDecimal ab = BigDecimal.ZERO;
        BigDecimal aa = BigDecimal.ZERO;
        BigDecimal bb = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            ab = ab.add(a[i].multiply(b[i], DIGITS), DIGITS);
            aa = aa.add(a[i].multiply(a[i], DIGITS), DIGITS);
            bb = bb.add(b[i].multiply(b[i], DIGITS), DIGITS);
        }
        BigDecimal cosine = ab.divide(aa.multiply(bb, DIGITS).sqrt(DIGITS), DIGITS);
        return BigDecimal.ONE.subtract(cosine, DIGITS).doubleValue();
    }
}
