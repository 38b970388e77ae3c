package org.critsweep.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.GridPoint;

/**
 * {@code _campaign/progress.json}: points and replica-layers committed out of the plan's, and since when this run has
 * been sweeping — what {@code status} turns into a rate and an ETA. Rewritten atomically after every batch.
 */
public final class ProgressFile {

    private final CampaignStore store;
    private final Map<String, Integer> replicas;
    private final Map<String, Integer> depths = new HashMap<>();
    private final int plannedReplicas;
    private final long layersAtStart;
    private final Instant started = Instant.now();

    public ProgressFile(CampaignStore store, CampaignPlan plan, Map<String, Integer> committed) {
        this.store = store;
        this.plannedReplicas = plan.campaign().grid().replicas();
        this.replicas = new LinkedHashMap<>();
        for (GridPoint p : plan.points()) {
            replicas.put(p.pointId(), committed.getOrDefault(p.pointId(), 0));
            depths.put(p.pointId(), p.depth());
        }
        this.layersAtStart = layers();
        write();
    }

    public void committed(Map<String, Integer> batch) {
        replicas.putAll(batch);
        write();
    }

    private long layers() {
        return replicas.entrySet().stream().mapToLong(e -> (long) e.getValue() * depths.get(e.getKey())).sum();
    }

    private void write() {
        long total = depths.values().stream().mapToLong(d -> (long) d * plannedReplicas).sum();
        long done = layers();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("points_total", replicas.size());
        content.put("points_committed", replicas.values().stream().filter(r -> r >= plannedReplicas).count());
        content.put("replica_layers_total", total);
        content.put("replica_layers_committed", done);
        content.put("replica_layers_this_run", done - layersAtStart);
        content.put("sweep_started", started.toString());
        content.put("updated", Instant.now().toString());
        JsonFiles.write(store.files(), CampaignStore.PROGRESS, content, true);
    }
}
