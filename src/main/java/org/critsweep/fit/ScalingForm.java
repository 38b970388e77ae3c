package org.critsweep.fit;

import java.util.List;

/**
 * The maps X(θ), Y(θ) of a data collapse (PHYSICS.md §7): under the right parameters θ every size's points fall on
 * one curve Y = F(X).
 */
public interface ScalingForm {

    /** The parameter names, in the order of θ; they become the {@code quantity} of the fitted rows. */
    List<String> parameterNames();

    /** Maps one observation under the parameters θ. */
    ScaledPoint apply(ScalingPoint point, double[] theta);

    /**
     * The one-variable form A(T, L) = L^{c2} F((T − T_c) L^{c1}); θ = (t_c, c1, c2):
     * X = (t − t_c) L^{c1}, Y = A L^{−c2}, E = σ_A L^{−c2}.
     */
    static ScalingForm generic() {
        return new ScalingForm() {
            @Override
            public List<String> parameterNames() {
                return List.of("t_c", "c1", "c2");
            }

            @Override
            public ScaledPoint apply(ScalingPoint p, double[] theta) {
                double amplitude = Math.pow(p.size(), -theta[2]);
                return new ScaledPoint(p.size(), (p.t() - theta[0]) * Math.pow(p.size(), theta[1]),
                        p.value() * amplitude, p.stderr() * amplitude);
            }
        };
    }

    /**
     * The depth scan at a critical point, ρ(l; N) = N^{−a} F(l / N^b) in logarithms; θ = (a, b), the point's value is
     * ln ρ: X = ln l − b ln N, Y = ln ρ + a ln N, E = σ_{ln ρ}. Mean-field MLPs expect a = b = 1 (PHYSICS.md §5).
     */
    static ScalingForm depthScan() {
        return new ScalingForm() {
            @Override
            public List<String> parameterNames() {
                return List.of("fss_a", "fss_b");
            }

            @Override
            public ScaledPoint apply(ScalingPoint p, double[] theta) {
                double lnSize = Math.log(p.size());
                return new ScaledPoint(p.size(), Math.log(p.t()) - theta[1] * lnSize, p.value() + theta[0] * lnSize,
                        p.stderr());
            }
        };
    }

    /**
     * The MLP depth scan with the decay's offset in the scaling variable, ρ(l; N) = N^{−a} F((l + l0) / N^b);
     * θ = (a, b, l0): X = ln(l + |l0|) − b ln N, Y = ln ρ + a ln N. At l ≪ N the critical decay is
     * ρ ≈ 1/(κ(l + l0)) with l0 ≈ 20 (set by the inputs), so ln l alone leaves a correction of relative size l0/l
     * that differs between widths and drags a down (PHYSICS.md §7, the depth-scan collapse).
     */
    static ScalingForm depthScanWithOffset() {
        return new ScalingForm() {
            @Override
            public List<String> parameterNames() {
                return List.of("fss_a", "fss_b", "fss_l0");
            }

            @Override
            public ScaledPoint apply(ScalingPoint p, double[] theta) {
                double lnSize = Math.log(p.size());
                return new ScaledPoint(p.size(), Math.log(p.t() + Math.abs(theta[2])) - theta[1] * lnSize,
                        p.value() + theta[0] * lnSize, p.stderr());
            }
        };
    }
}
