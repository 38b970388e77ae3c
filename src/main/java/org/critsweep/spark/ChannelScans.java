package org.critsweep.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.critsweep.fit.ChannelScan;
import org.critsweep.fit.FamilyAnalysis;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.Measurement;
import org.critsweep.grid.Arch;
import org.critsweep.grid.Sampler;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.theory.CriticalLine;
import org.critsweep.theory.NoCriticalPointException;

/**
 * The fit stage's pass across CNN families (PHYSICS.md §5): families that differ only in the channels C give
 * σ_w,c(C) — the L-extrapolated σ_w,c(∞) where there is one, else the root at the largest L — and
 * {@link ChannelScan} fits its approach to the mean-field σ_w,c, which the theory supplies here (fit may not import
 * theory).
 */
final class ChannelScans {

    private ChannelScans() {
    }

    /** What the families of one scan share: all but C. */
    private record Key(Arch arch, ActivationKind activation, Sampler sampler, double sigmaB) {

        ScalingFamily withChannels(int channels) {
            return new ScalingFamily(arch, activation, sampler, sigmaB, channels);
        }
    }

    /**
     * The critical points enter with their statistical errors; the systematic of a fixed-ω extrapolation in L is
     * left out, because it moves every C the same way rather than scattering them.
     */
    static void add(FitTables tables, Map<ScalingFamily, FamilyAnalysis.Report> reports) {
        Map<Key, TreeMap<Integer, Measurement>> scans = new LinkedHashMap<>();
        reports.forEach((family, report) -> {
            if (!family.mlp()) {
                Key key = new Key(family.arch(), family.activation(), family.sampler(), family.sigmaB());
                criticalPoint(report).ifPresent(r -> scans.computeIfAbsent(key, k -> new TreeMap<>())
                        .put(family.channels(), new Measurement(family.channels(), r.estimate(), r.stderr())));
            }
        });
        scans.forEach((key, byChannels) -> meanField(key.activation(), key.sigmaB()).ifPresent(mf -> ChannelScan
                .fit(new ArrayList<>(byChannels.values()), mf)
                .ifPresent(scan -> tables.channelScan(key.withChannels(byChannels.lastKey()), scan))));
    }

    /** σ_w,c(∞) from the lattice extrapolation, else the root of the largest size that has one. */
    private static Optional<FitResult> criticalPoint(FamilyAnalysis.Report report) {
        return report.extrapolation().map(e -> e.infinite())
                .or(() -> report.sizes().stream().flatMap(s -> s.root().stream()).reduce((a, b) -> b));
    }

    /** The mean-field σ_w,c (fan-in C k^d, PHYSICS.md §5); empty where the activation has none at that σ_b. */
    private static OptionalDouble meanField(ActivationKind activation, double sigmaB) {
        try {
            return OptionalDouble.of(CriticalLine.sigmaWc(activation.activation(), sigmaB));
        } catch (NoCriticalPointException e) {
            return OptionalDouble.empty();
        }
    }
}
