package org.critsweep.fit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The universality classes a measured order-to-chaos transition is compared with, by the lattice dimension of the
 * system (0 for an MLP), and their critical exponents with the literature's uncertainties (PHYSICS.md §6). β:
 * ρ* ~ τ^β; ν_∥: ξ_∥ ~ |τ|^−ν_∥; δ: ρ(l) ~ l^−δ at τ = 0; z = ν_∥/ν_⊥. A spreading run (one differing site) has its
 * own three: the survival P(l) ~ l^−δ′ ({@code delta_survival}), the active sites N_a(l) ~ l^θ and their spread
 * R²(l) ~ l^{2/z} ({@code z_spreading}). For an absorbing-state class (mean field, DP) δ′ = δ and the spreading z is
 * the z of the pair runs; the multiplicative-noise classes have a field that never reaches the absorbing state, so
 * their activity above a threshold obeys no tabulated law, and the three are unknown for them.
 *
 * <p>The values are the tabulated ones, not derived from each other (DP 2+1 rounds each exponent separately, so its
 * ratios agree to 2·10⁻³). An exponent the literature does not give for a class is NaN: it cannot exclude that class.
 */
public enum UniversalityClass {

    /** The infinite-width MLP: ε′ = χ₁ε − κε², so ρ* ∝ τ and ξ = 1/|ln χ₁| ∝ 1/|τ|; a candidate in every dimension. */
    MEAN_FIELD("mean field", List.of(0, 1, 2), Map.of(
            "delta", exact(1.0), "beta", exact(1.0), "nu_perp", exact(0.5), "nu_par", exact(1.0), "z", exact(2.0),
            "delta_survival", exact(1.0), "theta", exact(0.0), "z_spreading", exact(2.0))),
    /** Jensen 1999, J. Phys. A 32, 5233 (series expansions); errors in the last digit. */
    DP_1_1("DP 1+1", List.of(1), Map.of(
            "delta", of(0.159464, 6e-6), "beta", of(0.276486, 8e-6), "nu_perp", of(1.096854, 4e-6),
            "nu_par", of(1.733847, 6e-6), "z", of(1.580745, 1e-5), "delta_survival", of(0.159464, 6e-6),
            "theta", of(0.313686, 8e-6), "z_spreading", of(1.580745, 1e-5))),
    /**
     * The 1D multiplicative-noise (bounded KPZ) class: Muñoz & Hwa, EPL 41, 147 (1998); Genovese & Muñoz, PRE 60, 69
     * (1999); Tu, Grinstein & Muñoz, PRL 78, 274 (1997); the synchronisation transition of Ahlers & Pikovsky, PRL 88,
     * 254101 (2002). ν_∥ = z ν_⊥ with the errors added. δ is the decay of the mean field from a uniform start (the
     * pair protocol); the spreading exponents are unknown (see the class comment).
     */
    MN_1("MN 1+1", List.of(1), Map.of(
            "delta", of(1.10, 0.05), "beta", of(1.70, 0.05), "nu_perp", of(1.0, 0.1), "nu_par", of(1.53, 0.17),
            "z", of(1.53, 0.07), "delta_survival", unknown(), "theta", unknown(), "z_spreading", unknown())),
    /** Grassberger & Zhang 1996, Physica A 224, 169; Voigt & Ziff 1997, PRE 56, R6241. */
    DP_2_1("DP 2+1", List.of(2), Map.of(
            "delta", of(0.4505, 1e-3), "beta", of(0.584, 4e-3), "nu_perp", of(0.734, 4e-3), "nu_par", of(1.295, 6e-3),
            "z", of(1.766, 2e-3), "delta_survival", of(0.4505, 1e-3), "theta", of(0.2295, 1e-3),
            "z_spreading", of(1.766, 2e-3))),
    /**
     * The 2D multiplicative-noise class, from the 2D KPZ roughness χ = 0.39 ± 0.01 (Marinari, Pagnani & Parisi
     * 2000, J. Phys. A 33, 8181) through the wall mapping of Muñoz & Hwa: z = 2 − χ, ν_⊥ = 1/(2 − 2χ). β and δ depend
     * on the wall in ways this table does not fix (Ginelli, Cencini & Torcini 2009 measure them on coupled map
     * lattices), so they are NaN, as are the spreading exponents.
     */
    MN_2("MN 2+1", List.of(2), Map.of(
            "delta", unknown(), "beta", unknown(), "nu_perp", of(0.82, 0.02), "nu_par", of(1.32, 0.05),
            "z", of(1.61, 0.01), "delta_survival", unknown(), "theta", unknown(), "z_spreading", unknown()));

    /** The exponent names {@link #exponent} knows, as they appear in the {@code fits} table. */
    public static final List<String> QUANTITIES = List.of("delta", "beta", "nu_par", "z", "delta_survival", "theta",
            "z_spreading");

    /** A tabulated exponent: its value and its one-standard-deviation uncertainty (0 when exact; NaN: unknown). */
    public record Value(double value, double error) {

        public boolean known() {
            return Double.isFinite(value);
        }
    }

    private final String displayName;
    private final List<Integer> dimensions;
    private final Map<String, Value> exponents;

    UniversalityClass(String displayName, List<Integer> dimensions, Map<String, Value> exponents) {
        this.displayName = displayName;
        this.dimensions = dimensions;
        this.exponents = exponents;
    }

    private static Value of(double value, double error) {
        return new Value(value, error);
    }

    private static Value exact(double value) {
        return new Value(value, 0.0);
    }

    private static Value unknown() {
        return new Value(Double.NaN, Double.NaN);
    }

    /**
     * @param dimension the lattice dimension: 0 for an MLP, 1 or 2 for a CNN
     * @return the classes a system of that dimension can be in, in declaration order
     * @throws IllegalArgumentException for any other dimension
     */
    public static List<UniversalityClass> forDimension(int dimension) {
        if (dimension < 0 || dimension > 2) {
            throw new IllegalArgumentException("dimension: expected 0 (MLP), 1 or 2 (CNN), got " + dimension);
        }
        return Arrays.stream(values()).filter(c -> c.dimensions.contains(dimension)).toList();
    }

    public String displayName() {
        return displayName;
    }

    /** The class in a table's quantity name: {@code mean_field}, {@code dp_1_1}, {@code mn_1}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double beta() {
        return value("beta").value();
    }

    public double nuPerp() {
        return exponents.get("nu_perp").value();
    }

    public double nuPar() {
        return value("nu_par").value();
    }

    public double z() {
        return value("z").value();
    }

    public double delta() {
        return value("delta").value();
    }

    public double theta() {
        return value("theta").value();
    }

    /**
     * @param quantity one of {@link #QUANTITIES}
     * @return this class's value of that exponent
     * @throws IllegalArgumentException for any other name (ν_⊥ is not measured by a depth scan, so it has no name)
     */
    public double exponent(String quantity) {
        return value(quantity).value();
    }

    /** {@link #exponent} with its uncertainty. */
    public Value value(String quantity) {
        if (!QUANTITIES.contains(quantity)) {
            throw new IllegalArgumentException("quantity: not a classifying exponent: " + quantity
                    + " (expected one of " + QUANTITIES + ")");
        }
        return exponents.get(quantity);
    }
}
