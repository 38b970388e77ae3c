-- The curves table: one row per (point, layer), aggregated over replicas from the views `raw` and `points`.
-- `raw_ordered` is `raw` partitioned by point_id and sorted by (point_id, layer, replica): every group is summed in
-- replica order inside one partition, so the floating-point aggregates do not depend on how the rows were batched
-- or read (a resumed campaign aggregates bit for bit like an uninterrupted one). The joins come after the aggregate.
-- Standard errors are sample standard deviations over replicas divided by sqrt(n); NULL when n = 1.
-- ln_rho is NULL in raw for exactly absorbed replicas (rho = 0 with h^a = h^b): they count in n_absorbed and in
-- the rho statistics, not in the ln_rho ones.
-- preact_excess_kurtosis is the excess kurtosis of the layer's pre-activations h^a_i pooled over the N components
-- and the replicas (docs/PHYSICS.md §5): E[h^4] is estimated by AVG(h4_mean) and E[h^2]^2 by the U-statistic
-- (SUM(q)^2 - SUM(q^2))/(n(n-1)) over distinct replicas, both unbiased; their ratio minus 3, with a delta-method
-- standard error over replicas (NULL for n < 2, and where h4_mean is NULL: campaigns from before the column).
-- g_relative_variance_stderr is the delta-method error of E[G^2]/E[G]^2 over replicas; ln_g_* are the mean, its
-- error, the sample variance and its error (sqrt((kurtosis + 2)/n) relative) of ln G over replicas. Every error is
-- NULL where it is not a finite double (n < 2, a constant G, or moments of G beyond the double range); the guard
-- abs(x) < Infinity is false for NaN too, which Spark orders above every number.
-- CNN only (NULL for MLPs), per activity threshold k = 1, 2, 3 (grid.active_thresholds): survival_k, the fraction of
-- replicas with an active site (P(l) of a spreading run); active_sites_mean_k, N_a(l); spread_r2_mean_k, R²(l) over
-- replicas with an active site.
-- mf_rho and mf_q are the mean-field (infinite-width) predictions for the same point and layer (table `theory`);
-- nw_g_relative_variance the leading 1/n prediction of g_relative_variance and nw_preact_excess_kurtosis that of
-- preact_excess_kurtosis (MLPs only); exact_* the exact finite-width law of E[G^2]/E[G]^2 - 1, E ln G and Var ln G
-- (MLPs at sigma_b = 0 with relu or linear, NULL elsewhere; docs/PHYSICS.md §5).
-- lyapunov_* is the running estimate of lambda_N up to this layer: tangent_log_norm / layer, NULL at layer 0; over
-- the replicas whose tangent is alive (n_tangent_dead counts those where a ReLU layer switched every neuron off).
-- A replica that a numerical fault stopped (raw.fault, raw.fault_layer; docs/ERRORS.md) is left out of the
-- statistics of every layer, so that every layer averages the same replicas: `measured` masks its values to NULL,
-- which every aggregate skips, and drops its fault row (layer = fault_layer, where nothing was measured). `flagged`
-- counts the point's faulted replicas, so n + flagged is the number of replicas run. A layer whose replicas all
-- faulted has n = 0 and NULL statistics.
WITH measured AS (
    SELECT
        r.point_id,
        r.layer,
        IF(r.fault IS NULL, r.rho, NULL)                AS rho,
        IF(r.fault IS NULL, r.ln_rho, NULL)             AS ln_rho,
        IF(r.fault IS NULL, r.absorbed, NULL)           AS absorbed,
        IF(r.fault IS NULL, r.rho_underflow, NULL)      AS rho_underflow,
        IF(r.fault IS NULL, r.q_a, NULL)                AS q_a,
        IF(r.fault IS NULL, r.h4_mean, NULL)            AS h4_mean,
        IF(r.fault IS NULL AND r.h4_mean IS NOT NULL, r.q_a, NULL) AS q_h4,
        IF(r.fault IS NULL AND r.g > 0, LN(r.g), NULL)  AS ln_g,
        IF(r.fault IS NULL, r.g, NULL)                  AS g,
        IF(r.fault IS NULL, r.tangent_dead, NULL)       AS tangent_dead,
        IF(r.fault IS NULL, r.tangent_log_growth, NULL) AS tangent_log_growth,
        IF(r.fault IS NULL, r.tangent_log_norm, NULL)   AS tangent_log_norm,
        IF(r.fault IS NULL, r.active_sites_1, NULL)     AS active_sites_1,
        IF(r.fault IS NULL, r.active_sites_2, NULL)     AS active_sites_2,
        IF(r.fault IS NULL, r.active_sites_3, NULL)     AS active_sites_3,
        IF(r.fault IS NULL, r.spread_r2_1, NULL)        AS spread_r2_1,
        IF(r.fault IS NULL, r.spread_r2_2, NULL)        AS spread_r2_2,
        IF(r.fault IS NULL, r.spread_r2_3, NULL)        AS spread_r2_3
    FROM raw_ordered r
    WHERE r.fault IS NULL OR r.layer < r.fault_layer
),
faults AS (
    SELECT point_id, COUNT(*) AS flagged FROM raw_ordered WHERE layer = fault_layer GROUP BY point_id
),
stats AS (
    SELECT
        r.point_id,
        r.layer,
        COUNT(r.rho)                                               AS n,
        AVG(r.rho)                                                 AS rho_mean,
        STDDEV_SAMP(r.rho) / SQRT(COUNT(r.rho))                    AS rho_stderr,
        PERCENTILE(r.rho, 0.5)                                     AS rho_median,
        COUNT(r.ln_rho)                                            AS n_ln_rho,
        AVG(r.ln_rho)                                              AS ln_rho_mean,
        STDDEV_SAMP(r.ln_rho) / SQRT(COUNT(r.ln_rho))              AS ln_rho_stderr,
        SUM(CASE WHEN r.absorbed THEN 1 ELSE 0 END)                AS n_absorbed,
        SUM(CASE WHEN r.rho_underflow THEN 1 ELSE 0 END)           AS n_rho_underflow,
        AVG(r.q_a)                                                 AS q_mean,
        STDDEV_SAMP(r.q_a) / SQRT(COUNT(r.q_a))                    AS q_stderr,
        AVG(LN(r.q_a))                                             AS ln_q_mean,
        CASE WHEN COUNT(r.h4_mean) >= 2 THEN AVG(r.h4_mean) * COUNT(r.q_h4) * (COUNT(r.q_h4) - 1)
            / (SUM(r.q_h4) * SUM(r.q_h4) - SUM(r.q_h4 * r.q_h4)) - 3 END AS preact_excess_kurtosis,
        CASE WHEN COUNT(r.h4_mean) >= 2 THEN SQRT(GREATEST(0D, (VAR_SAMP(r.h4_mean) / POW(AVG(r.q_h4), 4)
            - 4 * AVG(r.h4_mean) * COVAR_SAMP(r.q_h4, r.h4_mean) / POW(AVG(r.q_h4), 5)
            + 4 * POW(AVG(r.h4_mean), 2) * VAR_SAMP(r.q_h4) / POW(AVG(r.q_h4), 6)) / COUNT(r.h4_mean))) END
                                                                   AS preact_excess_kurtosis_stderr,
        AVG(r.g)                                                   AS g_mean,
        VAR_SAMP(r.g) / (AVG(r.g) * AVG(r.g))                      AS g_relative_variance,
        CASE WHEN COUNT(r.g) >= 2 THEN SQRT(GREATEST(0D, (4 * POW(AVG(r.g * r.g), 2) * VAR_SAMP(r.g) / POW(AVG(r.g), 6)
            + VAR_SAMP(r.g * r.g) / POW(AVG(r.g), 4)
            - 4 * AVG(r.g * r.g) * COVAR_SAMP(r.g, r.g * r.g) / POW(AVG(r.g), 5)) / COUNT(r.g))) END
                                                                   AS g_relative_variance_stderr,
        AVG(r.ln_g)                                                AS ln_g_mean,
        STDDEV_SAMP(r.ln_g) / SQRT(COUNT(r.ln_g))                  AS ln_g_stderr,
        VAR_SAMP(r.ln_g)                                           AS ln_g_var,
        VAR_SAMP(r.ln_g) * SQRT((KURTOSIS(r.ln_g) + 2) / COUNT(r.ln_g)) AS ln_g_var_stderr,
        SUM(CASE WHEN r.tangent_dead THEN 1 ELSE 0 END)            AS n_tangent_dead,
        AVG(r.tangent_log_growth)                                  AS lyapunov_increment_mean,
        STDDEV_SAMP(r.tangent_log_growth) / SQRT(COUNT(r.tangent_log_growth)) AS lyapunov_increment_stderr,
        CASE WHEN r.layer > 0 THEN AVG(r.tangent_log_norm) / r.layer END                          AS lyapunov_mean,
        CASE WHEN r.layer > 0 THEN STDDEV_SAMP(r.tangent_log_norm) / SQRT(COUNT(r.tangent_log_norm)) / r.layer END AS lyapunov_stderr,
        AVG(CASE WHEN r.active_sites_1 IS NULL THEN NULL WHEN r.active_sites_1 > 0 THEN 1D ELSE 0D END) AS survival_1,
        AVG(CASE WHEN r.active_sites_2 IS NULL THEN NULL WHEN r.active_sites_2 > 0 THEN 1D ELSE 0D END) AS survival_2,
        AVG(CASE WHEN r.active_sites_3 IS NULL THEN NULL WHEN r.active_sites_3 > 0 THEN 1D ELSE 0D END) AS survival_3,
        AVG(r.active_sites_1)                                      AS active_sites_mean_1,
        AVG(r.active_sites_2)                                      AS active_sites_mean_2,
        AVG(r.active_sites_3)                                      AS active_sites_mean_3,
        AVG(r.spread_r2_1)                                         AS spread_r2_mean_1,
        AVG(r.spread_r2_2)                                         AS spread_r2_mean_2,
        AVG(r.spread_r2_3)                                         AS spread_r2_mean_3
    FROM measured r
    GROUP BY r.point_id, r.layer
)
SELECT
    p.point_id,
    p.arch,
    p.activation,
    p.sampler,
    p.sigma_w,
    p.sigma_b,
    p.width,
    p.size,
    p.depth,
    s.layer,
    s.n,
    COALESCE(f.flagged, 0) AS flagged,
    s.rho_mean, s.rho_stderr, s.rho_median, s.n_ln_rho, s.ln_rho_mean, s.ln_rho_stderr, s.n_absorbed,
    s.n_rho_underflow, s.q_mean, s.q_stderr, s.ln_q_mean,
    CASE WHEN abs(s.preact_excess_kurtosis) < double('Infinity') THEN s.preact_excess_kurtosis END
        AS preact_excess_kurtosis,
    CASE WHEN abs(s.preact_excess_kurtosis_stderr) < double('Infinity') THEN s.preact_excess_kurtosis_stderr END
        AS preact_excess_kurtosis_stderr,
    s.g_mean, s.g_relative_variance,
    CASE WHEN abs(s.g_relative_variance_stderr) < double('Infinity') THEN s.g_relative_variance_stderr END
        AS g_relative_variance_stderr,
    s.ln_g_mean, s.ln_g_stderr, s.ln_g_var,
    CASE WHEN abs(s.ln_g_var_stderr) < double('Infinity') THEN s.ln_g_var_stderr END
        AS ln_g_var_stderr,
    s.n_tangent_dead, s.lyapunov_increment_mean, s.lyapunov_increment_stderr, s.lyapunov_mean, s.lyapunov_stderr,
    s.survival_1, s.survival_2, s.survival_3, s.active_sites_mean_1, s.active_sites_mean_2, s.active_sites_mean_3,
    s.spread_r2_mean_1, s.spread_r2_mean_2, s.spread_r2_mean_3,
    t.mf_rho,
    t.mf_q,
    t.nw_g_relative_variance,
    t.nw_preact_excess_kurtosis,
    t.exact_g_relative_variance,
    t.exact_ln_g_mean,
    t.exact_ln_g_var
FROM stats s
JOIN points p ON s.point_id = p.point_id
LEFT JOIN faults f ON f.point_id = s.point_id
LEFT JOIN theory t ON t.point_id = s.point_id AND t.layer = s.layer
