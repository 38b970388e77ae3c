package org.critsweep.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schemas of a campaign's Parquet tables (docs/TABLES.md), whose names are in
 * {@link org.critsweep.store.TableNames}.
 */
public final class Tables {

    /**
     * The mean-field q_l and ρ_l of each point's parameters, for every layer (PHYSICS.md §4), for MLPs the 1/n
     * prediction of Var(G^l)/E[G^l]² and of the pre-activations' excess kurtosis, and for the solvable MLPs (ReLU and
     * linear at σ_b = 0) the exact law of G^l (§5); NULL where it does not apply or the iterate is not a finite double
     * (the q of a ReLU or linear net that grows without bound overflows).
     */
    public static final StructType THEORY_SCHEMA = new StructType(new StructField[] {
        field("point_id", DataTypes.StringType, false),
        field("layer", DataTypes.IntegerType, false),
        field("mf_q", DataTypes.DoubleType, true),
        field("mf_rho", DataTypes.DoubleType, true),
        field("nw_g_relative_variance", DataTypes.DoubleType, true),
        field("nw_preact_excess_kurtosis", DataTypes.DoubleType, true),
        field("exact_g_relative_variance", DataTypes.DoubleType, true),
        field("exact_ln_g_mean", DataTypes.DoubleType, true),
        field("exact_ln_g_var", DataTypes.DoubleType, true),
    });

    /**
     * One row per (point, replica, recorded layer); see {@link org.critsweep.kernel.LayerObservables}. A replica that a
     * numerical fault stopped ({@link org.critsweep.kernel.NumericalFault}) carries {@code fault} and
     * {@code fault_layer} on every row, and has one more row at {@code layer = fault_layer} in which every measured
     * column is NULL: the fault is recorded even when it struck at layer 0 or between recorded layers. The CNN columns
     * {@code active_sites_k} and {@code spread_r2_k} come in one column per activity threshold, k = 1 …
     * {@link org.critsweep.grid.ConvGrid#THRESHOLDS}.
     */
    public static final StructType RAW_SCHEMA = new StructType(new StructField[] {
        field("point_id", DataTypes.StringType, false),
        field("replica", DataTypes.IntegerType, false),
        field("layer", DataTypes.IntegerType, false),
        field("q_a", DataTypes.DoubleType, true),
        field("q_b", DataTypes.DoubleType, true),
        field("rho", DataTypes.DoubleType, true),
        field("ln_rho", DataTypes.DoubleType, true),
        field("g", DataTypes.DoubleType, true),
        field("tangent_log_growth", DataTypes.DoubleType, true),
        field("tangent_log_norm", DataTypes.DoubleType, true),
        field("tangent_dead", DataTypes.BooleanType, true),
        field("probe", DataTypes.DoubleType, true),
        field("h4_mean", DataTypes.DoubleType, true),
        field("absorbed", DataTypes.BooleanType, true),
        field("rho_underflow", DataTypes.BooleanType, true),
        field("active_sites_1", DataTypes.IntegerType, true),
        field("active_sites_2", DataTypes.IntegerType, true),
        field("active_sites_3", DataTypes.IntegerType, true),
        field("spread_r2_1", DataTypes.DoubleType, true),
        field("spread_r2_2", DataTypes.DoubleType, true),
        field("spread_r2_3", DataTypes.DoubleType, true),
        field("fault", DataTypes.StringType, true),
        field("fault_layer", DataTypes.IntegerType, true),
    });

    public static final StructType POINTS_SCHEMA = new StructType(new StructField[] {
        field("point_id", DataTypes.StringType, false),
        field("arch", DataTypes.StringType, false),
        field("activation", DataTypes.StringType, false),
        field("sampler", DataTypes.StringType, false),
        field("sigma_w", DataTypes.DoubleType, false),
        field("sigma_b", DataTypes.DoubleType, false),
        field("width", DataTypes.IntegerType, false),
        field("depth", DataTypes.IntegerType, false),
        field("size", DataTypes.IntegerType, true),
        field("kernel_size", DataTypes.IntegerType, true),
        field("protocol", DataTypes.StringType, true),
        field("q0", DataTypes.DoubleType, false),
        field("c0", DataTypes.DoubleType, false),
        field("replicas", DataTypes.IntegerType, false),
        field("status", DataTypes.StringType, false),
        field("q_star", DataTypes.DoubleType, true),
        field("chi1", DataTypes.DoubleType, true),
        field("xi_c", DataTypes.DoubleType, true),
        field("kappa", DataTypes.DoubleType, true),
        field("phase", DataTypes.StringType, false),
        field("lambda_n_theory", DataTypes.DoubleType, true),
    });

    /**
     * One row per fitted quantity. width is the MLP width of a one-width fit (NULL for fits that pool widths or
     * extrapolate) and the channel count of a CNN; size the CNN size of a one-size fit; scope says it in words
     * ({@code N=64}, {@code N->inf}, {@code N in [64, 128]}).
     */
    public static final StructType FITS_SCHEMA = new StructType(new StructField[] {
        field("arch", DataTypes.StringType, false),
        field("activation", DataTypes.StringType, false),
        field("sampler", DataTypes.StringType, false),
        field("sigma_b", DataTypes.DoubleType, false),
        field("width", DataTypes.IntegerType, true),
        field("size", DataTypes.IntegerType, true),
        field("scope", DataTypes.StringType, false),
        field("quantity", DataTypes.StringType, false),
        field("estimate", DataTypes.DoubleType, false),
        field("stderr", DataTypes.DoubleType, true),
        field("ci_low", DataTypes.DoubleType, true),
        field("ci_high", DataTypes.DoubleType, true),
        field("method", DataTypes.StringType, false),
        field("fit_window", DataTypes.StringType, false),
        field("quality", DataTypes.DoubleType, true),
        field("n_used", DataTypes.IntegerType, false),
    });

    /**
     * The curves behind the fits, for plotting: per family and scope, {@code critical_rho} (ρ at σ_w,c against the
     * layer), {@code delta_eff} (the effective exponent), {@code rho_plateau} and {@code xi_par} (ρ* and ξ_∥ against
     * σ_w, the points behind β and ν_∥), {@code collapse_<data>_<method>} (the collapsed points, one series per
     * size).
     */
    public static final StructType FIT_CURVES_SCHEMA = new StructType(new StructField[] {
        field("arch", DataTypes.StringType, false),
        field("activation", DataTypes.StringType, false),
        field("sampler", DataTypes.StringType, false),
        field("sigma_b", DataTypes.DoubleType, false),
        field("width", DataTypes.IntegerType, true),
        field("size", DataTypes.IntegerType, true),
        field("scope", DataTypes.StringType, false),
        field("curve", DataTypes.StringType, false),
        field("series", DataTypes.StringType, false),
        field("x", DataTypes.DoubleType, false),
        field("y", DataTypes.DoubleType, false),
        field("e", DataTypes.DoubleType, true),
    });

    private Tables() {
    }

    /** A double for a nullable column: NULL where it is NaN or infinite, so no NaN or ∞ reaches a table. */
    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
