package org.critsweep.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.fit.LambdaPoint;
import org.critsweep.fit.XiCorrection;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.theory.FiniteWidthLyapunov;
import org.critsweep.theory.MeanField;

/**
 * The fit stage's pass for the finite-width correction to ξ (PHYSICS.md §5): every MLP family with two widths or
 * more goes to {@link XiCorrection} with the theory of each point — λ_MF, c and the mean-field transient of the
 * recorded λ_N from q0 — which is computed here because fit may not import theory.
 */
final class XiCorrections {

    private static final String Q0 = "SELECT point_id, q0 FROM points";

    private XiCorrections() {
    }

    static void add(SparkSession spark, FitTables tables, Map<ScalingFamily, FitInputs> families) {
        Map<String, Double> q0 = null;
        for (Map.Entry<ScalingFamily, FitInputs> entry : families.entrySet()) {
            ScalingFamily family = entry.getKey();
            if (!family.mlp() || entry.getValue().lambdaBySize().size() < 2) {
                continue;
            }
            if (q0 == null) {
                q0 = new HashMap<>();
                for (Row r : spark.sql(Q0).collectAsList()) {
                    q0.put(r.getAs("point_id"), r.getAs("q0"));
                }
            }
            List<XiCorrection.Point> points = new ArrayList<>();
            Map<Double, Optional<FiniteWidthLyapunov>> theories = new HashMap<>();
            Map<String, Double> lengths = q0;
            entry.getValue().lambdaBySize().forEach((width, scan) -> {
                for (LambdaPoint p : scan) {
                    theories.computeIfAbsent(p.sigmaW(), s -> theory(family, s))
                            .filter(t -> t.meanField() < 0)
                            .ifPresent(t -> points.add(new XiCorrection.Point(width, p, new XiCorrection.Theory(
                                    t.meanField(), t.coefficient(),
                                    t.runningMean(lengths.get(p.pointId()), p.depth(), width) - t.at(width)))));
                }
            });
            tables.xiCorrection(family, XiCorrection.analyse(points));
        }
    }

    /** Empty where the point has no stationary finite-width state to expand around. */
    private static Optional<FiniteWidthLyapunov> theory(ScalingFamily family, double sigmaW) {
        try {
            return Optional.of(FiniteWidthLyapunov.of(MeanField.of(family.activation().activation(), sigmaW,
                    family.sigmaB())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
