package org.critsweep.report;

import java.util.Map;

/**
 * What {@code _campaign/manifest.json} records, for the report's last section.
 *
 * @param facts        every scalar entry (versions, master, start and end times, counts), by key
 * @param stageSeconds wall time per stage, in pipeline order
 * @param config       the effective configuration, as formatted JSON
 */
public record Manifest(String name, Map<String, String> facts, Map<String, Double> stageSeconds, String config) {

    public Manifest {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        stageSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageSeconds));
    }
}
