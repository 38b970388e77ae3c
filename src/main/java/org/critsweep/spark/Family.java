package org.critsweep.spark;

import org.apache.spark.sql.Row;
import org.critsweep.grid.ScalingFamily;

/** The points a fit pools: same architecture, activation, sampler, σ_b, width (CNN: channels) and size; σ_w varies. */
public record Family(String arch, String activation, String sampler, double sigmaB, int width, Integer size) {

    /** Reads the family columns from a row of {@code curves} or {@code points}. */
    static Family of(Row row) {
        return new Family(row.getAs("arch"), row.getAs("activation"), row.getAs("sampler"),
                row.<Double>getAs("sigma_b"), row.<Integer>getAs("width"), row.<Integer>getAs("size"));
    }

    /** The scaling family this one belongs to, with every size. */
    ScalingFamily scaling() {
        return ScalingFamily.of(arch, activation, sampler, sigmaB, width);
    }

    @Override
    public String toString() {
        return arch + "/" + activation + "/" + sampler + " sigma_b=" + sigmaB + " N=" + width
                + (size == null ? "" : " L=" + size);
    }
}
