package org.critsweep.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.critsweep.grid.GridPoint;
import org.critsweep.grid.GridSpec;
import org.critsweep.grid.SweepTask;
import org.critsweep.kernel.ConvObservables;
import org.critsweep.kernel.ConvPropagator;
import org.critsweep.kernel.LayerObservables;
import org.critsweep.kernel.MlpPropagator;
import org.critsweep.kernel.NormalStream;
import org.critsweep.kernel.ReplicaStreams;

/**
 * Runs the kernel for one sweep task and turns its observables into {@code raw} rows
 * ({@link Tables#RAW_SCHEMA}). Pure: the rows depend only on (campaign seed, point, replica).
 */
final class ReplicaRows {

    private ReplicaRows() {
    }

    static List<Row> of(SweepTask task, long campaignSeed, GridSpec grid) {
        GridPoint point = task.point();
        String pointId = point.pointId();
        long pointKey = point.pointKey();
        boolean[] recorded = grid.record().mask(point.depth());
        List<Row> rows = new ArrayList<>(task.replicaCount() * grid.record().count(point.depth()));
        ReplicaRunner runner = runner(point, grid);
        for (int replica = task.firstReplica(); replica < task.firstReplica() + task.replicaCount(); replica++) {
            int r = replica;
            runner.run(ReplicaStreams.of(campaignSeed, pointKey, replica), (global, conv) -> {
                if (recorded[global.layer()]) {
                    rows.add(row(pointId, r, global, conv));
                }
            });
        }
        return rows;
    }

    /** One replica of a point's network, whatever its architecture. */
    private interface ReplicaRunner {
        void run(NormalStream random, RowSink sink);
    }

    private interface RowSink {
        void accept(LayerObservables global, ConvObservables conv);
    }

    private static ReplicaRunner runner(GridPoint point, GridSpec grid) {
        if (point.arch().convolutional()) {
            ConvPropagator propagator = new ConvPropagator(point.convSpec(grid.conv().thresholds()));
            return (random, sink) -> propagator.run(random, o -> sink.accept(o.global(), o));
        }
        MlpPropagator propagator = switch (point.sampler()) {
            case DENSE -> MlpPropagator.dense(point.networkSpec());
            case GRAM -> MlpPropagator.gram(point.networkSpec());
        };
        return (random, sink) -> propagator.run(random, o -> sink.accept(o, null));
    }

    /**
     * ln ρ = −∞ (exact absorption), the undefined layer-0 growth and the log-norm of a dead tangent (flagged in
     * tangent_dead) are stored as SQL NULL, never as NaN or ∞; the CNN
     * columns are NULL for MLPs, and R² is NULL where no site is active.
     */
    private static Row row(String pointId, int replica, LayerObservables o, ConvObservables conv) {
        return RowFactory.create(pointId, replica, o.layer(), o.qA(), o.qB(), o.rho(),
                Tables.finiteOrNull(o.lnRho()), o.gA(),
                Tables.finiteOrNull(o.tangentLogGrowth()), Tables.finiteOrNull(o.tangentLogNorm()),
                o.tangentLogNorm() == Double.NEGATIVE_INFINITY, o.probe(),
                o.absorbed(), o.rhoUnderflow(),
                conv == null ? null : conv.activeSites()[0], conv == null ? null : conv.activeSites()[1],
                conv == null ? null : Tables.finiteOrNull(conv.spreadR2()[0]), conv == null ? null : Tables.finiteOrNull(conv.spreadR2()[1]));
    }

}
