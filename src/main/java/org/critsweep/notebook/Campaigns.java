package org.critsweep.notebook;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.critsweep.spark.CampaignViews;
import org.critsweep.spark.SparkSessions;

/**
 * The campaigns a notebook looks at and the Spark session it queries them with. The directories come from
 * {@value #VARIABLE} (separated like PATH), default {@value #DEFAULT}; relative ones are taken from the project root
 * (the system property {@code critsweep.root}, which the kernel gets from its kernel.json), so a notebook finds the
 * same campaigns whatever directory Jupyter starts it in.
 */
public final class Campaigns {

    public static final String VARIABLE = "CRITSWEEP_CAMPAIGNS";
    static final String DEFAULT = "runs/quickstart";

    private Campaigns() {
    }

    /** The campaign directories of {@value #VARIABLE}, absolute. */
    public static List<Path> fromEnvironment() {
        return parse(System.getenv(VARIABLE),
                Path.of(System.getProperty("critsweep.root", System.getProperty("user.dir"))));
    }

    static List<Path> parse(String value, Path root) {
        String list = value == null || value.isBlank() ? DEFAULT : value;
        return Arrays.stream(list.split(File.pathSeparator)).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> root.resolve(s).toAbsolutePath().normalize()).toList();
    }

    /** The notebook's Spark session: embedded, on every core. */
    public static SparkSession spark() {
        return SparkSessions.getOrCreate("local[*]");
    }

    /**
     * Registers the campaigns' tables as the views points, raw, theory, curves, fits, fit_curves, as
     * {@code critsweep sql} does: every row labelled with its campaign's name in a first column {@code campaign}.
     *
     * @return the names of the views
     * @throws org.critsweep.grid.BadInputException naming a directory that is not a campaign
     */
    public static List<String> open(List<Path> campaigns) {
        return CampaignViews.register(spark(), campaigns);
    }
}
