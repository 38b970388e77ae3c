package org.critsweep.fit;

import java.util.List;
import java.util.Optional;

/**
 * The two neighbouring grid points of a σ_w scan that bracket a target σ_w, and the target's linear weight between
 * them: a value there is (1 − weight) · below + weight · above.
 */
public record ScanBracket(LambdaPoint below, LambdaPoint above, double weight) {

    /**
     * The first pair (the scan sorted by σ_w) with below ≤ {@code sigmaW} ≤ above, or empty when the scan does not
     * bracket it.
     */
    public static Optional<ScanBracket> around(List<LambdaPoint> points, double sigmaW) {
        for (int i = 1; i < points.size(); i++) {
            LambdaPoint below = points.get(i - 1);
            LambdaPoint above = points.get(i);
            if (below.sigmaW() <= sigmaW && sigmaW <= above.sigmaW()) {
                return Optional.of(new ScanBracket(below, above,
                        (sigmaW - below.sigmaW()) / (above.sigmaW() - below.sigmaW())));
            }
        }
        return Optional.empty();
    }

    public List<String> pointIds() {
        return List.of(below.pointId(), above.pointId());
    }
}
