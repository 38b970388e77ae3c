package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The precedence of Spark settings, without starting Spark: critsweep's own are defaults, and every setting the user
 * gave (system properties: {@code -D}, {@code CRITSWEEP_JAVA_OPTS}, spark-submit's configuration) wins; the UI is off
 * in local mode and on for a cluster; the application is named as asked.
 */
class SparkSessionsTest {

    @TempDir
    Path temp;

    Path jar() throws IOException {
        return Files.writeString(temp.resolve("critsweep-cluster.jar"), "a jar");
    }

    @Test
    void localModeRunsWithoutTheUiOnLoopbackUnderTheGivenName() {
        Map<String, String> defaults = SparkSessions.defaults("local[*]", "critsweep quickstart", Map.of(), "");
        assertEquals("critsweep quickstart", defaults.get("spark.app.name"));
        assertEquals("false", defaults.get("spark.ui.enabled"));
        assertEquals("127.0.0.1", defaults.get("spark.driver.host"));
        assertFalse(defaults.containsKey("spark.jars"), "local mode needs no cluster jar: " + defaults);
        assertFalse(defaults.containsKey("spark.executor.memory"), defaults.toString());
    }

    @Test
    void aClusterGetsTheUiTheClusterJarAndExecutorsThatFitA1gWorker() throws IOException {
        String jar = jar().toString();
        Map<String, String> loopback = SparkSessions.defaults("spark://127.0.0.1:7077", "critsweep c", Map.of(), jar);
        assertEquals("true", loopback.get("spark.ui.enabled"));
        assertEquals(jar, loopback.get("spark.jars"));
        assertEquals("768m", loopback.get("spark.executor.memory"));
        assertEquals("127.0.0.1", loopback.get("spark.driver.bindAddress"));
        Map<String, String> remote = SparkSessions.defaults("spark://node1:7077", "critsweep c", Map.of(), jar);
        assertEquals("true", remote.get("spark.ui.enabled"));
        assertFalse(remote.containsKey("spark.driver.host"), "a remote master's workers cannot reach loopback");
    }

    @Test
    void everySettingTheUserGaveWins() throws IOException {
        Map<String, String> given = Map.of("spark.ui.enabled", "true", "spark.app.name", "mine",
                "spark.sql.shuffle.partitions", "64", "spark.driver.host", "10.0.0.5", "spark.executor.memory", "4g",
                "spark.eventLog.enabled", "true");
        Map<String, String> local = SparkSessions.defaults("local[2]", "critsweep quickstart", given, "");
        for (String key : given.keySet()) {
            assertFalse(local.containsKey(key), key + " is the user's, not replaced: " + local);
        }
        assertEquals("127.0.0.1", local.get("spark.driver.bindAddress"), "what the user did not give stays");
        Map<String, String> cluster = SparkSessions.defaults("spark://node1:7077", "critsweep c",
                Map.of("spark.ui.enabled", "false"), jar().toString());
        assertFalse(cluster.containsKey("spark.ui.enabled"), "-Dspark.ui.enabled=false turns a cluster's UI off");
    }

    @Test
    void theClusterJarIsNeededOnlyWhereNobodyGaveTheJars() throws IOException {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparkSessions.defaults("spark://node1:7077", "critsweep c", Map.of(), ""));
        assertTrue(e.getMessage().contains("needs the cluster jar"), e.getMessage());
        String absent = temp.resolve("absent.jar").toString();
        e = assertThrows(IllegalStateException.class,
                () -> SparkSessions.defaults("spark://node1:7077", "critsweep c", Map.of(), absent));
        assertTrue(e.getMessage().contains(absent + " does not exist"), e.getMessage());
        Map<String, String> userJars = SparkSessions.defaults("spark://node1:7077", "critsweep c",
                Map.of("spark.jars", "/opt/my.jar"), "");
        assertFalse(userJars.containsKey("spark.jars"), userJars.toString());
        Map<String, String> submitted = SparkSessions.defaults("spark://node1:7077", "critsweep c",
                Map.of("spark.submit.deployMode", "client"), "");
        assertFalse(submitted.containsKey("spark.jars"), "spark-submit ships the application jar itself");
    }

    @Test
    void underSparkSubmitTheMasterComesFromItsConfiguration() {
        Map<String, String> given = Map.of("spark.master", "spark://node1:7077", "spark.submit.deployMode", "client");
        Map<String, String> defaults = SparkSessions.defaults(null, "critsweep c", given, "");
        assertEquals("true", defaults.get("spark.ui.enabled"));
        assertEquals("critsweep c", defaults.get("spark.app.name"));
        assertEquals("false", SparkSessions.defaults(null, "critsweep c", Map.of("spark.master", "local[4]"), "")
                .get("spark.ui.enabled"));
    }

    @Test
    void theDefaultsFileWinsOverCritsweepAndTheUsersSettingsOverIt() throws IOException {
        Path file = Files.writeString(temp.resolve("spark-defaults.conf"), String.join("\n",
                "# a comment", "spark.eventLog.enabled   true", "spark.eventLog.dir file:/tmp/events",
                "spark.sql.shuffle.partitions  3", "spark.executor.memory    2g", "spark.driver.memory 4g",
                "spark.executor.cores 2", "spark.master spark://node9:7077", "other.key 1", ""));
        Map<String, String> fromFile = SparkSessions.fileSettings(file);
        assertEquals(Map.of("spark.eventLog.enabled", "true", "spark.eventLog.dir", "file:/tmp/events",
                "spark.sql.shuffle.partitions", "3"), fromFile, "the sizing and the master are jobs/submit.sh's");
        Map<String, String> settings = SparkSessions.settings("local[2]", "critsweep q",
                Map.of("spark.eventLog.dir", "file:/mine"), fromFile, "");
        assertFalse(settings.containsKey("spark.eventLog.dir"), "the user's -D wins over the file: " + settings);
        assertEquals("true", settings.get("spark.eventLog.enabled"));
        assertEquals("3", settings.get("spark.sql.shuffle.partitions"), "the file wins over critsweep's 8");
        assertEquals("false", settings.get("spark.ui.enabled"), "what neither sets stays critsweep's");
        Map<String, String> cluster = SparkSessions.settings("spark://127.0.0.1:7077", "critsweep q", Map.of(),
                fromFile, jar().toString());
        assertEquals("768m", cluster.get("spark.executor.memory"), "executors that fit the local cluster's workers");
        assertEquals(Map.of(), SparkSessions.fileSettings(temp.resolve("absent.conf")));
    }
}
