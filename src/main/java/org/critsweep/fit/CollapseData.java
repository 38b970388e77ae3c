package org.critsweep.fit;

import java.util.Locale;

/** What a collapse pools (PHYSICS.md §5, §7), by the label the fit tables write. */
public enum CollapseData {
    /** ln ρ against layer and size at the critical point. */
    DEPTH_SCAN,
    /** λ_N against σ_w and size near the critical point. */
    LAMBDA;

    /** The label in campaign files and tables: the constant's name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
