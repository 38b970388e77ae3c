package org.critsweep.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.critsweep.grid.GridPoint;
import org.critsweep.grid.RecordSchedule;
import org.critsweep.grid.SweepTask;
import org.critsweep.kernel.LayerObservables;
import org.critsweep.kernel.MlpPropagator;
import org.critsweep.kernel.ReplicaStreams;

/**
 * Runs the kernel for one sweep task and turns its observables into {@code raw} rows
 * ({@link Tables#RAW_SCHEMA}). Pure: the rows depend only on (campaign seed, point, replica).
 */
final class ReplicaRows {

    private ReplicaRows() {
    }

    static List<Row> of(SweepTask task, long campaignSeed, RecordSchedule schedule) {
        GridPoint point = task.point();
        String pointId = point.pointId();
        long pointKey = point.pointKey();
        boolean[] recorded = schedule.mask(point.depth());
        MlpPropagator propagator = switch (point.sampler()) {
            case DENSE -> MlpPropagator.dense(point.networkSpec());
            case GRAM -> MlpPropagator.gram(point.networkSpec());
        };
        List<Row> rows = new ArrayList<>(task.replicaCount() * schedule.count(point.depth()));
        for (int replica = task.firstReplica(); replica < task.firstReplica() + task.replicaCount(); replica++) {
            int r = replica;
            propagator.run(ReplicaStreams.of(campaignSeed, pointKey, replica), layer -> {
                if (recorded[layer.layer()]) {
                    rows.add(row(pointId, r, layer));
                }
            });
        }
        return rows;
    }

    /** ln ρ = −∞ (exact absorption) and the undefined layer-0 growth are stored as SQL NULL, never as NaN or ∞. */
    private static Row row(String pointId, int replica, LayerObservables o) {
        return RowFactory.create(pointId, replica, o.layer(), o.qA(), o.qB(), o.rho(),
                Double.isFinite(o.lnRho()) ? o.lnRho() : null, o.gA(),
                Double.isNaN(o.tangentLogGrowth()) ? null : o.tangentLogGrowth(), o.tangentLogNorm(), o.probe(),
                o.absorbed(), o.rhoUnderflow());
    }
}
