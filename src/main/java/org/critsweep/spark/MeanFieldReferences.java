package org.critsweep.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.critsweep.fit.CriticalDecayAnalysis;
import org.critsweep.fit.CriticalDecayFit;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.LayerWindow;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.OffCriticalAnalysis;
import org.critsweep.fit.OffCriticalExponents;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.Activation;
import org.critsweep.theory.CriticalLine;
import org.critsweep.theory.MeanField;
import org.critsweep.theory.MeanFieldPoint;

/**
 * What the mean-field theory of an MLP family predicts for its measured amplitudes and exponents, read by the same
 * fits on the same windows. A fit on a finite window reads even the exact mean-field curves off their asymptotic
 * values — κ low because the O(ε) terms bend 1/ρ, β and ν_∥ low from corrections to scaling at |τ| of a few per cent
 * (PHYSICS.md §4) — so each measured value is compared with its mean-field reading on the window as well as with the
 * asymptotic value. Every row's quality is the pull (measured − reference)/stderr of the measured value. Empty where
 * the family has no critical line (ReLU, linear).
 */
final class MeanFieldReferences {

    private final double q0;
    private final double c0;

    /** @param q0 the campaign's input q, and {@code c0} its input correlation, where mean-field curves start */
    MeanFieldReferences(double q0, double c0) {
        this.q0 = q0;
        this.c0 = c0;
    }

    /**
     * {@code kappa_mean_field}: the metric factor ½σ_w²q*E[φ″²] at σ_w,c(∞); {@code kappa_mean_field_window}: κ the
     * same fit reads from the mean-field curve ρ_l at σ_w,c(∞) on the common κ window, weighted by the largest width's
     * relative errors — the value κ∞ tends to.
     */
    List<FitResult> kappa(ScalingFamily family, FitResult kappaInf, Optional<CriticalDecayAnalysis.Result> largest) {
        List<FitResult> rows = new ArrayList<>();
        criticalPoint(family).ifPresent(sigmaWc -> {
            MeanField meanField = MeanField.of(activation(family), sigmaWc, family.sigmaB());
            String at = String.format(Locale.ROOT, "sigma_w,c = %.6f; fitted %s", sigmaWc,
                    kappaInf.valueWithError("kappa_inf"));
            rows.add(reference("kappa_mean_field", meanField.point().kappa(), "quadrature_at_sigma_w_c", at,
                    kappaInf));
            largest.ifPresent(decay -> {
                LayerWindow window = decay.kappaWindow();
                double[] rho = meanField.curve(q0, c0, window.to()).rho();
                CriticalDecayFit.onReference(rho, decay.criticalCurve(), window).ifPresent(k -> rows.add(reference(
                        "kappa_mean_field_window", k.estimate(), "same_fit_on_mean_field_curve",
                        k.window() + " at " + at, kappaInf)));
            });
        });
        return rows;
    }

    /**
     * {@code beta_mean_field_window} and {@code nu_par_mean_field_window}: β and ν_∥ the same fits read from the
     * mean-field plateau 1 − c* and correlation depth ξ_c at the measured σ_w values (their relative errors weigh
     * the fits), about σ_w,c(∞).
     */
    List<FitResult> offCritical(ScalingFamily family, OffCriticalAnalysis.Result measured) {
        List<FitResult> rows = new ArrayList<>();
        criticalPoint(family).ifPresent(sigmaWc -> measured.exponents().forEach(fit -> {
            String at = String.format(Locale.ROOT, "%s about sigma_w,c = %.6f; fitted %s", fit.window(), sigmaWc,
                    fit.valueWithError());
            if (fit.quantity().equals(OffCriticalExponents.BETA)) {
                OffCriticalExponents.beta(onMeanField(family, measured.plateaus(), p -> 1.0 - p.cStar()), sigmaWc,
                        0.0).ifPresent(b -> rows.add(reference("beta_mean_field_window", b.estimate(),
                        "same_fit_on_mean_field_plateau", at, fit)));
            } else if (fit.quantity().equals(OffCriticalExponents.NU_PARALLEL)) {
                OffCriticalExponents.nuParallel(onMeanField(family, measured.depths(), MeanFieldPoint::xiC), sigmaWc,
                        0.0).ifPresent(n -> rows.add(reference("nu_par_mean_field_window", n.estimate(),
                        "same_fit_on_mean_field_depth", at, fit)));
            }
        }));
        return rows;
    }

    /** The mean-field value at each measured σ_w, with the measurement's relative error. */
    private static List<Measurement> onMeanField(ScalingFamily family, List<Measurement> measured,
                                                 ToDoubleFunction<MeanFieldPoint> quantity) {
        return measured.stream().filter(m -> m.value() != 0.0).map(m -> {
            double value = quantity.applyAsDouble(MeanField.of(activation(family), m.x(), family.sigmaB()).point());
            return new Measurement(m.x(), value, Math.abs(m.stderr() / m.value()) * value);
        }).toList();
    }

    private static FitResult reference(String quantity, double value, String method, String window,
                                       FitResult measured) {
        return new FitResult(quantity, value, Double.NaN, Double.NaN, Double.NaN, method, window,
                (measured.estimate() - value) / measured.stderr(), measured.nUsed());
    }

    private static Optional<Double> criticalPoint(ScalingFamily family) {
        try {
            return Optional.of(CriticalLine.sigmaWc(activation(family), family.sigmaB()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Activation activation(ScalingFamily family) {
        return family.activation().activation();
    }
}
