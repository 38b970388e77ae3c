package org.critsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.critsweep.fit.AnalysisSpec;
import org.critsweep.fit.CollapseMethod;
import org.critsweep.fit.Estimate;
import org.critsweep.fit.LayerWindow;
import org.critsweep.fit.ScaledLayerWindow;
import org.critsweep.fit.TauWindow;
import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CampaignParserTest {

    /** A valid campaign; bad-input cases override one key of it. Distinct primes so a swapped field cannot pass. */
    static final String VALID = """
            campaign { name = probe, seed = 7919, output = out/probe }
            grid {
              arch = [mlp]
              activation = [tanh, relu]
              sampler = dense
              sigma_b = [0.3, 0.05]
              sigma_w = [1.3, 1.7]
              width = [11, 13]
              depth = 17
              replicas = 19
              inputs { q0 = 2.3, c0 = 0.29 }
              record = { log = 5 }
            }
            """;

    static Campaign parse(String text, String... overrides) {
        return CampaignParser.parse(text, "test.conf", List.of(overrides));
    }

    @Test
    void everyKeyIsReadIntoItsField() {
        Campaign c = parse(VALID);
        GridSpec g = c.grid();
        assertEquals("probe", c.name());
        assertEquals(7919L, c.seed());
        assertEquals("out/probe", c.output());
        assertEquals(List.of(Arch.MLP), g.archs());
        assertEquals(List.of("tanh", "relu"), g.activations().stream().map(ActivationKind::label).toList());
        assertEquals(Sampler.DENSE, g.sampler());
        assertEquals(List.of(0.3, 0.05), g.sigmaB());
        assertEquals(List.of(1.3, 1.7), g.sigmaW());
        assertEquals(List.of(11, 13), g.widths());
        assertEquals(17, g.depth());
        assertEquals(19, g.replicas());
        assertEquals(2.3, g.q0());
        assertEquals(0.29, g.c0());
        assertEquals(RecordSchedule.log(5), g.record());
    }

    @Test
    void optionalKeysTakeTheDocumentedDefaults() {
        Campaign c = parse("""
                campaign { name = d, seed = 3 }
                grid { activation = tanh, sigma_b = 0.3, sigma_w = 1.4, width = 8, depth = 4, replicas = 2 }
                """);
        assertEquals("runs/d", c.output());
        assertEquals(List.of(Arch.MLP), c.grid().archs());
        assertEquals(Sampler.GRAM, c.grid().sampler());
        assertEquals(1.0, c.grid().q0());
        assertEquals(0.8, c.grid().c0());
        assertEquals(RecordSchedule.every(), c.grid().record());
    }

    @Test
    void linspaceGivesRoundedEquallySpacedValues() {
        Campaign c = parse(VALID, "grid.sigma_w={ linspace = [1.30, 1.50, 11] }");
        List<Double> expected = List.of(1.3, 1.32, 1.34, 1.36, 1.38, 1.4, 1.42, 1.44, 1.46, 1.48, 1.5);
        assertEquals(expected, c.grid().sigmaW(), "1.30 + k 0.02 must equal the decimal literal, so ids match a list");
    }

    @Test
    void overridesReplaceFileValues() {
        Campaign c = parse(VALID, "grid.depth=23", "grid.width=[29]", "campaign.name=other");
        assertEquals(23, c.grid().depth());
        assertEquals(List.of(29), c.grid().widths());
        assertEquals("other", c.name());
    }

    @Test
    void canonicalConfigIsIndependentOfKeyOrderAndFormatting() {
        String reordered = """
                grid { replicas = 19, depth = 17, width = [11, 13], sigma_w = [1.3, 1.7], sigma_b = [0.3, 0.05]
                       sampler = dense, activation = [tanh, relu], arch = [mlp], record = { log = 5 }
                       inputs { c0 = 0.29, q0 = 2.3 } }
                campaign { output = out/probe, seed = 7919, name = probe }
                """;
        assertEquals(parse(VALID).canonicalConfig(), parse(reordered).canonicalConfig());
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("grid.sigmaw=1.4", "grid.sigmaw: unknown key; did you mean grid.sigma_w? Allowed keys in grid: activation, active_thresholds, arch, channels, depth, inputs, kernel_size, protocol, record, replicas, sampler, sigma_b, sigma_w, size, width"),
                Arguments.of("analyse.bootstrap=10", "analyse: unknown key; did you mean analysis? Allowed keys: analysis, campaign, grid"),
                Arguments.of("analysis.resamples=10", "analysis.resamples: unknown key; allowed keys in analysis: bootstrap, collapse, collapse_window, decay_window, exponents, mcmc_steps, tau_window"),
                Arguments.of("analysis.tau_window=[10]", "analysis.tau_window: expected auto or [a, b] with numbers > 0, got list [10]"),
                Arguments.of("analysis.tau_window=[0, 0.05]", "analysis.tau_window: expected a number > 0, got 0.0"),
                Arguments.of("analysis.collapse_window=[4, 1]", "analysis.collapse_window: expected auto or [a, b] with numbers > 0 and a < b, got list [4,1]"),
                Arguments.of("grid.sigma_w={ around-critical = { half-width = 0, points = 5 } }", "grid.sigma_w.around-critical.half-width: expected a number > 0, got 0.0"),
                Arguments.of("grid.sigma_w={ around-critical = { half-width = 0.1, points = 1 } }", "grid.sigma_w.around-critical.points: expected an integer in [2, 10000], got 1"),
                Arguments.of("grid.sigma_w={ around-critical = { width = 0.1 } }", "grid.sigma_w.around-critical.width: unknown key; allowed keys in grid.sigma_w.around-critical: half-width, points"),
                Arguments.of("analysis.bootstrap=1", "analysis.bootstrap: expected 0 (no bootstrap) or an integer >= 2, got 1"),
                Arguments.of("analysis.bootstrap=-5", "analysis.bootstrap: expected an integer >= 0, got -5"),
                Arguments.of("analysis.collapse=[hh, autoscale]", "analysis.collapse: unknown value 'autoscale'; allowed: hh, bayes"),
                Arguments.of("analysis.exponents=[gamma]", "analysis.exponents: unknown value 'gamma'; allowed: delta, beta, nu_par, fss"),
                Arguments.of("analysis.decay_window=[100, 10]", "analysis.decay_window: expected auto or [from, to] with integers 0 <= from < to, got list [100,10]"),
                Arguments.of("analysis.decay_window=manual", "analysis.decay_window: expected auto or [from, to] with integers 0 <= from < to, got string \"manual\""),
                Arguments.of("analysis.mcmc_steps=10", "analysis.mcmc_steps: expected an integer >= 100, got 10"),
                Arguments.of("campaign.sed=1", "campaign.sed: unknown key; did you mean campaign.seed? Allowed keys in campaign: max_core_hours, name, output, seed"),
                Arguments.of("grid.inputs.q1=1", "grid.inputs.q1: unknown key; did you mean grid.inputs.q0? Allowed keys in grid.inputs: c0, q0"),
                Arguments.of("grid.sigma_w=[1.4, -1.0]", "grid.sigma_w: expected a number > 0, got -1.0"),
                Arguments.of("grid.sigma_w=0", "grid.sigma_w: expected a number > 0, got 0.0"),
                Arguments.of("grid.sigma_w={ linspace = [-0.1, 1.0, 3] }", "grid.sigma_w.linspace: expected [a, b, n] with 0 < a < b and an integer n in [2, 10000], got list [-0.1,1,3]"),
                Arguments.of("grid.sigma_w={ linspace = [1.3, 1.5, 1] }", "grid.sigma_w.linspace: expected [a, b, n] with 0 < a < b and an integer n in [2, 10000], got list [1.3,1.5,1]"),
                Arguments.of("grid.sigma_w={ linspace = [1.5, 1.3, 5] }", "grid.sigma_w.linspace: expected [a, b, n] with 0 < a < b and an integer n in [2, 10000], got list [1.5,1.3,5]"),
                Arguments.of("grid.sigma_w={ linspace = [1.3, 1.5] }", "grid.sigma_w.linspace: expected [a, b, n] with 0 < a < b and an integer n in [2, 10000], got list [1.3,1.5]"),
                Arguments.of("grid.sigma_w={ logspace = [1, 2, 3] }", "grid.sigma_w.logspace: unknown key; did you mean grid.sigma_w.linspace? Allowed keys in grid.sigma_w: around-critical, linspace"),
                Arguments.of("grid.sigma_b=-0.1", "grid.sigma_b: expected a number >= 0, got -0.1"),
                Arguments.of("grid.depth=0", "grid.depth: expected an integer >= 1, got 0"),
                Arguments.of("grid.depth=\"deep\"", "grid.depth: expected an integer >= 1, got string \"deep\""),
                Arguments.of("grid.depth=2.5", "grid.depth: expected an integer >= 1, got number 2.5"),
                Arguments.of("grid.replicas=0", "grid.replicas: expected an integer >= 1, got 0"),
                Arguments.of("grid.width=[]", "grid.width: expected a non-empty list, got []"),
                Arguments.of("grid.width=[64, 1]", "grid.width: expected an integer >= 2, got 1"),
                Arguments.of("grid.width=[64, 64]", "grid.width: duplicate values in [64, 64]; each value may appear once"),
                Arguments.of("grid.activation=softplus", "grid.activation: unknown value 'softplus'; allowed: tanh, erf, sin, relu, linear"),
                Arguments.of("grid.arch=transformer", "grid.arch: unknown value 'transformer'; allowed: mlp, cnn1d, cnn2d, lcn1d, lcn2d"),
                Arguments.of("grid.channels=[8]", "grid.channels: applies to arch cnn1d/cnn2d/lcn1d/lcn2d only"),
                Arguments.of("grid.protocol=spreading", "grid.protocol: applies to arch cnn1d/cnn2d/lcn1d/lcn2d only"),
                Arguments.of("grid.sampler=gibbs", "grid.sampler: unknown value 'gibbs'; allowed: gram, dense"),
                Arguments.of("grid.inputs.c0=1.5", "grid.inputs.c0: expected a correlation in [-1, 1], got 1.5"),
                Arguments.of("grid.inputs.q0=0", "grid.inputs.q0: expected a number > 0, got 0.0"),
                Arguments.of("grid.record=sometimes", "grid.record: expected every or { log = n }, got string \"sometimes\""),
                Arguments.of("grid.record={ log = 1 }", "grid.record.log: expected an integer >= 2, got 1"),
                Arguments.of("campaign.name=\"a b\"", "campaign.name: expected letters, digits, '.', '_' or '-', got 'a b'"),
                Arguments.of("nonsense", "--set: expected key=value, got 'nonsense'"));
    }

    @Test
    void aroundCriticalCentresOnTheMeanFieldPointOrOnAMeasuredRoot() {
        Campaign c = parse(VALID, "grid.sigma_w={ around-critical = { half-width = 0.05, points = 5 } }",
                "grid.activation=[tanh]", "grid.sigma_b=[0.3]", "grid.width=[64]");
        double mf = 1.3955839751548; // PHYSICS.md §4, tanh at sigma_b = 0.3
        List<Double> planned = TaskPlanner.plan(c).points().stream().map(GridPoint::sigmaW).toList();
        assertEquals(5, planned.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(mf - 0.05 + 0.025 * i, planned.get(i), 1e-9);
        }
        FamilyMember key = FamilyMember.of(Arch.MLP, ActivationKind.TANH, c.grid().sampler(), 0.3, 64, null);
        List<Double> recentred = TaskPlanner.plan(c, new CriticalCentres(java.util.Map.of(key, 1.42))).points()
                .stream().map(GridPoint::sigmaW).toList();
        assertEquals(List.of(1.37, 1.395, 1.42, 1.445, 1.47), recentred);
        Campaign both = parse(VALID, "grid.sigma_w={ linspace = [1.0, 2.0, 3], around-critical = { half-width = 0.1,"
                + " points = 3 } }", "grid.activation=[tanh]", "grid.sigma_b=[0.3]", "grid.width=[64]");
        assertEquals(6, TaskPlanner.plan(both).points().size(), "the coarse values and the refinement");
    }

    @Test
    void analysisBlockIsReadAndLeftOutOfTheSweepConfiguration() {
        Campaign campaign = parse(VALID, "analysis { bootstrap = 50, collapse = [hh], decay_window = [20, 200],"
                + " exponents = [delta] }");
        AnalysisSpec analysis = campaign.analysis();
        assertEquals(50, analysis.bootstrap());
        assertEquals(List.of(CollapseMethod.HH), analysis.collapse());
        assertEquals(Optional.of(new LayerWindow(20, 200)), analysis.decayWindow());
        assertTrue(analysis.wants(Estimate.DELTA));
        assertFalse(analysis.wants(Estimate.BETA));
        assertEquals(parse(VALID).dataIdentity(), campaign.dataIdentity());
        assertEquals(parse(VALID).dataIdentity(), parse(VALID, "grid.width=[8, 16, 32]", "grid.replicas=64")
                .dataIdentity(), "a grown campaign keeps its identity");
        assertNotEquals(parse(VALID).dataIdentity(), parse(VALID, "campaign.seed=8").dataIdentity());
        assertNotEquals(parse(VALID).canonicalConfig(), campaign.canonicalConfig());
        assertEquals(AnalysisSpec.defaults().bootstrap(), parse(VALID).analysis().bootstrap());
        assertEquals(List.of(), parse(VALID, "analysis.collapse=[]").analysis().collapse());
        AnalysisSpec windows = parse(VALID, "analysis { tau_window = [5, 0.1], collapse_window = [0.5, 4] }")
                .analysis();
        assertEquals(new TauWindow(5, 0.1), windows.tauWindow());
        assertEquals(Optional.of(new ScaledLayerWindow(0.5, 4)), windows.collapseWindow());
        assertEquals(Optional.empty(), windows.decayWindow(), "auto when absent");
        assertEquals(new TauWindow(10, 0.05), parse(VALID, "analysis.tau_window=auto").analysis().tauWindow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithTheFieldAndTheAllowedValues(String override, String message) {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(VALID, override));
        assertEquals(message, e.getMessage());
    }

    static final String CNN = """
            campaign { name = conv, seed = 7 }
            grid {
              arch = [cnn1d]
              activation = tanh
              sigma_b = 0.3
              sigma_w = [1.3, 1.7]
              channels = [8, 16]
              size = [32, 64]
              depth = 11
              replicas = 3
            }
            """;

    @Test
    void cnnGridReadsChannelsSizeKernelProtocolAndThresholds() {
        GridSpec g = parse(CNN, "grid.kernel_size=5", "grid.protocol=spreading", "grid.active_thresholds=[1e-12, 1e-8, 1e-4]").grid();
        assertEquals(List.of(8, 16), g.conv().channels());
        assertEquals(List.of(32, 64), g.conv().sizes());
        assertEquals(5, g.conv().kernelSize());
        assertEquals(org.critsweep.kernel.Protocol.SPREADING, g.conv().protocol());
        assertEquals(List.of(1e-12, 1e-8, 1e-4), g.conv().activeThresholds());
        assertEquals(List.of(1e-9, 1e-6, 1e-3), parse(CNN).grid().conv().activeThresholds(), "default thresholds");
        assertEquals(2 * 2 * 2, TaskPlanner.plan(parse(CNN)).points().size(), "channels × size × sigma_w");
        assertEquals(3, parse(CNN).grid().conv().kernelSize(), "default kernel size");
    }

    /** The locally connected control takes the CNN keys and reaches the kernel with untied weights. */
    @Test
    void lcnGridsAreLatticeNetsWithUntiedWeights() {
        for (Arch arch : List.of(Arch.LCN1D, Arch.LCN2D)) {
            GridPoint point = TaskPlanner.plan(parse(CNN, "grid.arch=[" + arch.label() + "]", "grid.size=[8]"))
                    .points().get(0);
            assertEquals(arch, point.arch());
            assertEquals(arch == Arch.LCN1D ? 1 : 2, point.convSpec(new double[] {1e-9, 1e-6, 1e-3}).dimensions());
            assertEquals(false, point.convSpec(new double[] {1e-9, 1e-6, 1e-3}).sharedWeights());
        }
        GridPoint cnn = TaskPlanner.plan(parse(CNN)).points().get(0);
        assertEquals(true, cnn.convSpec(new double[] {1e-9, 1e-6, 1e-3}).sharedWeights());
    }

    static Stream<Arguments> badCnnInputs() {
        return Stream.of(
                Arguments.of("grid.sampler=gram", "grid.sampler: gram is exact only for mlp (weights shared across positions break it); use dense, or leave sampler unset, with cnn1d/cnn2d/lcn1d/lcn2d"),
                Arguments.of("grid.width=[64]", "grid.width: applies to arch mlp only; a CNN has channels and size"),
                Arguments.of("grid.kernel_size=4", "grid.kernel_size: expected an odd integer <= the smallest size (32), got 4"),
                Arguments.of("grid.kernel_size=33", "grid.kernel_size: expected an odd integer <= the smallest size (32), got 33"),
                Arguments.of("grid.channels=[1]", "grid.channels: expected an integer >= 2, got 1"),
                Arguments.of("grid.protocol=avalanche", "grid.protocol: unknown value 'avalanche'; allowed: pair, spreading"),
                Arguments.of("grid.active_thresholds=[1e-3]", "grid.active_thresholds: expected three increasing values in (0, 1), got [0.001]"),
                Arguments.of("grid.active_thresholds=[1e-6, 1e-3]", "grid.active_thresholds: expected three increasing values in (0, 1), got [1.0E-6, 0.001]"),
                Arguments.of("grid.active_thresholds=[1e-9, 1e-3, 1e-6]", "grid.active_thresholds: expected three increasing values in (0, 1), got [1.0E-9, 0.001, 1.0E-6]"),
                Arguments.of("grid.active_thresholds=[1e-9, 1e-6, 1]", "grid.active_thresholds: expected three increasing values in (0, 1), got [1.0E-9, 1.0E-6, 1.0]"),
                Arguments.of("grid.active_thresholds=[1e-9, 1e-6, 1e-3, 1e-1]", "grid.active_thresholds: expected three increasing values in (0, 1), got [1.0E-9, 1.0E-6, 0.001, 0.1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCnnInputs")
    void badCnnInputIsRefusedWithTheFieldAndTheAllowedValues(String override, String message) {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(CNN, override));
        assertEquals(message, e.getMessage());
    }

    @Test
    void missingRequiredKeyIsNamed() {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(VALID.replace("depth = 17", "")));
        assertEquals("grid.depth: required key is missing", e.getMessage());
    }

    @Test
    void syntaxErrorNamesTheFileAndLine() {
        BadInputException e = assertThrows(BadInputException.class, () -> parse("campaign {\n name = x\n seed == 1\n}\n"));
        assertEquals("test.conf:3", e.field());
        assertTrue(e.getMessage().startsWith("test.conf:3: syntax error: Expecting a value but got wrong token: '='"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddActivations")
    void sigmaBZeroWithAnOddActivationIsRefusedAsDegenerate(String activation) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> parse(VALID, "grid.activation=[relu, " + activation + "]", "grid.sigma_b=[0.3, 0]"));
        assertEquals("grid.sigma_b", e.field());
        assertTrue(e.getMessage().startsWith("grid.sigma_b: 0 with the odd activation " + activation + " is degenerate"),
                e.getMessage());
    }

    static Stream<String> oddActivations() {
        return Stream.of(ActivationKind.values()).filter(kind -> kind.activation().isOdd())
                .map(ActivationKind::label);
    }

    @Test
    void sigmaBZeroIsReLUsCriticalPointAndAccepted() {
        assertEquals(List.of(0.0), parse(VALID, "grid.activation=relu", "grid.sigma_b=0").grid().sigmaB());
    }

    @Test
    void maxCoreHoursDefaultsToAHundredAndCanBeRaised() {
        assertEquals(100.0, parse(VALID).maxCoreHours());
        assertEquals(2500.0, parse(VALID, "campaign.max_core_hours=2500").maxCoreHours());
    }
}
