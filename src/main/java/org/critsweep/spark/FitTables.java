package org.critsweep.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.critsweep.fit.ChannelScan;
import org.critsweep.fit.CriticalDecayAnalysis;
import org.critsweep.fit.CriticalPointExtrapolation;
import org.critsweep.fit.CollapseData;
import org.critsweep.fit.FamilyAnalysis;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.LatticeExtrapolation;
import org.critsweep.fit.LogVarianceAnalysis;
import org.critsweep.fit.LogVarianceCollapse;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.MetricFactorExtrapolation;
import org.critsweep.fit.ScaledPoint;
import org.critsweep.fit.SpreadingAnalysis;
import org.critsweep.fit.UniversalityVerdict;
import org.critsweep.fit.XiCorrection;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.Activation;
import org.critsweep.theory.CriticalLine;
import org.critsweep.theory.FiniteWidthLyapunov;
import org.critsweep.theory.MeanField;

/**
 * The rows of the {@code fits} and {@code fit_curves} tables from a family's {@link FamilyAnalysis.Report}. A row's
 * scope says which sizes it pools: {@code N=64} (one width), {@code N->inf} (the extrapolation), or
 * {@code N in [64, 128, 256]} (a collapse); for a CNN the same with L, and width holds the channel count C.
 */
final class FitTables {

    private final List<Row> fits = new ArrayList<>();
    private final List<Row> curves = new ArrayList<>();
    private final MeanFieldReferences meanField;

    /** @param q0 the campaign's input q, and {@code c0} its input correlation, where mean-field curves start */
    FitTables(double q0, double c0) {
        this.meanField = new MeanFieldReferences(q0, c0);
    }

    List<Row> fits() {
        return fits;
    }

    List<Row> curves() {
        return curves;
    }

    void add(ScalingFamily family, FamilyAnalysis.Report report) {
        for (FamilyAnalysis.SizeResult size : report.sizes()) {
            Scope scope = Scope.size(family, size.size());
            size.root().ifPresent(r -> fit(scope, r));
            size.rhoRoot().ifPresent(r -> fit(scope, r));
            String at = size.decayAt().map(s -> String.format(Locale.ROOT, " at sigma_w = %.6f", s))
                    .orElse("");
            size.decay().ifPresent(decay -> {
                decay.delta().ifPresent(r -> fit(scope, located(r, r.quantity(), at)));
                decay.bareDelta().ifPresent(r -> fit(scope, located(r, "delta_bare", at)));
                decay.kappa().ifPresent(r -> fit(scope, located(r, r.quantity(), at)));
                curve(scope, "critical_rho", decay.criticalCurve());
                curve(scope, "delta_eff", decay.effective());
            });
        }
        Scope all = Scope.all(family, report.sizes().stream().map(FamilyAnalysis.SizeResult::size).toList());
        report.extrapolation().ifPresent(e -> {
            e.fits().forEach(r -> fit(Scope.infinite(family), r));
            e.fits().stream().filter(r -> family.mlp() && r.quantity().equals(CriticalPointExtrapolation.SLOPE))
                    .forEach(r -> predictedSlope(family, r).ifPresent(p -> fit(Scope.infinite(family), p)));
            e.laws().forEach((law, points) -> points.forEach(m -> curves.add(curveRow(Scope.infinite(family),
                    LatticeExtrapolation.LAW_CURVE, law, m.x(), m.value(), m.stderr()))));
        });
        if (family.mlp()) {
            MetricFactorExtrapolation.fit(report.kappas()).ifPresent(k -> {
                k.forEach(r -> fit(Scope.infinite(family), r));
                Optional<CriticalDecayAnalysis.Result> largest = report.sizes().stream()
                        .flatMap(size -> size.decay().stream()).reduce((a, b) -> b);
                meanField.kappa(family, k.get(0), largest).forEach(r -> fit(Scope.infinite(family), r));
            });
        }
        report.offCriticalSize().ifPresent(s -> report.offCritical().ifPresent(off -> {
            Scope scope = Scope.size(family, s.size());
            off.exponents().forEach(r -> fit(scope, r));
            if (family.mlp()) {
                meanField.offCritical(family, off).forEach(r -> fit(scope, r));
            }
            curve(scope, "rho_plateau", off.plateaus());
            curve(scope, "xi_par", off.depths());
        }));
        for (FamilyAnalysis.Collapse collapse : report.collapses()) {
            String prefix = collapse.data() == CollapseData.LAMBDA ? "lambda_" : "";
            collapse.result().asFits(collapse.window()).forEach(r -> fit(all, renamed(r, prefix + r.quantity())));
            String name = "collapse_" + collapse.data().label() + "_" + collapse.result().method();
            for (ScaledPoint p : collapse.result().collapsed()) {
                curves.add(curveRow(all, name, family.sizeSymbol() + "=" + (long) p.size(), p.x(), p.y(), p.e()));
            }
        }
        verdict(all, report.verdict());
    }

    /**
     * The growth of Var ln G (PHYSICS.md §5): per width its fits and the curves {@code ln_g_var} and
     * {@code ln_g_var_exact} (against l/n), across widths the collapse {@code ln_g_var_collapse} and the n → ∞
     * extrapolation of the slope ({@code N->inf}).
     */
    void logVariance(ScalingFamily family, LogVarianceAnalysis.Result result) {
        for (LogVarianceAnalysis.Width width : result.widths()) {
            Scope scope = Scope.size(family, width.width());
            width.fits().forEach(r -> fit(scope, r));
            curve(scope, LogVarianceAnalysis.CURVE, width.curve());
            curve(scope, LogVarianceAnalysis.CURVE_EXACT, width.exactCurve());
        }
        Scope all = Scope.all(family, result.widths().stream().map(LogVarianceAnalysis.Width::width).toList());
        result.collapse().curves().forEach((series, points) -> points.forEach(m -> curves.add(curveRow(all,
                LogVarianceCollapse.CURVE, series, m.x(), m.value(), m.stderr()))));
        result.collapse().extrapolation().forEach(r -> fit(Scope.infinite(family), r));
    }

    /**
     * A spreading analysis: per size the rows combined across thresholds ({@code L=128}), per threshold its rows and
     * curves ({@code L=128, threshold=1e-06}), and the verdict from the largest size with exponents (in its scope).
     */
    void add(ScalingFamily family, SpreadingAnalysis.Report report) {
        for (SpreadingAnalysis.SizeReport size : report.sizes()) {
            Scope scope = Scope.size(family, size.size());
            size.combined().forEach(r -> fit(scope, r));
            for (SpreadingAnalysis.ThresholdReport threshold : size.thresholds()) {
                Scope at = new Scope(family, scope.width(), scope.size(),
                        scope.label() + ", threshold=" + threshold.threshold());
                threshold.fits().forEach(r -> fit(at, r));
                for (SpreadingAnalysis.Curve curve : threshold.curves()) {
                    curve.points().forEach(m -> curves.add(curveRow(at, curve.name(), curve.series(), m.x(),
                            m.value(), m.stderr())));
                }
            }
        }
        Scope largest = Scope.size(family, report.evidenceSize());
        report.verdict().ifPresent(v -> verdict(largest, v));
    }

    /**
     * The channel scan across families that differ only in C ({@link ChannelScans}): its rows sit with the family of
     * the largest C, the one nearest the limit they extrapolate to, with the scope {@code C in [2, 4, ...]}.
     */
    void channelScan(ScalingFamily largest, ChannelScan.Result scan) {
        Scope scope = new Scope(largest, largest.channels(), null, scan.scope());
        scan.fits().forEach(r -> fit(scope, r));
        scan.curve().forEach((series, points) -> points.forEach(m -> curves.add(curveRow(scope, ChannelScan.CURVE,
                series, m.x(), m.value(), m.stderr()))));
    }

    /**
     * The finite-width correction to ξ ({@link XiCorrection}): per σ_w the fitted and predicted c at scope
     * {@code N->inf, sigma_w=<σ_w>}, the pooled rows and the {@code xi_correction} curve at {@code N->inf}.
     */
    void xiCorrection(ScalingFamily family, XiCorrection.Result result) {
        Scope infinite = Scope.infinite(family);
        for (XiCorrection.Coefficient c : result.coefficients()) {
            String sigmaW = new java.math.BigDecimal(c.sigmaW()).round(new java.math.MathContext(10))
                    .stripTrailingZeros().toPlainString();
            Scope at = new Scope(family, null, null, infinite.label() + ", sigma_w=" + sigmaW);
            fit(at, c.measured());
            fit(at, c.predicted());
        }
        result.pooled().forEach(r -> fit(infinite, r));
        result.curve().forEach((series, points) -> points.forEach(m -> curves.add(curveRow(infinite,
                XiCorrection.CURVE, series, m.x(), m.value(), m.stderr()))));
    }

    /** Where a row belongs: the family columns plus a scope label. */
    private record Scope(ScalingFamily family, Integer width, Integer size, String label) {

        static Scope size(ScalingFamily f, int size) {
            return f.mlp() ? new Scope(f, size, null, "N=" + size) : new Scope(f, f.channels(), size, "L=" + size);
        }

        static Scope infinite(ScalingFamily f) {
            return new Scope(f, f.mlp() ? null : f.channels(), null, f.sizeSymbol() + "->inf");
        }

        static Scope all(ScalingFamily f, List<Integer> sizes) {
            return new Scope(f, f.mlp() ? null : f.channels(), null, f.sizeSymbol() + " in " + sizes);
        }
    }

    private void verdict(Scope scope, UniversalityVerdict.Verdict verdict) {
        verdict.toFitResults().forEach(row -> fit(scope, row));
    }

    private void fit(Scope s, FitResult r) {
        ScalingFamily f = s.family();
        fits.add(RowFactory.create(f.arch().label(), f.activation().label(), f.sampler().label(), f.sigmaB(), s.width(),
                s.size(), s.label(), r.quantity(), r.estimate(), Tables.finiteOrNull(r.stderr()),
                Tables.finiteOrNull(r.ciLow()), Tables.finiteOrNull(r.ciHigh()), r.method(), r.window(),
                Tables.finiteOrNull(r.quality()), r.nUsed()));
    }

    private void curve(Scope s, String name, List<Measurement> points) {
        for (Measurement m : points) {
            curves.add(curveRow(s, name, s.label(), m.x(), m.value(), m.stderr()));
        }
    }

    private static Row curveRow(Scope s, String curve, String series, double x, double y, double e) {
        ScalingFamily f = s.family();
        return RowFactory.create(f.arch().label(), f.activation().label(), f.sampler().label(), f.sigmaB(), s.width(),
                s.size(), s.label(), curve, series, x, y, Tables.finiteOrNull(e));
    }

    /**
     * {@code sigma_w_c_slope_theory}: the 1/N slope of σ_w,c(N) that the finite-width λ_N predicts (PHYSICS.md §5),
     * beside the fitted one; quality is the pull (fitted − predicted)/stderr. Empty where the activation has no
     * critical line at this σ_b or no stationary finite-width state.
     */
    private static Optional<FitResult> predictedSlope(ScalingFamily family, FitResult fitted) {
        try {
            double slope = FiniteWidthLyapunov.rootShift(family.activation().activation(), family.sigmaB());
            double pull = (fitted.estimate() - slope) / fitted.stderr();
            return Optional.of(new FitResult(CriticalPointExtrapolation.SLOPE + "_theory", slope, Double.NaN,
                    Double.NaN, Double.NaN, "quadrature_lambda_n", String.format(Locale.ROOT,
                    "-c/lambda_MF'(sigma_w,c), c of lambda_N = lambda_MF + c/N; fitted %s",
                    fitted.valueWithError("a")), pull, fitted.nUsed()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static FitResult renamed(FitResult r, String quantity) {
        return located(r, quantity, "");
    }

    /** The same fit under another name, with {@code where} appended to its window. */
    private static FitResult located(FitResult r, String quantity, String where) {
        return new FitResult(quantity, r.estimate(), r.stderr(), r.ciLow(), r.ciHigh(), r.method(), r.window() + where,
                r.quality(), r.nUsed());
    }
}
