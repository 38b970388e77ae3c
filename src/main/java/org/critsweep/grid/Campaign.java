package org.critsweep.grid;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;

/**
 * A parsed, validated campaign file.
 *
 * @param name   a short identifier ([A-Za-z0-9._-]+)
 * @param seed   the campaign seed every random stream is keyed by
 * @param output the output directory, as written in the file (relative paths are relative to the working directory)
 * @param grid   what to sweep
 * @param analysis how to fit the results
 * @param canonicalConfig the effective configuration (file plus overrides) rendered as sorted JSON
 */
public record Campaign(String name, long seed, String output, GridSpec grid, AnalysisSpec analysis,
                       String canonicalConfig) {

    /**
     * The configuration that determines what the sweep computes: the canonical one without the analysis block.
     * Its hash identifies the campaign's data, so the analysis can change without invalidating them.
     */
    public String sweepConfig() {
        return ConfigFactory.parseString(canonicalConfig).withoutPath("analysis").root()
                .render(ConfigRenderOptions.concise());
    }
}
