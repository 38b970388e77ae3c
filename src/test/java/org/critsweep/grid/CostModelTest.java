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
        assertEquals(25_769_803_776.0, CostModel.perReplica(point));          // 2^31 × 12
        assertEquals(1_288_490.1888, CostModel.coreSeconds(point, 10_000), 1e-6); // × 10^4 × 5e-9
    }

    @Test
    void gramCostOfDepth1e9AndOfTheLargestInt() {
        assertEquals(96e9, CostModel.perReplica(mlp(Sampler.GRAM, 8, 1_000_000_000)));
        assertEquals(51_539_607_528.0, CostModel.perReplica(mlp(Sampler.GRAM, 2, Integer.MAX_VALUE)));
        assertEquals(2_147_483_647.0 * 24 * 5e-9, CostModel.coreSeconds(mlp(Sampler.GRAM, 2, 1), Integer.MAX_VALUE),
                1e-9);
    }

    @Test
    void denseCostOfASmallMlp() {
        assertEquals(48.0, CostModel.perReplica(mlp(Sampler.DENSE, 4, 3)));
    }

    @Test
    void denseCostOfACnn2dLatticeOf65536Squared() {
        GridPoint point = new GridPoint(Arch.CNN2D, ActivationKind.TANH, Sampler.DENSE, 1.4, 0.3, 2, 1, 1.0, 0.8,
                65536, 3, Protocol.PAIR);
        assertEquals(154_618_822_656.0, CostModel.perReplica(point));          // 2 × 2 × 65536² × 3²
        assertThrows(ArithmeticException.class, point::sites);
    }

    /** The LCN draws its filter (C²k = 8·8·3) and biases (C = 8) at each of L = 128 sites on top of applying it. */
    @Test
    void lcnCostAddsTheDrawsOfAFilterPerSite() {
        GridPoint cnn = new GridPoint(Arch.CNN1D, ActivationKind.TANH, Sampler.DENSE, 1.4, 0.3, 8, 10, 1.0, 0.8,
                128, 3, Protocol.SPREADING);
        GridPoint lcn = new GridPoint(Arch.LCN1D, ActivationKind.TANH, Sampler.DENSE, 1.4, 0.3, 8, 10, 1.0, 0.8,
                128, 3, Protocol.SPREADING);
        assertEquals(10.0 * 128 * 192, CostModel.perReplica(cnn));
        assertEquals(10.0 * 128 * (192 + 192 + 8), CostModel.perReplica(lcn));
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
