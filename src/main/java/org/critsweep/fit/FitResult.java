package org.critsweep.fit;

/**
 * One fitted quantity, as it goes into the {@code fits} table.
 *
 * @param quantity what was estimated, e.g. {@code sigma_w_c} or {@code delta}
 * @param estimate the estimate (from the full data)
 * @param stderr   its standard error
 * @param ciLow    lower end of the 95 % confidence interval
 * @param ciHigh   upper end of the 95 % confidence interval
 * @param method   how: e.g. {@code lambda_root_linear} or {@code wls_offset_power_law}; a bootstrap error adds
 *                 {@code +bootstrap}
 * @param window   the data the fit used, in words (e.g. {@code sigma_w in [1.42, 1.44]}, {@code layer in [10, 128]})
 * @param quality  a goodness measure whose meaning {@code method} defines (χ²/dof for least squares)
 * @param nUsed    the number of data points used
 */
public record FitResult(String quantity, double estimate, double stderr, double ciLow, double ciHigh, String method,
                        String window, double quality, int nUsed) {

    /** Two-sided 95 % normal quantile. */
    private static final double Z95 = 1.959963984540054;

    public FitResult {
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException(quantity + ": a fit must not produce a non-finite estimate, got " + estimate);
        }
    }

    /** A result whose 95 % interval is the normal one, estimate ± 1.96 stderr. */
    public FitResult(String quantity, double estimate, double stderr, String method, String window, double quality,
                     int nUsed) {
        this(quantity, estimate, stderr, estimate - Z95 * stderr, estimate + Z95 * stderr, method, window, quality,
                nUsed);
    }

    /**
     * This estimate with its error replaced by a bootstrap's: the standard deviation of the resampled estimates and
     * their 2.5 % and 97.5 % percentiles.
     */
    public FitResult withBootstrap(BootstrapDistribution distribution) {
        return new FitResult(quantity, estimate, distribution.standardDeviation(), distribution.percentile(2.5),
                distribution.percentile(97.5), method + "+bootstrap", window, quality, nUsed);
    }
}
