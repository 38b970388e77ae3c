package org.critsweep.fit;

import java.util.Locale;

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
     * {@code delta = 0.500 ± 0.010}: the error to two significant digits, the estimate to the same place; without a
     * finite positive error, {@code delta = 0.500000} (six significant digits).
     */
    public String valueWithError() {
        return valueWithError(quantity);
    }

    /** {@link #valueWithError()} under another name, e.g. a symbol ({@code δ = 0.500 ± 0.010}). */
    public String valueWithError(String name) {
        if (!(stderr > 0.0) || !Double.isFinite(stderr)) {
            return String.format(Locale.ROOT, "%s = %.6g", name, estimate);
        }
        int decimals = (int) Math.max(0, Math.min(10, 1 - Math.floor(Math.log10(stderr))));
        return String.format(Locale.ROOT, "%s = %." + decimals + "f ± %." + decimals + "f", name, estimate, stderr);
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
