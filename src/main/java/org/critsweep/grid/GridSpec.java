package org.critsweep.grid;

import java.util.List;

/**
 * The {@code grid} section of a campaign: lists of values whose Cartesian product is the set of points.
 * Values are validated by {@link CampaignParser}; lists are non-empty and free of duplicates.
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
        RecordSchedule record) {

    public GridSpec {
        archs = List.copyOf(archs);
        activations = List.copyOf(activations);
        sigmaB = List.copyOf(sigmaB);
        sigmaW = List.copyOf(sigmaW);
        widths = List.copyOf(widths);
    }
}
