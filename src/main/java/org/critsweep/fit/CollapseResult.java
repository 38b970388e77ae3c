package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * What a data collapse found.
 *
 * @param method    {@code hh} (Houdayer–Hartmann) or {@code bayes} (Harada's Gaussian process)
 * @param names     the parameter names of the scaling form, in order
 * @param estimate  the fitted parameters
 * @param stderr    their standard errors (HH: half-width where S = S_min + 1; Bayes: posterior standard deviation)
 * @param quality   HH: S at the minimum (≈ 1 for a good collapse); Bayes: the negative log marginal likelihood per point
 * @param collapsed every point mapped under the fitted parameters, for plotting
 */
public record CollapseResult(String method, List<String> names, double[] estimate, double[] stderr, double quality,
                             List<ScaledPoint> collapsed) {

    /** One fit row per parameter, quantity = parameter name. */
    public List<FitResult> asFits(String window) {
        List<FitResult> fits = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fits.add(new FitResult(names.get(i), estimate[i], stderr[i], "collapse_" + method, window, quality,
                    collapsed.size()));
        }
        return fits;
    }
}
