package org.critsweep.store;

import java.nio.file.Path;
import java.util.Collection;

/**
 * One thing wrong with a campaign's outputs, found by {@link CampaignDamage}.
 *
 * @param part    what is damaged: a point of {@code raw}, another table, or the manifest
 * @param name    the point's id, the table's name, or {@code manifest}
 * @param path    the file or directory that is wrong, relative to the campaign directory
 * @param problem what is wrong, as words that follow the path ("is empty (0 bytes)")
 */
public record Damage(Part part, String name, Path path, String problem) {

    /** Where damage can be. */
    public enum Part { MANIFEST, POINT, TABLE }

    /** One line for a person: {@code point 1f0c…: raw/point_id=1f0c…/part-0.parquet is empty (0 bytes)}. */
    public String describe() {
        String where = switch (part) {
            case MANIFEST -> "";
            case POINT -> "point " + name + ": ";
            case TABLE -> "table " + name + ": ";
        };
        return where + path + " " + problem;
    }

    /** Whether a stage that reads these tables would read this damage (the manifest is read by every stage). */
    boolean affects(Collection<String> tables) {
        return switch (part) {
            case MANIFEST -> true;
            case POINT -> tables.contains(TableNames.RAW);
            case TABLE -> tables.contains(name);
        };
    }
}
