package org.critsweep.report;

import static org.critsweep.report.ReportFixtures.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExponentTableTest {

    @Test
    void rowsComeBySizeThenExtrapolationThenPooledSizesCriticalPointFirstAndTheVerdictIsSetApart() {
        ExponentTable table = ExponentTable.of(List.of(
                fit(null, "N in [16, 32]", "fss_a", 0.9, 0.1, "collapse"),
                fit(null, "N in [16, 32]", "universality_class", 0.68, Double.NaN, "mean field (p = 0.68)"),
                fit(null, "N->inf, sigma_w=1.3", "lambda_n_coefficient", -0.9, 0.19, "a/N"),
                fit(null, "N->inf", "sigma_w_c_inf", 1.3956, 0.002, "a/N"),
                fit(32, "N=32", "sigma_w_c", 1.49, 0.003, "w"),
                fit(16, "N=16", "sigma_w_c", 1.58, 0.004, "w"),
                fit(16, "N=16", "delta", 1.01, 0.05, "w"),
                fit(null, "N in [16, 32]", "universality_p_mean_field", 0.68, Double.NaN, "mean field: delta p = 0.34"),
                fit(null, "N in [16, 32]", "universality_p_dp_1_1", 2e-9, Double.NaN, "DP 1+1: delta p = 1e-09")));
        assertEquals(List.of("N=16 sigma_w_c", "N=16 delta", "N=32 sigma_w_c", "N->inf sigma_w_c_inf",
                "N->inf, sigma_w=1.3 lambda_n_coefficient", "N in [16, 32] fss_a"), table.rows().stream().map(r -> r.scope() + " " + r.quantity()).toList());
        assertEquals(Map.of(ReportFixtures.TANH, "mean field (p = 0.68)"), table.verdicts());
        assertEquals(List.of("mean field: p = 0.68 (delta p = 0.34)", "DP 1+1: p = 2.0e-09 (delta p = 1e-09)"),
                table.classPValues().get(ReportFixtures.TANH).stream().map(ExponentTable.ClassP::describe).toList());
    }

    @Test
    void cellsRoundEveryNumberToTheErrorAndSayWhenThereIsNone() {
        // 0.004 -> one digit, at the third decimal; the interval 1.583123 -+ 1.96 * 0.004 = [1.575283, 1.590963]
        assertEquals(List.of("mlp/tanh/gram sigma_b=0.3", "N=16", "sigma_w_c", "1.583(4)", "0.004", "1.575", "1.591",
                "test", "w"), ExponentTable.cells(fit(16, "N=16", "sigma_w_c", 1.583123, 0.004, "w")));
        assertEquals(List.of("mlp/tanh/gram sigma_b=0.3", "N=16", "sigma_w_c", "1.58312 (no error)", "-", "-", "-",
                "test", "w"), ExponentTable.cells(fit(16, "N=16", "sigma_w_c", 1.583123, Double.NaN, "w")));
        assertEquals("0.5 ± 5e3 (unconstrained)",
                ExponentTable.cells(fit(null, "N in [16, 32]", "fss_b", 0.51494, 5391.77, "w")).get(3));
    }
}
