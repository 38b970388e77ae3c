package org.critsweep.report;

import java.util.Objects;
import org.critsweep.fit.FitResult;
import org.critsweep.grid.ScalingFamily;

/**
 * One row of the {@code fits} table. NULL errors and qualities are NaN in {@code fit}.
 *
 * @param width the table's width column: an MLP's width in a one-width fit (NULL where widths are pooled or
 *              extrapolated), a CNN's channel count
 * @param size  a CNN's size in a one-size fit, else NULL
 * @param scope the rows the fit pools, in words ({@code N=64}, {@code N->inf}, {@code N in [64, 128]})
 */
public record FitRow(ScalingFamily family, Integer width, Integer size, String scope, FitResult fit) {

    public FitRow {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(fit, "fit");
    }

    /** The size of a one-size fit (N for an MLP, L for a CNN); null for the fits that pool or extrapolate sizes. */
    public Integer familySize() {
        return family.mlp() ? width : size;
    }

    public String quantity() {
        return fit.quantity();
    }
}
