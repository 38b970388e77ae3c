package org.critsweep.grid;

import java.util.List;
import java.util.Objects;
import org.critsweep.kernel.ActivationKind;

/**
 * The {@code grid} section of a campaign: lists of values whose Cartesian product is the set of points.
 * Values are validated by {@link CampaignParser}; lists are non-empty and free of duplicates. {@code widths} (MLP)
 * is empty when no MLP is swept, {@code conv} null when no CNN is; {@code sampler} applies to MLPs (CNNs are dense).
 * {@code aroundCritical} (null unless given) adds σ_w values per family around its critical point to the fixed
 * {@code sigmaW} values (which may then be empty): a coarse scan plus a refinement in one campaign.
 */
public record GridSpec(
        List<Arch> archs,
        List<ActivationKind> activations,
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
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(record, "record");
        Invariant.require(!archs.isEmpty(), "arch", "a non-empty list", archs);
        Invariant.require(!activations.isEmpty(), "activation", "a non-empty list", activations);
        Invariant.require(!sigmaB.isEmpty(), "sigma_b", "a non-empty list", sigmaB);
        Invariant.require(!sigmaW.isEmpty() || aroundCritical != null, "sigma_w", "values or around-critical", sigmaW);
        Invariant.require(widths.isEmpty() != archs.contains(Arch.MLP), "width", "widths exactly for an MLP", widths);
        Invariant.require((conv != null) == archs.stream().anyMatch(Arch::convolutional), "conv",
                "a CNN grid exactly for cnn1d/cnn2d/lcn1d/lcn2d", conv);
        Invariant.require(depth >= 1, "depth", "an integer >= 1", depth);
        Invariant.require(replicas >= 1, "replicas", "an integer >= 1", replicas);
        activations = List.copyOf(activations);
        sigmaB = List.copyOf(sigmaB);
        sigmaW = List.copyOf(sigmaW);
        widths = List.copyOf(widths);
    }
}
