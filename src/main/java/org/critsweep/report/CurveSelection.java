package org.critsweep.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Which points the report draws layer by layer, stated once for the reader (which loads their curves) and for the
 * plots (which draw them).
 */
final class CurveSelection {

    /** At most this many ρ(l) curves across the transition: more would not be told apart. */
    static final int TRANSITION_CURVES = 7;

    private CurveSelection() {
    }

    /** Across the transition: up to {@value #TRANSITION_CURVES} σ_w of the largest size, evenly spread, both ends. */
    static List<PointResult> transition(FamilyResults family) {
        List<Integer> sizes = family.sizes();
        if (sizes.isEmpty()) {
            return List.of();
        }
        List<PointResult> scan = family.points(sizes.get(sizes.size() - 1));
        if (scan.size() <= TRANSITION_CURVES) {
            return scan;
        }
        return IntStream.range(0, TRANSITION_CURVES)
                .mapToObj(i -> scan.get((int) Math.round(i * (scan.size() - 1.0) / (TRANSITION_CURVES - 1))))
                .toList();
    }

    /**
     * The two grid points of one size around its λ_N root, and where the root lies between them.
     *
     * @param t the root's place: σ_w,c = (1 − t) σ_below + t σ_above, in [0, 1]; 0 when both are one point (the
     *          root on a grid point, or beyond the end of the scan, where the end point stands in for it)
     */
    record Bracket(FitRow root, PointResult below, PointResult above, double t) {
    }

    /** Per size with a finite λ_N root σ_w,c(N), the grid points around it; sizes without one are absent. */
    static Map<Integer, Bracket> rootBrackets(FamilyResults family) {
        Map<Integer, Bracket> brackets = new LinkedHashMap<>();
        for (int size : family.sizes()) {
            Optional<FitRow> root = family.fit("sigma_w_c", size).filter(r -> Double.isFinite(r.fit().estimate()));
            List<PointResult> scan = family.points(size);
            if (root.isEmpty() || scan.isEmpty()) {
                continue;
            }
            double sigmaWc = root.get().fit().estimate();
            PointResult below = scan.stream().filter(p -> p.sigmaW() <= sigmaWc).reduce((a, b) -> b)
                    .orElse(scan.get(0));
            PointResult above = scan.stream().filter(p -> p.sigmaW() >= sigmaWc).findFirst()
                    .orElse(scan.get(scan.size() - 1));
            double gap = above.sigmaW() - below.sigmaW();
            brackets.put(size, new Bracket(root.get(), below, above,
                    gap > 0 ? (sigmaWc - below.sigmaW()) / gap : 0.0));
        }
        return brackets;
    }

    /**
     * The σ_w the depth-scan collapse pools the sizes at: σ_w,c(∞), else the largest size's root (the fit stage's
     * rule, {@code FamilyAnalysis}); empty when the family has no depth-scan collapse.
     */
    static Optional<Double> collapseTarget(FamilyResults family) {
        if (family.curveNames().stream().noneMatch(c -> c.startsWith("collapse_depth_scan_"))) {
            return Optional.empty();
        }
        return family.fit("sigma_w_c_inf", null).map(f -> f.fit().estimate()).or(() -> largestSizeRoot(family));
    }

    private static Optional<Double> largestSizeRoot(FamilyResults family) {
        List<Integer> sizes = family.sizes();
        for (int i = sizes.size() - 1; i >= 0; i--) {
            Optional<FitRow> root = family.fit("sigma_w_c", sizes.get(i));
            if (root.isPresent()) {
                return Optional.of(root.get().fit().estimate());
            }
        }
        return Optional.empty();
    }

    /** Per size, the grid point nearest {@code sigmaW}. */
    static Map<Integer, PointResult> nearestTo(FamilyResults family, double sigmaW) {
        Map<Integer, PointResult> nearest = new LinkedHashMap<>();
        for (int size : family.sizes()) {
            nearest.put(size, nearest(family.points(size), sigmaW));
        }
        return nearest;
    }

    /** Every point any plot of this family draws layer by layer. */
    static Set<String> all(FamilyResults family) {
        Set<String> ids = new LinkedHashSet<>();
        transition(family).forEach(p -> ids.add(p.pointId()));
        rootBrackets(family).values().forEach(b -> {
            ids.add(b.below().pointId());
            ids.add(b.above().pointId());
        });
        collapseTarget(family).ifPresent(s -> nearestTo(family, s).values().forEach(p -> ids.add(p.pointId())));
        SpreadingPlots.criticalPoint(family).ifPresent(p -> ids.add(p.pointId()));
        return ids;
    }

    private static PointResult nearest(List<PointResult> points, double sigmaW) {
        return points.stream().min(Comparator.comparingDouble(p -> Math.abs(p.sigmaW() - sigmaW))).orElseThrow();
    }
}
