package org.critsweep.kernel;

/** Sample statistics with their large-sample standard errors (test helper). */
final class Moments {

    private Moments() {
    }

    static double average(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The sample mean; standard error s/√M with s the sample standard deviation. */
    static Estimate mean(double[] x) {
        double m = average(x);
        double s2 = centralMoment(x, m, 2) * x.length / (x.length - 1.0);
        return new Estimate(m, Math.sqrt(s2 / x.length));
    }

    /** The unbiased sample variance; standard error √((μ4 − s⁴)/M) from the sample fourth central moment. */
    static Estimate variance(double[] x) {
        double m = average(x);
        double s2 = centralMoment(x, m, 2) * x.length / (x.length - 1.0);
        double m4 = centralMoment(x, m, 4);
        return new Estimate(s2, Math.sqrt((m4 - s2 * s2) / x.length));
    }

    /**
     * E[X²]/E[X]², estimated as mean(X²)/mean(X)²; standard error by the delta method: the standard deviation of the
     * influence ψ_i = −2(m2/m1³)(X_i − m1) + (X_i² − m2)/m1², over √M.
     */
    static Estimate secondMomentRatio(double[] x) {
        double m1 = average(x);
        double m2 = 0.0;
        for (double v : x) {
            m2 += v * v;
        }
        m2 /= x.length;
        double g1 = -2.0 * m2 / (m1 * m1 * m1);
        double g2 = 1.0 / (m1 * m1);
        double[] influence = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            influence[i] = g1 * (x[i] - m1) + g2 * (x[i] * x[i] - m2);
        }
        return new Estimate(m2 / (m1 * m1), mean(influence).standardError());
    }

    private static double centralMoment(double[] x, double mean, int power) {
        double s = 0.0;
        for (double v : x) {
            s += Math.pow(v - mean, power);
        }
        return s / x.length;
    }
}
