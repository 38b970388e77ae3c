package org.critsweep.grid;

import java.util.Objects;
import org.critsweep.kernel.ActivationKind;

/**
 * The points of a {@link ScalingFamily} at one size, which a fit at that size pools (σ_w varies): the width N of an
 * MLP, or the spatial size L of a CNN whose channel count is part of the family.
 */
public record FamilyMember(ScalingFamily family, int size) {

    public FamilyMember {
        Objects.requireNonNull(family, "family");
        Invariant.require(size >= 1, "size", "an integer >= 1", size);
    }

    /** The member of a point or a table row, from its family columns and its {@code width} and {@code size}. */
    public static FamilyMember of(Arch arch, ActivationKind activation, Sampler sampler, double sigmaB, int width,
                                  Integer size) {
        ScalingFamily family = ScalingFamily.of(arch, activation, sampler, sigmaB, width);
        return new FamilyMember(family, family.sizeOf(width, size));
    }

    /** The {@code width} column: N for an MLP, the channel count C for a CNN. */
    public int width() {
        return family.mlp() ? size : family.channels();
    }

    /** The {@code size} column: null for an MLP, L for a CNN. */
    public Integer latticeSize() {
        return family.mlp() ? null : size;
    }

    @Override
    public String toString() {
        return family.arch().label() + "/" + family.activation().label() + "/" + family.sampler().label()
                + " sigma_b=" + family.sigmaB() + " N=" + width() + (family.mlp() ? "" : " L=" + size);
    }
}
