package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.store.CampaignStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest records the configuration and the run's facts, never the environment: fake credentials planted in
 * system properties, Spark's and Hadoop's configuration are absent from it, and so is every environment value. (The
 * environment itself is planted in a separate process by {@code ManifestSecretsIT}.)
 */
class ManifestSecretsTest {

    @TempDir
    Path temp;

    @Test
    void noPlantedCredentialNorEnvironmentValueReachesTheManifest() throws IOException {
        SparkSession spark = SharedSpark.session();
        Map<String, String> planted = Map.of("critsweep.test.password", "pw-system-7919",
                "spark.hadoop.fs.s3a.secret.key", "sk-spark-7927", "spark.critsweep.test.token", "tok-spark-7933",
                "fs.s3a.access.key", "ak-hadoop-7937");
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "analysis.bootstrap=0", "analysis.collapse=[]");
        CampaignStore store = new CampaignStore(temp);
        System.setProperty("critsweep.test.password", planted.get("critsweep.test.password"));
        spark.conf().set("spark.hadoop.fs.s3a.secret.key", planted.get("spark.hadoop.fs.s3a.secret.key"));
        spark.conf().set("spark.critsweep.test.token", planted.get("spark.critsweep.test.token"));
        spark.sparkContext().hadoopConfiguration().set("fs.s3a.access.key", planted.get("fs.s3a.access.key"));
        try {
            CampaignRun.execute(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });
        } finally {
            System.clearProperty("critsweep.test.password");
            spark.conf().unset("spark.hadoop.fs.s3a.secret.key");
            spark.conf().unset("spark.critsweep.test.token");
            spark.sparkContext().hadoopConfiguration().unset("fs.s3a.access.key");
        }
        String manifest = Files.readString(store.manifestFile());
        planted.forEach((key, secret) -> assertFalse(manifest.contains(secret), key + " reached the manifest"));
        System.getenv().forEach((name, value) -> assertFalse(value.length() >= 8 && manifest.contains(value),
                "environment variable " + name + " reached the manifest"));
    }

    @Test
    void aMasterUrlLosesItsCredentials() {
        assertEquals("k8s://https://api.example.org:6443",
                CampaignRun.withoutCredentials("k8s://https://admin:s3cret@api.example.org:6443"));
        assertEquals("spark://host:7077", CampaignRun.withoutCredentials("spark://token@host:7077"));
        assertEquals("local[2]", CampaignRun.withoutCredentials("local[2]"));
        assertEquals("spark://a:7077,b:7077", CampaignRun.withoutCredentials("spark://a:7077,b:7077"));
    }
}
