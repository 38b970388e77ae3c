package org.critsweep.grid;

import java.util.List;

/**
 * The {@code grid} section of a campaign: lists of values whose Cartesian product is the set of points.
 * Values are validated by {@link CampaignParser}; lists are non-empty and free of duplicates. {@code widths} (MLP)
 * is empty when no MLP is swept, {@code conv} null when no CNN is; {@code sampler} applies to MLPs (CNNs are dense).
 * {@code aroundCritical} (null unless given) adds σ_w values per family around its critical point to the fixed
 * {@code sigmaW} values (which may then be empty): a coarse scan plus a refinement in one campaign.
 */
public record GridSpec(
        List<Arch> archs,
        List<String> activations,
        Sampler sampler,
        List<Double> sigmaB,
        List<Double> sigmaW,
        List<Integer> widths,
        int depth,
        int replicas,
        double q0,
        double c0,
        RecordSchedule record,
        ConvGrid conv,
        AroundCritical aroundCritical) implements java.io.Serializable {

    public GridSpec {
        archs = List.copyOf(archs);
        activations = List.copyOf(activations);
        sigmaB = List.copyOf(sigmaB);
        sigmaW = List.copyOf(sigmaW);
        widths = List.copyOf(widths);
    }
}
