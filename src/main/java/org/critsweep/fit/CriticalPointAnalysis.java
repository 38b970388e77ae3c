package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The critical point of a family of sizes (PHYSICS.md §5, §7): per size the root of λ_N(σ_w), then the extrapolation
 * in the size ({@link SizeExtrapolation}: σ_w,c(N) = σ_w,c(∞) + a/N (+ b/N²) for MLP widths, σ_w,c(∞) + a·L^−ω for
 * CNN lattices). With a bootstrap, every resample redraws the replicas of every grid point of every size and
 * recomputes the roots and the extrapolation (in the form chosen on the full data), so the errors of σ_w,c(∞) and a
 * include the correlation the shared resample induces.
 */
public final class CriticalPointAnalysis {

    /**
     * One size's Lyapunov scan.
     *
     * @param size   N (MLP) or L_x (CNN)
     * @param sigmaW the grid's σ_w values
     * @param lambda λ_N per replica at each σ_w
     */
    public record SizeScan(double size, double[] sigmaW, ReplicaMatrix[] lambda) {
    }

    /** Root per size (empty where λ_N has no sign change), and the extrapolation when the roots support one. */
    public record Result(List<Optional<FitResult>> roots, Optional<CriticalPointExtrapolation.Extrapolation> extrapolation) {
    }

    private CriticalPointAnalysis() {
    }

    /**
     * @param scans         one per size, in increasing size
     * @param bootstrap     the resampling, or null for the interpolation's own (delta-method) errors
     * @param extrapolation how the roots extrapolate in the size, or null for none
     */
    public static Result analyse(List<SizeScan> scans, Bootstrap bootstrap, SizeExtrapolation extrapolation) {
        int[] groupSizes = scans.stream().flatMap(s -> java.util.Arrays.stream(s.lambda()))
                .mapToInt(ReplicaMatrix::replicas).toArray();
        List<Optional<FitResult>> roots = roots(scans, Bootstrap.identity(groupSizes));
        double[][] samples = bootstrap == null ? null
                : bootstrap.resample(groupSizes, draw -> rootValues(roots(scans, draw)));
        List<Optional<FitResult>> reported = new ArrayList<>();
        for (int s = 0; s < scans.size(); s++) {
            int column = s;
            reported.add(roots.get(s).map(r -> samples == null ? r : r.withBootstrap(Bootstrap.column(samples, column))));
        }
        if (extrapolation == null) {
            return new Result(reported, Optional.empty());
        }
        List<Measurement> rootData = rootMeasurements(scans, reported);
        Optional<CriticalPointExtrapolation.Extrapolation> chosen = extrapolation.fit(rootData);
        if (chosen.isEmpty() || samples == null) {
            return new Result(reported, chosen);
        }
        int terms = chosen.get().fits().size();
        double[][] extrapolated = new double[samples.length][];
        for (int b = 0; b < samples.length; b++) {
            List<Measurement> resampled = new ArrayList<>();
            for (int s = 0; s < scans.size(); s++) {
                if (reported.get(s).isPresent() && Double.isFinite(samples[b][s])) {
                    resampled.add(new Measurement(scans.get(s).size(), samples[b][s], reported.get(s).get().stderr()));
                }
            }
            extrapolated[b] = resampled.size() == rootData.size()
                    ? extrapolation.refit(resampled, chosen.get()) : CriticalPointExtrapolation.nans(terms);
        }
        List<FitResult> withErrors = new ArrayList<>();
        for (int k = 0; k < terms; k++) {
            withErrors.add(chosen.get().fits().get(k).withBootstrap(Bootstrap.column(extrapolated, k)));
        }
        return new Result(reported, Optional.of(new CriticalPointExtrapolation.Extrapolation(chosen.get().order(),
                withErrors, chosen.get().laws())));
    }

    private static List<Optional<FitResult>> roots(List<SizeScan> scans, int[][] draw) {
        List<Optional<FitResult>> roots = new ArrayList<>();
        int group = 0;
        for (SizeScan scan : scans) {
            List<Measurement> lambda = new ArrayList<>();
            for (int p = 0; p < scan.sigmaW().length; p++) {
                Measurement mean = scan.lambda()[p].mean(draw[group++]).get(0);
                lambda.add(new Measurement(scan.sigmaW()[p], mean.value(), mean.stderr()));
            }
            roots.add(LyapunovRoot.find(lambda));
        }
        return roots;
    }

    private static double[] rootValues(List<Optional<FitResult>> roots) {
        return roots.stream().mapToDouble(r -> r.map(FitResult::estimate).orElse(Double.NaN)).toArray();
    }

    private static List<Measurement> rootMeasurements(List<SizeScan> scans, List<Optional<FitResult>> roots) {
        List<Measurement> data = new ArrayList<>();
        for (int s = 0; s < scans.size(); s++) {
            int size = s;
            roots.get(s).ifPresent(r -> data.add(new Measurement(scans.get(size).size(), r.estimate(), r.stderr())));
        }
        return data;
    }
}
