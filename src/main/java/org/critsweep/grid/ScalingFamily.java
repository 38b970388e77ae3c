package org.critsweep.grid;

import java.util.Locale;
import java.util.Objects;
import org.critsweep.kernel.ActivationKind;

/**
 * The points a finite-size-scaling analysis pools: one architecture, activation, sampler and σ_b, with σ_w and the
 * system size varying. The size is the width N for an MLP and the spatial size L_x for a CNN, whose channel count C
 * is then fixed as part of the family.
 *
 * @param channels the CNN's C (null for an MLP)
 */
public record ScalingFamily(Arch arch, ActivationKind activation, Sampler sampler, double sigmaB, Integer channels) {

    public ScalingFamily {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(sampler, "sampler");
        Invariant.require(arch.convolutional() == (channels != null), "channels", "a count exactly for a CNN",
                channels + " for " + arch.label());
    }

    /**
     * The family of a row of the {@code points}, {@code curves}, {@code fits} or {@code fit_curves} tables.
     *
     * @param width the row's {@code width} column: an MLP's width, which varies within the family (and is NULL in
     *              the fits that pool widths), or a CNN's channel count, which is part of it
     */
    public static ScalingFamily of(Arch arch, ActivationKind activation, Sampler sampler, double sigmaB,
                                   Integer width) {
        return new ScalingFamily(arch, activation, sampler, sigmaB, arch.convolutional() ? width : null);
    }

    public boolean mlp() {
        return channels == null;
    }

    /** The size variable's symbol: N (MLP width) or L (CNN size). */
    public String sizeSymbol() {
        return mlp() ? "N" : "L";
    }

    /** The size of a member point, from its {@code width} and {@code size} columns: the width of an MLP, else L. */
    public int sizeOf(int width, Integer size) {
        return mlp() ? width : size;
    }

    /** Also the key of the family's bootstrap seeds: it must not change. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s/%s sigma_b=%s%s", arch.label(), activation.label(), sampler.label(),
                sigmaB, mlp() ? "" : " C=" + channels);
    }
}
