package org.critsweep.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.critsweep.grid.ConvGrid;
import org.critsweep.grid.GridPoint;
import org.critsweep.grid.GridSpec;
import org.critsweep.grid.RecordSchedule;
import org.critsweep.grid.SweepTask;
import org.critsweep.kernel.ConvObservables;
import org.critsweep.kernel.ConvPropagator;
import org.critsweep.kernel.LayerObservables;
import org.critsweep.kernel.MlpPropagator;
import org.critsweep.kernel.NormalStream;
import org.critsweep.kernel.NumericalFault;
import org.critsweep.kernel.ReplicaStreams;

/**
 * Runs the kernel for one sweep task and turns its observables into {@code raw} rows
 * ({@link Tables#RAW_SCHEMA}). Pure: the rows depend only on (campaign seed, point, replica).
 */
final class ReplicaRows {

    private static final int FAULT = Tables.RAW_SCHEMA.fieldIndex("fault");
    private static final int FAULT_LAYER = Tables.RAW_SCHEMA.fieldIndex("fault_layer");
    private static final int ACTIVE_SITES = Tables.RAW_SCHEMA.fieldIndex("active_sites_1");
    private static final int SPREAD_R2 = Tables.RAW_SCHEMA.fieldIndex("spread_r2_1");

    private ReplicaRows() {
    }

    static List<Row> of(SweepTask task, long campaignSeed, GridSpec grid) {
        return of(task, campaignSeed, grid.record(), runner(task.point(), grid));
    }

    /**
     * The rows of a task's replicas as {@code runner} computes them. A replica's recorded layers are kept until it
     * ends, so that a fault can be written on every row of the replica it stopped.
     */
    static List<Row> of(SweepTask task, long campaignSeed, RecordSchedule record, ReplicaRunner runner) {
        GridPoint point = task.point();
        String pointId = point.pointId();
        long pointKey = point.pointKey();
        boolean[] recorded = record.mask(point.depth());
        List<Row> rows = new ArrayList<>(task.replicaCount() * record.count(point.depth()));
        List<Layer> layers = new ArrayList<>(record.count(point.depth()));
        for (int replica = task.firstReplica(); replica < task.firstReplica() + task.replicaCount(); replica++) {
            layers.clear();
            Optional<NumericalFault> fault = runner.run(ReplicaStreams.of(campaignSeed, pointKey, replica),
                    (global, conv) -> {
                        if (recorded[global.layer()]) {
                            layers.add(new Layer(global, conv));
                        }
                    });
            for (Layer layer : layers) {
                rows.add(row(pointId, replica, layer, fault));
            }
            if (fault.isPresent()) {
                rows.add(faultRow(pointId, replica, fault.get()));
            }
        }
        return rows;
    }

    /** One replica of a point's network, whatever its architecture. */
    interface ReplicaRunner {
        Optional<NumericalFault> run(NormalStream random, RowSink sink);

        static ReplicaRunner mlp(MlpPropagator propagator) {
            return (random, sink) -> propagator.run(random, o -> sink.accept(o, null));
        }

        static ReplicaRunner conv(ConvPropagator propagator) {
            return (random, sink) -> propagator.run(random, o -> sink.accept(o.global(), o));
        }
    }

    interface RowSink {
        void accept(LayerObservables global, ConvObservables conv);
    }

    /** A recorded layer of the replica running now; {@code conv} is null for an MLP. */
    private record Layer(LayerObservables global, ConvObservables conv) {
    }

    private static ReplicaRunner runner(GridPoint point, GridSpec grid) {
        if (point.arch().convolutional()) {
            return ReplicaRunner.conv(new ConvPropagator(point.convSpec(grid.conv().thresholds())));
        }
        return ReplicaRunner.mlp(switch (point.sampler()) {
            case DENSE -> MlpPropagator.dense(point.networkSpec());
            case GRAM -> MlpPropagator.gram(point.networkSpec());
        });
    }

    /**
     * ln ρ = −∞ (exact absorption), the undefined layer-0 growth and the log-norm of a dead tangent (flagged in
     * tangent_dead) are stored as SQL NULL, never as NaN or ∞; the CNN columns are NULL for MLPs, and R² is NULL where
     * no site is active; fault and fault_layer are NULL unless a fault stopped the replica.
     */
    private static Row row(String pointId, int replica, Layer layer, Optional<NumericalFault> fault) {
        LayerObservables o = layer.global();
        Object[] global = {pointId, replica, o.layer(), o.qA(), o.qB(), o.rho(), Tables.finiteOrNull(o.lnRho()),
            o.gA(), Tables.finiteOrNull(o.tangentLogGrowth()), Tables.finiteOrNull(o.tangentLogNorm()),
            o.tangentLogNorm() == Double.NEGATIVE_INFINITY, o.probe(), o.meanFourth(), o.absorbed(), o.rhoUnderflow()};
        Object[] values = new Object[Tables.RAW_SCHEMA.size()];
        System.arraycopy(global, 0, values, 0, global.length);
        ConvObservables conv = layer.conv();
        if (conv != null) {
            for (int k = 0; k < ConvGrid.THRESHOLDS; k++) {
                values[ACTIVE_SITES + k] = conv.activeSites()[k];
                values[SPREAD_R2 + k] = Tables.finiteOrNull(conv.spreadR2()[k]);
            }
        }
        values[FAULT] = fault.map(f -> f.kind().label()).orElse(null);
        values[FAULT_LAYER] = fault.map(NumericalFault::layer).orElse(null);
        return RowFactory.create(values);
    }

    /** The row that records a fault at its own layer: nothing was measured there, so every measured column is NULL. */
    private static Row faultRow(String pointId, int replica, NumericalFault fault) {
        Object[] values = new Object[Tables.RAW_SCHEMA.size()];
        values[0] = pointId;
        values[1] = replica;
        values[2] = fault.layer();
        values[FAULT] = fault.kind().label();
        values[FAULT_LAYER] = fault.layer();
        return RowFactory.create(values);
    }
}
