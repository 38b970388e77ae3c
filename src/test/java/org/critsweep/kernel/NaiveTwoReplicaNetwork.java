package org.critsweep.kernel;


/**
 * A textbook forward pass of both inputs h^a and h^b through the same dense layers, reading the random stream in the
 * documented contract order (inputs: e1, e2, u as N Gaussians each; each layer: N² weights row-major, then N biases)
 * and computing ρ = 1 − c naively (test helper; valid only where ρ ≫ 1e-16).
 */
final class NaiveTwoReplicaNetwork {

    private NaiveTwoReplicaNetwork() {
    }

    /** ρ^l = 1 − q_ab/√(q_aa q_bb) for l = 0..depth. */
    static double[] naiveRho(NetworkSpec spec, NormalStream random) {
        int n = spec.width();
        double[] e1 = gaussians(n, random);
        double[] e2 = gaussians(n, random);
        gaussians(n, random); // the tangent's start, unused here
        scale(e1, 1.0 / Math.sqrt(dot(e1, e1)));
        double overlap = dot(e1, e2);
        for (int i = 0; i < n; i++) {
            e2[i] -= overlap * e1[i];
        }
        scale(e2, 1.0 / Math.sqrt(dot(e2, e2)));
        double radius = Math.sqrt(n * spec.q0());
        double across = Math.sqrt(1.0 - spec.c0() * spec.c0());
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = radius * e1[i];
            b[i] = radius * (spec.c0() * e1[i] + across * e2[i]);
        }
        double[] rho = new double[spec.depth() + 1];
        rho[0] = 1.0 - dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
        double weightScale = spec.sigmaW() / Math.sqrt(n);
        Activation phi = spec.activation();
        for (int l = 1; l <= spec.depth(); l++) {
            double[] nextA = new double[n];
            double[] nextB = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double w = weightScale * random.nextGaussian();
                    nextA[i] += w * phi.value(a[j]);
                    nextB[i] += w * phi.value(b[j]);
                }
            }
            for (int i = 0; i < n; i++) {
                double bias = spec.sigmaB() * random.nextGaussian();
                nextA[i] += bias;
                nextB[i] += bias;
            }
            a = nextA;
            b = nextB;
            rho[l] = 1.0 - dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
        }
        return rho;
    }

    private static double[] gaussians(int n, NormalStream random) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static void scale(double[] x, double factor) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= factor;
        }
    }
}
