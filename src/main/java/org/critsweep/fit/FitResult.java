package org.critsweep.fit;

/**
 * One fitted quantity, as it goes into the {@code fits} table.
 *
 * @param quantity what was estimated, e.g. {@code sigma_w_c} or {@code kappa}
 * @param estimate the estimate
 * @param stderr   its standard error
 * @param method   how: e.g. {@code lambda_root_linear} or {@code wls_inverse_rho}
 * @param window   the data the fit used, in words (e.g. {@code sigma_w in [1.42, 1.44]}, {@code layer in [10, 128]})
 * @param quality  a goodness measure whose meaning {@code method} defines (χ²/dof for least squares)
 * @param nUsed    the number of data points used
 */
public record FitResult(String quantity, double estimate, double stderr, String method, String window,
                        double quality, int nUsed) {

    /** Two-sided 95 % normal quantile, for the confidence interval columns. */
    private static final double Z95 = 1.959963984540054;

    public FitResult {
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException(quantity + ": a fit must not produce a non-finite estimate, got " + estimate);
        }
    }

    public double ciLow() {
        return estimate - Z95 * stderr;
    }

    public double ciHigh() {
        return estimate + Z95 * stderr;
    }
}
