package org.critsweep.grid;

/**
 * A parsed, validated campaign file.
 *
 * @param name   a short identifier ([A-Za-z0-9._-]+)
 * @param seed   the campaign seed every random stream is keyed by
 * @param output the output directory, as written in the file (relative paths are relative to the working directory)
 * @param grid   what to sweep
 * @param canonicalConfig the effective configuration (file plus overrides) rendered as sorted JSON; its hash
 *               identifies the campaign's content
 */
public record Campaign(String name, long seed, String output, GridSpec grid, String canonicalConfig) {
}
