package org.critsweep.spark;

import org.apache.spark.sql.Row;
import org.critsweep.grid.Arch;
import org.critsweep.grid.FamilyMember;
import org.critsweep.grid.Sampler;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.kernel.Labelled;

/** The family columns of a table row ({@code arch}, {@code activation}, {@code sampler}) read back as enums. */
final class FamilyColumns {

    private FamilyColumns() {
    }

    static Arch arch(Row r) {
        return Labelled.ofLabel(Arch.class, "arch", r.getAs("arch"));
    }

    static ActivationKind activation(Row r) {
        return Labelled.ofLabel(ActivationKind.class, "activation", r.getAs("activation"));
    }

    /** The family member of a row of {@code points}, {@code curves} or the per-size {@code fits}. */
    static FamilyMember member(Row r) {
        return FamilyMember.of(arch(r), activation(r), sampler(r), r.<Double>getAs("sigma_b"),
                r.<Integer>getAs("width"), r.<Integer>getAs("size"));
    }

    static Sampler sampler(Row r) {
        return Labelled.ofLabel(Sampler.class, "sampler", r.getAs("sampler"));
    }
}
