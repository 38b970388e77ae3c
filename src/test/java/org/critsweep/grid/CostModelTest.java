package org.critsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.kernel.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cost model and the task split against hand-computed values, at sizes whose int products overflow. */
class CostModelTest {

    private static GridPoint mlp(Sampler sampler, int width, int depth) {
        return new GridPoint(Arch.MLP, ActivationKind.TANH, sampler, 1.4, 0.3, width, depth, 1.0, 0.8);
    }

    @Test
    void gramCostOfWidth65536AndDepth32768() {
        GridPoint point = mlp(Sampler.GRAM, 65536, 32768);
        assertEquals(25_769_803_776.0, CostModel.perReplica(point));          // 2^31 × (6 + 6 for tanh)
        assertEquals(10_000 * 25_769_803_776.0, CostModel.estimate(point, 10_000, 1).weightUpdates());
    }

    @Test
    void gramCostOfDepth1e9AndOfTheLargestInt() {
        assertEquals(96e9, CostModel.perReplica(mlp(Sampler.GRAM, 8, 1_000_000_000)));
        assertEquals(51_539_607_528.0, CostModel.perReplica(mlp(Sampler.GRAM, 2, Integer.MAX_VALUE)));
        assertEquals(2_147_483_647.0 * 24, CostModel.estimate(mlp(Sampler.GRAM, 2, 1), Integer.MAX_VALUE, 2)
                .weightUpdates());
    }

    /** Width 4, depth 3: 16 weights and 4 tanh neurons (6 updates each) per layer. */
    @Test
    void denseCostOfASmallMlp() {
        assertEquals(3 * (16 + 4 * 6), CostModel.perReplica(mlp(Sampler.DENSE, 4, 3)));
    }

    /** The erf neuron (commons-math) costs more than tanh's, ReLU's less; the weights cost the same. */
    @Test
    void theActivationChangesTheNeuronsCostOnly() {
        GridPoint tanh = mlp(Sampler.GRAM, 64, 10);
        GridPoint erf = new GridPoint(Arch.MLP, ActivationKind.ERF, Sampler.GRAM, 1.4, 0.3, 64, 10, 1.0, 0.8);
        GridPoint relu = new GridPoint(Arch.MLP, ActivationKind.RELU, Sampler.DENSE, 1.4, 0.3, 64, 10, 1.0, 0.8);
        assertEquals(10 * 64 * (CostModel.GRAM_NEURON_BASE + CostModel.activationUnits(ActivationKind.ERF)),
                CostModel.perReplica(erf));
        assertTrue(CostModel.perReplica(erf) > CostModel.perReplica(tanh));
        assertEquals(10 * 64 * (64 + CostModel.activationUnits(ActivationKind.RELU)), CostModel.perReplica(relu));
        assertTrue(CostModel.perReplica(relu) < CostModel.perReplica(mlp(Sampler.DENSE, 64, 10)));
    }

    /** 2 channels on 65536² sites, k = 3: 2 · 2 · 9 applications of 0.45 updates and 2 tanh neurons per site. */
    @Test
    void denseCostOfACnn2dLatticeOf65536Squared() {
        GridPoint point = new GridPoint(Arch.CNN2D, ActivationKind.TANH, Sampler.DENSE, 1.4, 0.3, 2, 1, 1.0, 0.8,
                65536, 3, Protocol.PAIR);
        assertEquals(4_294_967_296.0 * (36 * 0.45 + 2 * 6), CostModel.perReplica(point), 1e-3);
        assertThrows(ArithmeticException.class, point::sites);
    }

    /** The LCN draws its filter (C²k = 8·8·3) and biases (C = 8) at each of L = 128 sites on top of applying it. */
    @Test
    void lcnCostAddsTheDrawsOfAFilterPerSite() {
        GridPoint cnn = new GridPoint(Arch.CNN1D, ActivationKind.TANH, Sampler.DENSE, 1.4, 0.3, 8, 10, 1.0, 0.8,
                128, 3, Protocol.SPREADING);
        GridPoint lcn = new GridPoint(Arch.LCN1D, ActivationKind.TANH, Sampler.DENSE, 1.4, 0.3, 8, 10, 1.0, 0.8,
                128, 3, Protocol.SPREADING);
        assertEquals(10.0 * 128 * (192 * 0.45 + 8 * 6), CostModel.perReplica(cnn), 1e-9);
        assertEquals(10.0 * 128 * (192 * 0.45 + 192 + 8 + 8 * 6), CostModel.perReplica(lcn), 1e-9);
    }

    /**
     * One replica of width 8 and depth 8, 9 layers recorded: 8 · 8 · 12 = 768 updates, 8 replica-layers, 9 rows, one
     * task, one point; its wall time on 2 cores is the start-up plus half of that.
     */
    @Test
    void estimateOfTheTinyCampaignAddsEveryFixedCost() {
        SweepEstimate tiny = CostModel.estimate(mlp(Sampler.GRAM, 8, 8), 1, 9);
        assertEquals(new SweepEstimate(768, 8, 9, 1, 1), tiny);
        double core = 768 * CostModel.SECONDS_PER_WEIGHT + 8 * CostModel.SECONDS_PER_LAYER + 9 * CostModel.SECONDS_PER_ROW
                + CostModel.SECONDS_PER_TASK + CostModel.SECONDS_PER_POINT;
        assertEquals(core, tiny.coreSeconds(), 1e-15);
        assertEquals(CostModel.STARTUP_SECONDS + core / 2, tiny.wallSeconds(2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> tiny.wallSeconds(0));
    }

    /** 500 replicas of width 4096, depth 100 (49152 · 100 updates each): ⌊2e8 / 4.9152e6⌋ = 40 a task, 13 tasks. */
    @Test
    void estimateCountsTheTasksTheSplitMakes() {
        GridPoint point = mlp(Sampler.GRAM, 4096, 100);
        assertEquals(13, CostModel.estimate(point, 500, 101).tasks());
        assertEquals(TaskPlanner.split(point, 500).size(), CostModel.estimate(point, 500, 101).tasks());
        assertEquals(258, CostModel.estimate(mlp(Sampler.GRAM, 2, 1), Integer.MAX_VALUE, 2).tasks());
    }

    /** More width, depth, replicas, recorded layers or points never cost less; more cores never take longer. */
    @Test
    void theEstimateIsMonotone() {
        SweepEstimate base = CostModel.estimate(mlp(Sampler.GRAM, 64, 100), 10, 11);
        for (SweepEstimate bigger : List.of(CostModel.estimate(mlp(Sampler.GRAM, 65, 100), 10, 11),
                CostModel.estimate(mlp(Sampler.GRAM, 64, 101), 10, 11), CostModel.estimate(mlp(Sampler.GRAM, 64, 100), 11, 11),
                CostModel.estimate(mlp(Sampler.GRAM, 64, 100), 10, 12), base.plus(SweepEstimate.NOTHING.plus(
                        CostModel.estimate(mlp(Sampler.GRAM, 2, 1), 1, 1))))) {
            assertTrue(bigger.coreSeconds() > base.coreSeconds(), bigger + " against " + base);
            assertTrue(bigger.wallSeconds(4) > base.wallSeconds(4), bigger + " against " + base);
        }
        double previous = Double.POSITIVE_INFINITY;
        for (int cores = 1; cores <= 1024; cores *= 2) {
            double wall = base.wallSeconds(cores);
            assertTrue(wall < previous && wall > CostModel.STARTUP_SECONDS, cores + " cores: " + wall);
            previous = wall;
        }
    }

    /** 500 one-replica points of width 8: the kernel is next to nothing, the points' and tasks' own costs are not. */
    @Test
    void theBudgetCountsTheFixedCostsAndNamesItsField() {
        double fixedHours = 500 * (CostModel.SECONDS_PER_TASK + CostModel.SECONDS_PER_POINT) / 3600;
        Campaign campaign = CampaignParserTest.parse(CampaignParserTest.VALID, "grid.activation=[tanh]",
                "grid.sigma_b=[0.3]", "grid.sigma_w={linspace=[1.0,2.0,500]}", "grid.width=[8]", "grid.depth=8",
                "grid.replicas=1", "campaign.max_core_hours=" + 0.99 * fixedHours);
        BadInputException e = assertThrows(BadInputException.class, () -> TaskPlanner.plan(campaign));
        assertEquals("campaign.max_core_hours", e.field());
        assertTrue(e.getMessage().contains("(500 points, 1 replicas each)"), e.getMessage());
    }

    @Test
    void rawRowsArePointsTimesReplicasTimesRecordedLayers() {
        Campaign campaign = CampaignParserTest.parse(CampaignParserTest.VALID, "grid.replicas=1000000",
                "grid.record=every",
                "grid.depth=4096");
        assertEquals(11 * 1e6 * 4097, CostModel.rawRows(campaign, 11));
    }

    @Test
    void rawRowsAboveTheBoundAreRefusedNamingReplicas() {
        BadInputException e = assertThrows(BadInputException.class, () -> TaskPlanner.plan(CampaignParserTest.parse(
                CampaignParserTest.VALID, "grid.replicas=1000000", "grid.record=every", "grid.depth=4096")));
        assertEquals("grid.replicas", e.field());
        assertTrue(e.getMessage().contains("above the bound of 1e+09 rows"), e.getMessage());
    }

    @Test
    @Timeout(20)
    void splittingTheLargestIntOfReplicasTerminates() {
        List<SweepTask> tasks = TaskPlanner.split(mlp(Sampler.GRAM, 2, 1), Integer.MAX_VALUE);
        assertEquals(258, tasks.size());                                         // ⌈(2^31 − 1) / ⌊2e8 / 24⌋⌉
        assertEquals(Integer.MAX_VALUE, tasks.stream().mapToLong(SweepTask::replicaCount).sum());
        assertEquals(5_817_066, tasks.get(tasks.size() - 1).replicaCount());
        assertTrue(tasks.stream().allMatch(t -> t.firstReplica() >= 0));
    }

    @Test
    void countOfEveryLayerAtTheLargestIntDepthIsRefused() {
        assertThrows(ArithmeticException.class, () -> RecordSchedule.every().count(Integer.MAX_VALUE));
        assertEquals(Limits.MAX_DEPTH + 1, RecordSchedule.every().count(Limits.MAX_DEPTH));
    }
}
