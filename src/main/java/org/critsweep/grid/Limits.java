package org.critsweep.grid;

/**
 * What one machine can hold: the largest counts a campaign may ask for, each checked before anything runs so that a
 * typo is a one-line refusal naming the field and the bound instead of an overflow or an out-of-memory error.
 */
public final class Limits {

    /**
     * Neurons per layer (an MLP's width, a CNN's channels × sites). A replica keeps about a dozen vectors of that many
     * doubles per core: 10⁶ of them is about 100 MB, a tenth of the default 1 GB heap.
     */
    public static final int MAX_NEURONS = 1_000_000;

    /** Layers: the record mask holds one flag per layer, and a deeper network is no use at any width we can hold. */
    public static final int MAX_DEPTH = 10_000_000;

    /** Replicas per point: their indices and the per-point bookkeeping are ints, and the rows bound follows anyway. */
    public static final int MAX_REPLICAS = 1_000_000;

    /** The {@code raw} table's rows: at about 100 bytes a row in Parquet, 10⁹ rows are 100 GB of output. */
    public static final double MAX_RAW_ROWS = 1e9;

    /** σ_w values of a grid, from a list, a linspace or around-critical: more is a typo, and slow to plan. */
    public static final int MAX_SIGMA_W_VALUES = 10_000;

    /** Bootstrap resamples: the fit holds every resample's estimates of every quantity in memory. */
    public static final int MAX_BOOTSTRAP = 100_000;

    /** Steps of the Bayesian collapse's chain, which keeps every sample. */
    public static final int MAX_MCMC_STEPS = 10_000_000;

    /** Bias scales of {@code theory critical --sigma-b-range}: one line of output each. */
    public static final int MAX_THEORY_POINTS = 100_000;

    private Limits() {
    }

    /**
     * Refuses {@code value} above {@code max}; returns it.
     *
     * @throws BadInputException naming {@code field}: {@code expected at most MAX (why), got VALUE}
     */
    public static long atMost(String field, long value, long max, String why) {
        if (value > max) {
            throw new BadInputException(field, "expected at most " + max + " (" + why + "), got " + value);
        }
        return value;
    }
}
