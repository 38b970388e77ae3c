package org.critsweep.fit;

/** A data-collapse method a campaign can ask for ({@code analysis.collapse}), by its label in campaigns and tables. */
public enum CollapseMethod {
    /** {@link HoudayerHartmannCollapse}. */
    HH("hh"),
    /** {@link BayesianCollapse}. */
    BAYES("bayes");

    private final String label;

    CollapseMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label, as the campaign file writes it. */
    @Override
    public String toString() {
        return label;
    }
}
