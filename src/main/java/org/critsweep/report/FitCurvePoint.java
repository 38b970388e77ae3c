package org.critsweep.report;

import org.critsweep.fit.Measurement;
import org.critsweep.grid.ScalingFamily;

/**
 * One row of the {@code fit_curves} table: a point of a curve behind a fit.
 *
 * @param curve  {@code critical_rho}, {@code delta_eff}, {@code rho_plateau}, {@code xi_par} or
 *               {@code collapse_<data>_<method>}
 * @param series one per size ({@code N=64})
 * @param point  x, y and the error of y (NaN where the table has NULL)
 */
public record FitCurvePoint(ScalingFamily family, String scope, String curve, String series, Measurement point) {
}
