package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The spreading results of one size combined across the activity thresholds (PHYSICS.md §2, §7): per quantity the
 * value at the middle threshold, with half the range across the thresholds as a systematic, and a
 * {@code <quantity>_threshold_tension} row saying whether the thresholds agree within errors. The thresholds are
 * measured on the same replicas, so their estimates are correlated: the test bootstraps the paired differences to the
 * middle threshold, and they agree when every difference's 99 % interval holds 0 (without a bootstrap: when every
 * difference is below 2.58 combined standard errors, correlations ignored).
 */
final class SpreadingThresholds {

    private static final List<String> QUANTITIES = List.of(SpreadingScan.ROOT,
            SpreadingObservable.SURVIVAL.quantity(), SpreadingObservable.ACTIVE_SITES.quantity(),
            SpreadingObservable.SPREAD.quantity(), SpreadingAnalysis.HYPERSCALING);

    private final List<Double> thresholds;
    private final List<Map<String, FitResult>> byThreshold;
    private final Optional<SpreadingAnalysis.Resamples> resamples;
    private final int middle;

    SpreadingThresholds(List<Double> thresholds, List<Map<String, FitResult>> byThreshold,
                        Optional<SpreadingAnalysis.Resamples> resamples) {
        this.thresholds = List.copyOf(thresholds);
        this.byThreshold = List.copyOf(byThreshold);
        this.resamples = resamples;
        this.middle = (byThreshold.size() - 1) / 2;
    }

    /** The combined row and the tension row of every quantity the middle threshold has. */
    List<FitResult> combined() {
        List<FitResult> rows = new ArrayList<>();
        for (String quantity : QUANTITIES) {
            FitResult central = byThreshold.get(middle).get(quantity);
            if (central == null) {
                continue;
            }
            double systematic = systematic(quantity);
            rows.add(new FitResult(quantity, central.estimate(), central.stderr(), central.ciLow(), central.ciHigh(),
                    central.method(), String.format(Locale.ROOT, "threshold %s (the middle of %s); across the"
                    + " thresholds %s: systematic +- %.3g; %s", thresholds.get(middle), thresholds,
                    range(quantity), systematic, central.window()), central.quality(), central.nUsed()));
            tension(quantity).ifPresent(rows::add);
        }
        return rows;
    }

    /** The evidence of one exponent for the verdict: the middle threshold's estimate and bootstrap, the systematic. */
    Optional<ExponentEvidence> evidence(SpreadingObservable o, String where) {
        FitResult central = byThreshold.get(middle).get(o.quantity());
        if (central == null) {
            return Optional.empty();
        }
        Optional<BootstrapDistribution> distribution = resamples.flatMap(r ->
                r.column(SpreadingThresholdReport.key(middle, o.quantity())));
        return Optional.of(new ExponentEvidence(o.exponent(), central.estimate(), central.stderr(), distribution,
                systematic(o.quantity()), String.format(Locale.ROOT, "%s, threshold %s of %s (%s)", where,
                thresholds.get(middle), thresholds, central.window())));
    }

    /** Half the range of a quantity's estimates across the thresholds that have it; 0 with one. */
    double systematic(String quantity) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map<String, FitResult> rows : byThreshold) {
            FitResult r = rows.get(quantity);
            if (r != null) {
                min = Math.min(min, r.estimate());
                max = Math.max(max, r.estimate());
            }
        }
        return max > min ? (max - min) / 2 : 0.0;
    }

    private String range(String quantity) {
        List<String> values = new ArrayList<>();
        for (int k = 0; k < byThreshold.size(); k++) {
            FitResult r = byThreshold.get(k).get(quantity);
            values.add(thresholds.get(k) + ": " + (r == null ? "none" : r.valueWithError("")
                    .replaceFirst("^ = ", "")));
        }
        return String.join(", ", values);
    }

    /**
     * The largest difference to the middle threshold in units of its standard error, and in the window whether the
     * thresholds agree; empty with fewer than two thresholds having the quantity.
     */
    private Optional<FitResult> tension(String quantity) {
        FitResult central = byThreshold.get(middle).get(quantity);
        double largest = 0.0;
        boolean agree = true;
        int compared = 1;
        List<String> differences = new ArrayList<>();
        for (int k = 0; k < byThreshold.size(); k++) {
            FitResult other = byThreshold.get(k).get(quantity);
            if (k == middle || other == null) {
                continue;
            }
            double difference = other.estimate() - central.estimate();
            String key = SpreadingThresholdReport.key(k, quantity);
            Optional<BootstrapDistribution> paired = resamples.flatMap(r -> r.difference(key,
                    SpreadingThresholdReport.key(middle, quantity))).filter(d -> d.successes() >= 2);
            double error = paired.map(BootstrapDistribution::standardDeviation)
                    .orElse(Math.hypot(other.stderr(), central.stderr()));
            if (!Double.isFinite(error)) {
                continue;
            }
            boolean within = paired.map(d -> d.percentile(0.5) <= 0.0 && 0.0 <= d.percentile(99.5))
                    .orElse(Math.abs(difference) < SpreadingAnalysis.AGREE * error);
            compared++;
            agree &= within;
            double pull = difference == 0.0 ? 0.0 : Math.abs(difference) / error;
            if (Double.isFinite(pull)) { // an exact difference (no scatter) is judged by `within` alone
                largest = Math.max(largest, pull);
            }
            differences.add(String.format(Locale.ROOT, "%s - %s: %.3g +- %.2g", thresholds.get(k),
                    thresholds.get(middle), difference, error));
        }
        if (compared < 2) {
            return Optional.empty();
        }
        String method = resamples.isPresent() ? "bootstrap_paired_difference" : "independent_difference";
        return Optional.of(new FitResult(quantity + SpreadingAnalysis.TENSION_SUFFIX, largest, Double.NaN, method,
                (agree ? "thresholds agree within errors (99 %): " : "thresholds disagree (99 %): ")
                        + String.join("; ", differences), largest, compared));
    }
}
