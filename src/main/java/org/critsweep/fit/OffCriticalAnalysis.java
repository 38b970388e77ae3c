package org.critsweep.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * β and ν_∥ of one size from its σ_w scan (PHYSICS.md §6–7): the chaotic plateau ρ* (the mean of each replica's ρ over
 * the plateau window, then over replicas) against τ gives β; the correlation depth ξ_∥ of each point's mean curve
 * against |τ| gives ν_∥ ({@link OffCriticalExponents}, {@link CorrelationDepthFit}). With a bootstrap, every resample
 * redraws the replicas of every point and also draws σ_w,c from a normal of its standard error, so the interval
 * holds both the replica noise and the uncertainty of the critical point.
 *
 * <p>Only points with τ_min ≤ |τ| ≤ τ_max enter (τ relative to the full-data σ_w,c): closer to σ_w,c a finite
 * system rounds the power laws off, farther away the maps' curvature bends them (corrections to scaling).
 *
 * <p>A correlation depth comes from the exponential tail ({@link #resolvedDepth}) and enters the ν_∥ fit only when
 * the window resolves it. Longer ones (the points nearest σ_w,c) are extrapolations of an exponential the data do
 * not show.
 */
public final class OffCriticalAnalysis {

    /**
     * One grid point of the scan.
     *
     * @param sigmaW σ_w
     * @param rho    ρ per replica and layer, covering both windows
     */
    public record ScanPoint(double sigmaW, ReplicaMatrix rho) {
    }

    /**
     * @param plateauWindow layers averaged for ρ* (inclusive)
     * @param xiWindow      layers of the exponential-approach fit (inclusive)
     * @param tauMin        the smallest |τ| used (outside the finite-size crossover)
     * @param tauMax        the largest |τ| used (where corrections to scaling are small)
     * @param beta          whether to estimate β
     * @param nuParallel    whether to estimate ν_∥
     */
    public record Settings(LayerWindow plateauWindow, LayerWindow xiWindow, double tauMin, double tauMax, boolean beta,
                           boolean nuParallel) {
    }

    /**
     * @param exponents β and ν_∥, each when its fit succeeded
     * @param plateaus  ρ* per chaotic σ_w (full data), for plotting
     * @param depths    the resolved ξ_∥ per σ_w (full data), for plotting
     * @param bootstraps  the resampled estimates by quantity ({@code beta}, {@code nu_par}); empty without a bootstrap
     */
    public record Result(List<FitResult> exponents, List<Measurement> plateaus, List<Measurement> depths,
                         Map<String, BootstrapDistribution> bootstraps) {

        public Result {
            bootstraps = Map.copyOf(bootstraps);
        }

        /** Each exponent as the verdict weighs it, with its bootstrap distribution when there is one. */
        public List<ExponentEvidence> evidence(String source) {
            return exponents.stream().map(f -> ExponentEvidence.of(f,
                    Optional.ofNullable(bootstraps.get(f.quantity())), source)).toList();
        }
    }

    private OffCriticalAnalysis() {
    }

    /**
     * @param criticalPoint σ_w,c of this size with its standard error
     * @param bootstrap     the resampling, or null for the fits' own errors
     */
    public static Result analyse(List<ScanPoint> fullScan, FitResult criticalPoint, Settings settings,
                                 Bootstrap bootstrap) {
        double sigmaWc = criticalPoint.estimate();
        List<ScanPoint> scan = fullScan.stream().filter(p -> Math.abs(p.sigmaW() - sigmaWc) >= settings.tauMin()
                && Math.abs(p.sigmaW() - sigmaWc) <= settings.tauMax()).toList();
        int[] groupSizes = scan.stream().mapToInt(p -> p.rho().replicas()).toArray();
        double sigmaWcError = Double.isFinite(criticalPoint.stderr()) ? criticalPoint.stderr() : 0.0;
        List<ReplicaMatrix> plateaus = scan.stream().map(p -> plateau(p.rho(), settings.plateauWindow())).toList();
        Estimates full = estimate(scan, plateaus, Bootstrap.identity(groupSizes), settings, sigmaWc, sigmaWcError);
        List<FitResult> results = new ArrayList<>();
        if (bootstrap == null) {
            full.beta().ifPresent(results::add);
            full.nuParallel().ifPresent(results::add);
            return new Result(results, full.plateaus(), full.depths(), Map.of());
        }
        SplittableRandom shifts = new SplittableRandom(bootstrap.companionSeed());
        double[][] samples = bootstrap.resample(groupSizes, draw -> {
            double shifted = sigmaWc + sigmaWcError * gaussian(shifts);
            Estimates e = estimate(scan, plateaus, draw, settings, shifted, 0.0);
            return new double[] {value(e.beta()), value(e.nuParallel())};
        });
        Map<String, BootstrapDistribution> bootstraps = new HashMap<>();
        full.beta().ifPresent(b -> results.add(b.withBootstrap(keep(bootstraps, b, Bootstrap.column(samples, 0)))));
        full.nuParallel().ifPresent(n -> results.add(n.withBootstrap(keep(bootstraps, n,
                Bootstrap.column(samples, 1)))));
        return new Result(results, full.plateaus(), full.depths(), bootstraps);
    }

    private static BootstrapDistribution keep(Map<String, BootstrapDistribution> kept, FitResult fit,
                                              BootstrapDistribution distribution) {
        kept.put(fit.quantity(), distribution);
        return distribution;
    }

    private record Estimates(Optional<FitResult> beta, Optional<FitResult> nuParallel, List<Measurement> plateaus,
                             List<Measurement> depths) {
    }

    /** @param replicaPlateaus each point's per-replica plateau, computed once for every resample */
    private static Estimates estimate(List<ScanPoint> scan, List<ReplicaMatrix> replicaPlateaus, int[][] draw,
                                      Settings settings, double sigmaWc, double sigmaWcError) {
        List<Measurement> plateaus = new ArrayList<>();
        List<Measurement> depths = new ArrayList<>();
        for (int i = 0; i < scan.size(); i++) {
            ScanPoint p = scan.get(i);
            if (settings.beta() && p.sigmaW() > sigmaWc) {
                Measurement plateau = replicaPlateaus.get(i).mean(draw[i]).get(0);
                plateaus.add(new Measurement(p.sigmaW(), plateau.value(), plateau.stderr()));
            }
            if (settings.nuParallel()) {
                resolvedDepth(p.rho().mean(draw[i]), settings.xiWindow())
                        .ifPresent(xi -> depths.add(new Measurement(p.sigmaW(), xi.estimate(), xi.stderr())));
            }
        }
        return new Estimates(
                settings.beta() ? OffCriticalExponents.beta(plateaus, sigmaWc, sigmaWcError) : Optional.empty(),
                settings.nuParallel() ? OffCriticalExponents.nuParallel(depths, sigmaWc, sigmaWcError)
                        : Optional.empty(), plateaus, depths);
    }

    /**
     * ξ from the exponential tail: a first fit over the window gives ξ₁, the fit is redone from l + 2ξ₁ on, where the
     * early critical-like (power-law) decay has died out; it counts when the remaining window is at least 3ξ long.
     */
    private static Optional<FitResult> resolvedDepth(List<Measurement> curve, LayerWindow window) {
        return CorrelationDepthFit.fit(curve, window.from(), window.to())
                .flatMap(first -> CorrelationDepthFit.fit(curve,
                        (int) Math.min(window.to(), window.from() + 2 * first.estimate()), window.to()))
                .filter(xi -> 3 * xi.estimate() <= window.to() - window.from() - 2 * xi.estimate());
    }

    /** Each replica's mean ρ over the window, as a scalar per replica. */
    private static ReplicaMatrix plateau(ReplicaMatrix rho, LayerWindow window) {
        double[] perReplica = new double[rho.replicas()];
        for (int r = 0; r < rho.replicas(); r++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < rho.x().length; i++) {
                if (rho.x()[i] >= window.from() && rho.x()[i] <= window.to()) {
                    sum += rho.values()[r][i];
                    n++;
                }
            }
            perReplica[r] = n == 0 ? Double.NaN : sum / n;
        }
        return ReplicaMatrix.scalar(perReplica);
    }

    private static double value(Optional<FitResult> fit) {
        return fit.map(FitResult::estimate).orElse(Double.NaN);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
