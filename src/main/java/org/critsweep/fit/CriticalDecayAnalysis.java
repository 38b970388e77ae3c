package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The critical decay of one size (PHYSICS.md §4, §7). The critical curve is interpolated between the two grid points
 * that bracket σ_w,c — linearly in σ_w for ln ρ̄ — so that δ is not biased by the grid spacing; it is then fitted
 * with the offset power law (δ), the bare power law (for comparison only) and 1/ρ = κl + b (κ). κ has a window of its
 * own: the O(ε) terms of the recursion bend 1/ρ (PHYSICS.md §4), so κ depends on the window, and a family compares its
 * sizes on one common window. With a bootstrap,
 * every resample redraws both points' replicas and refits all three. The offset form has three parameters and needs
 * a window of at least a decade ({@value #MIN_DECADE_RATIO}× from first to last layer); on a shorter one δ and l0
 * trade off freely and only κ and the bare fit are reported.
 */
public final class CriticalDecayAnalysis {

    /**
     * The grid points around σ_w,c.
     *
     * @param below  ρ per replica and layer at the grid σ_w just below σ_w,c
     * @param above  the same just above
     * @param weight (σ_w,c − σ_below)/(σ_above − σ_below), in [0, 1]
     */
    public record Bracket(ReplicaMatrix below, ReplicaMatrix above, double weight) {

        public Bracket {
            if (!(weight >= 0.0 && weight <= 1.0)) {
                throw new IllegalArgumentException("bracket: expected a weight in [0, 1], got " + weight);
            }
        }

        /** The interpolated critical curve ρ_c(l) of the drawn replicas (layers where either mean is 0 are skipped). */
        List<Measurement> criticalCurve(int[] drawBelow, int[] drawAbove) {
            List<Measurement> lo = below.mean(drawBelow);
            List<Measurement> hi = above.mean(drawAbove);
            List<Measurement> curve = new ArrayList<>(lo.size());
            for (int i = 0; i < lo.size(); i++) {
                Measurement a = lo.get(i);
                Measurement b = hi.get(i);
                if (a.value() > 0.0 && b.value() > 0.0) {
                    double value = Math.exp((1 - weight) * Math.log(a.value()) + weight * Math.log(b.value()));
                    double relative = Math.hypot((1 - weight) * a.stderr() / a.value(), weight * b.stderr() / b.value());
                    curve.add(new Measurement(a.x(), value, relative * value));
                }
            }
            return curve;
        }
    }

    /**
     * @param delta         δ of the offset form (empty when the fit fails)
     * @param bareDelta     δ of the bare power law on the same window, for comparison
     * @param kappa         κ of 1/ρ = κl + b, on {@code kappaWindow}
     * @param kappaWindow   the layers κ was fitted on
     * @param offset        l0 of the offset fit (NaN without it)
     * @param criticalCurve ρ_c(l) with errors, for plotting
     * @param effective     δ_eff(l) of the offset form
     * @param deltaBootstrap the resampled δ of the offset form, empty without a bootstrap or δ
     */
    public record Result(Optional<FitResult> delta, Optional<FitResult> bareDelta, Optional<FitResult> kappa,
                         LayerWindow kappaWindow, double offset, List<Measurement> criticalCurve, List<Measurement> effective,
                         Optional<BootstrapDistribution> deltaBootstrap) {
    }

    static final double MIN_DECADE_RATIO = 10.0;

    private CriticalDecayAnalysis() {
    }

    /**
     * @param fromLayer   first layer of the δ fits
     * @param toLayer     last layer of the δ fits
     * @param kappaWindow the layers of the κ fit (inside the bracket's layers)
     */
    public static Result analyse(Bracket bracket, int fromLayer, int toLayer, LayerWindow kappaWindow,
                                 Bootstrap bootstrap) {
        int[] groupSizes = {bracket.below().replicas(), bracket.above().replicas()};
        int[][] all = Bootstrap.identity(groupSizes);
        List<Measurement> curve = bracket.criticalCurve(all[0], all[1]);
        boolean decade = toLayer >= MIN_DECADE_RATIO * Math.max(fromLayer, 1);
        Optional<OffsetPowerLaw.Solution> offset = decade ? OffsetPowerLaw.fit(curve, fromLayer, toLayer)
                : Optional.empty();
        Optional<FitResult> delta = offset.map(OffsetPowerLaw.Solution::fit);
        Optional<FitResult> bare = OffsetPowerLaw.fitBare(curve, fromLayer, toLayer).map(OffsetPowerLaw.Solution::fit);
        Optional<FitResult> kappa = CriticalDecayFit.fit(curve, kappaWindow.from(), kappaWindow.to());
        double l0 = offset.map(OffsetPowerLaw.Solution::offset).orElse(Double.NaN);
        List<Measurement> effective = offset.isPresent()
                ? EffectiveExponent.curve(curve, l0, fromLayer, toLayer) : List.of();
        Optional<BootstrapDistribution> deltaBootstrap = Optional.empty();
        if (bootstrap != null) {
            double[][] samples = bootstrap.resample(groupSizes, draw -> {
                List<Measurement> resampled = bracket.criticalCurve(draw[0], draw[1]);
                return new double[] {
                    decade ? estimate(OffsetPowerLaw.fit(resampled, fromLayer, toLayer)
                            .map(OffsetPowerLaw.Solution::fit)) : Double.NaN,
                    estimate(OffsetPowerLaw.fitBare(resampled, fromLayer, toLayer).map(OffsetPowerLaw.Solution::fit)),
                    estimate(CriticalDecayFit.fit(resampled, kappaWindow.from(), kappaWindow.to()))};
            });
            deltaBootstrap = delta.map(r -> Bootstrap.column(samples, 0));
            delta = delta.map(r -> r.withBootstrap(Bootstrap.column(samples, 0)));
            bare = bare.map(r -> r.withBootstrap(Bootstrap.column(samples, 1)));
            kappa = kappa.map(r -> r.withBootstrap(Bootstrap.column(samples, 2)));
        }
        return new Result(delta, bare, kappa, kappaWindow, l0, curve, effective, deltaBootstrap);
    }

    private static double estimate(Optional<FitResult> fit) {
        return fit.map(FitResult::estimate).orElse(Double.NaN);
    }
}
