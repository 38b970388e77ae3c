package org.critsweep.fit;

import java.util.List;

/**
 * The absorbing-state universality classes a measured order-to-chaos transition is compared with, and their critical
 * exponents (Hinrichsen 2000, Adv. Phys. 49, 815; Jensen 1999, J. Phys. A 32, 5233). β: ρ* ~ τ^β;
 * ν_∥: ξ_∥ ~ |τ|^−ν_∥; δ: ρ(l) ~ l^−δ at τ = 0; z = ν_∥/ν_⊥.
 *
 * <p>The values are the tabulated ones, not derived from each other: for DP 2+1 the literature rounds each exponent
 * separately, so z and δ agree with ν_∥/ν_⊥ and β/ν_∥ only to 2·10⁻³ (to 10⁻⁶ for the other classes).
 */
public enum UniversalityClass {

    /** The infinite-width MLP: ε′ = χ₁ε − κε², so ρ* ∝ χ₁ − 1 ∝ τ and ξ = 1/|ln χ₁| ∝ 1/|τ|. */
    MEAN_FIELD("mean field", 1.0, 0.5, 1.0, 2.0, 1.0),
    DP_1_1("DP 1+1", 0.276486, 1.096854, 1.733847, 1.580745, 0.159464),
    DP_2_1("DP 2+1", 0.584, 0.734, 1.295, 1.766, 0.4505);

    /** The quantity names {@link #exponent} knows, as they appear in the {@code fits} table. */
    public static final List<String> QUANTITIES = List.of("delta", "beta", "nu_par", "z");

    private final String displayName;
    private final double beta;
    private final double nuPerp;
    private final double nuPar;
    private final double z;
    private final double delta;

    UniversalityClass(String displayName, double beta, double nuPerp, double nuPar, double z, double delta) {
        this.displayName = displayName;
        this.beta = beta;
        this.nuPerp = nuPerp;
        this.nuPar = nuPar;
        this.z = z;
        this.delta = delta;
    }

    public String displayName() {
        return displayName;
    }

    public double beta() {
        return beta;
    }

    public double nuPerp() {
        return nuPerp;
    }

    public double nuPar() {
        return nuPar;
    }

    public double z() {
        return z;
    }

    public double delta() {
        return delta;
    }

    /**
     * @param quantity one of {@link #QUANTITIES}
     * @return this class's value of that exponent
     * @throws IllegalArgumentException for any other name (ν_⊥ is not measured by a depth scan, so it has no name)
     */
    public double exponent(String quantity) {
        return switch (quantity) {
            case "delta" -> delta;
            case "beta" -> beta;
            case "nu_par" -> nuPar;
            case "z" -> z;
            default -> throw new IllegalArgumentException("quantity: not a classifying exponent: " + quantity
                    + " (expected one of " + QUANTITIES + ")");
        };
    }
}
