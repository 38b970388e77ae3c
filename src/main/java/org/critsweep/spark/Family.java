package org.critsweep.spark;

import org.apache.spark.sql.Row;
import org.critsweep.grid.Arch;
import org.critsweep.grid.Sampler;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.ActivationKind;

/** The points a fit pools: same architecture, activation, sampler, σ_b, width (CNN: channels) and size; σ_w varies. */
public record Family(Arch arch, ActivationKind activation, Sampler sampler, double sigmaB, int width, Integer size) {

    /** Reads the family columns from a row of {@code curves} or {@code points}. */
    static Family of(Row row) {
        return new Family(FamilyColumns.arch(row), FamilyColumns.activation(row), FamilyColumns.sampler(row),
                row.<Double>getAs("sigma_b"), row.<Integer>getAs("width"), row.<Integer>getAs("size"));
    }

    /** The scaling family this one belongs to, with every size. */
    ScalingFamily scaling() {
        return ScalingFamily.of(arch, activation, sampler, sigmaB, width);
    }

    @Override
    public String toString() {
        return arch.label() + "/" + activation.label() + "/" + sampler.label() + " sigma_b=" + sigmaB + " N=" + width
                + (size == null ? "" : " L=" + size);
    }
}
