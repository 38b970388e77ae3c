package org.critsweep.fit;

/** What a collapse pools (PHYSICS.md §5, §7), by the label the fit tables write. */
public enum CollapseData {
    /** ln ρ against layer and size at the critical point. */
    DEPTH_SCAN("depth_scan"),
    /** λ_N against σ_w and size near the critical point. */
    LAMBDA("lambda");

    private final String label;

    CollapseData(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
