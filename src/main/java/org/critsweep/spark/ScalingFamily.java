package org.critsweep.spark;

import java.util.Locale;

/**
 * The points a finite-size-scaling analysis pools: one architecture, activation, sampler and σ_b, with σ_w and the
 * system size varying. The size is the width N for an MLP and the spatial size L_x for a CNN, whose channel count C
 * is then fixed as part of the family.
 *
 * @param channels the CNN's C (null for an MLP)
 */
public record ScalingFamily(String arch, String activation, String sampler, double sigmaB, Integer channels) {

    static ScalingFamily of(Family f) {
        boolean mlp = f.size() == null;
        return new ScalingFamily(f.arch(), f.activation(), f.sampler(), f.sigmaB(), mlp ? null : f.width());
    }

    public boolean mlp() {
        return channels == null;
    }

    /** The size variable's symbol: N (MLP width) or L (CNN size). */
    public String sizeSymbol() {
        return mlp() ? "N" : "L";
    }

    /** The size of a member family: its width for an MLP, its spatial size for a CNN. */
    static int sizeOf(Family f) {
        return f.size() == null ? f.width() : f.size();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s/%s sigma_b=%s%s", arch, activation, sampler, sigmaB,
                mlp() ? "" : " C=" + channels);
    }
}
