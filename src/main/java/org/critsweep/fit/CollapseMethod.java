package org.critsweep.fit;

import java.util.Locale;

/** A data-collapse method a campaign can ask for ({@code analysis.collapse}), by its label in campaigns and tables. */
public enum CollapseMethod {
    /** {@link HoudayerHartmannCollapse}. */
    HH,
    /** {@link BayesianCollapse}. */
    BAYES;

    /** The label in campaign files and tables: the constant's name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label, as the campaign file writes it. */
    @Override
    public String toString() {
        return label();
    }
}
