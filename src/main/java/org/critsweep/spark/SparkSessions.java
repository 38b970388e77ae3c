package org.critsweep.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Builds the SparkSession critsweep runs in: embedded ({@code local[*]}) by default, or a cluster master. critsweep's
 * own settings ({@link #defaults}) are defaults only: every {@code spark.*} setting the user gave wins — a
 * {@code -Dspark.KEY=VALUE} system property (bin/critsweep's {@code CRITSWEEP_JAVA_OPTS}) or spark-submit's
 * configuration ({@code --conf}, {@code --properties-file conf/spark-defaults.conf} through jobs/submit.sh), which
 * reach the driver as the same system properties — and so do those of the defaults file bin/critsweep names
 * ({@value #DEFAULTS_FILE}, {@code conf/spark-defaults.conf}), below the system properties.
 */
public final class SparkSessions {

    /** The application name of a session that does not name its work. */
    public static final String APP_NAME = "critsweep";

    /**
     * The system property naming the launcher's Spark defaults file, {@code conf/spark-defaults.conf} (bin/critsweep
     * sets it).
     */
    public static final String DEFAULTS_FILE = "critsweep.sparkDefaults";

    /**
     * Keys of the defaults file that only spark-submit (jobs/submit.sh) takes from it: the master ({@code --master}
     * chooses it for bin/critsweep), the driver's memory (the launcher's {@code -Xmx} is the driver's heap) and the
     * executors' size, which is for real workers, not the 1g ones of jobs/local-cluster.sh.
     */
    static final Set<String> SUBMIT_ONLY = Set.of("spark.master", "spark.driver.memory",
            "spark.executor.memory", "spark.executor.cores");

    private SparkSessions() {
    }

    /** {@link #getOrCreate(String, String)} for an application named {@value #APP_NAME}. */
    public static SparkSession getOrCreate(String master) {
        return getOrCreate(master, APP_NAME);
    }

    /**
     * Returns the session of this JVM, creating it with {@code master} if there is none yet (a session that already
     * exists, e.g. one shared by tests or made by spark-submit, is reused as it is).
     *
     * @param master  a Spark master URL, or null to take it from spark-submit's configuration
     * @param appName the application name Spark's UI and History Server show, e.g. {@code critsweep quickstart}
     */
    public static SparkSession getOrCreate(String master, String appName) {
        SparkSession.Builder builder = SparkSession.builder();
        if (master != null) {
            builder.master(master);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (Tuple2<String, String> setting : new SparkConf().getAll()) {
            given.put(setting._1(), setting._2());
        }
        String file = System.getProperty(DEFAULTS_FILE, "");
        settings(master, appName, given, file.isEmpty() ? Map.of() : fileSettings(Path.of(file)),
                System.getProperty("critsweep.clusterJar", "")).forEach(builder::config);
        return builder.getOrCreate();
    }

    /**
     * What the session is built with beyond the system properties: the defaults file's settings the user did not
     * give, then critsweep's {@link #defaults} that neither set. The user's {@code -D} wins over the file, the file
     * over critsweep.
     *
     * @param file the defaults file's settings ({@link #fileSettings})
     */
    static Map<String, String> settings(String master, String appName, Map<String, String> given,
                                        Map<String, String> file, String clusterJar) {
        Map<String, String> settings = new LinkedHashMap<>(file);
        settings.keySet().removeAll(given.keySet());
        Map<String, String> user = new LinkedHashMap<>(settings);
        user.putAll(given);
        settings.putAll(defaults(master, appName, user, clusterJar));
        return settings;
    }

    /**
     * The {@code spark.*} settings of a Spark defaults file ({@code key value} lines, {@code #} comments, as
     * spark-submit's {@code --properties-file} reads them) but the {@link #SUBMIT_ONLY} ones; none when it is absent.
     *
     * @throws IllegalStateException naming the file when it cannot be read
     */
    static Map<String, String> fileSettings(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the Spark defaults " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new java.util.TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("spark.") && !SUBMIT_ONLY.contains(key)) {
                settings.put(key, properties.getProperty(key).strip());
            }
        }
        return settings;
    }

    /**
     * critsweep's settings that {@code given} (the user's, from system properties) does not set: the application name;
     * Spark's UI off in local mode (it costs a second of start-up and nobody watches a run of a minute) and on for a
     * cluster, where it shows the executors; no console progress bar (critsweep prints its own); few shuffle
     * partitions (the aggregated tables are small); no inference of partition column types (point ids are strings).
     * In local mode the driver binds to loopback. A cluster master outside spark-submit gets {@code clusterJar} as
     * {@code spark.jars}, the jar its executors load (bin/critsweep passes its path), an executor memory that fits a
     * 1g worker, and a loopback driver when the master is on loopback.
     *
     * @param master     the master URL, or null for spark-submit's {@code spark.master} in {@code given}
     * @param given      the user's settings, which none of the returned ones replaces
     * @param clusterJar the shaded jar for a cluster's executors ("" when none was built)
     * @throws IllegalStateException when a cluster master needs the cluster jar and it does not exist
     */
    static Map<String, String> defaults(String master, String appName, Map<String, String> given, String clusterJar) {
        String url = master != null ? master : given.getOrDefault("spark.master", "");
        boolean local = url.startsWith("local");
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("spark.app.name", appName);
        defaults.put("spark.ui.enabled", Boolean.toString(!local));
        defaults.put("spark.ui.showConsoleProgress", "false");
        defaults.put("spark.sql.shuffle.partitions", "8");
        defaults.put("spark.sql.debug.maxToStringFields", "1000");
        defaults.put("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        if (master != null && !local) {
            defaults.put("spark.executor.memory", "768m");
            if (!given.containsKey("spark.jars") && !given.containsKey("spark.submit.deployMode")) {
                defaults.put("spark.jars", existingClusterJar(master, clusterJar));
            }
        }
        if (master != null && (local || master.startsWith("spark://127.") || master.startsWith("spark://localhost:"))) {
            defaults.put("spark.driver.host", "127.0.0.1");
            defaults.put("spark.driver.bindAddress", "127.0.0.1");
        }
        defaults.keySet().removeAll(given.keySet());
        return defaults;
    }

    private static String existingClusterJar(String master, String jar) {
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("master " + master + " needs the cluster jar for its executors, but "
                    + (jar.isEmpty() ? "none was given" : jar + " does not exist") + ": build it with mvn package"
                    + " and run through bin/critsweep (or pass -Dcritsweep.clusterJar=PATH)");
        }
        return jar;
    }
}
