package org.critsweep.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.critsweep.testing.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through {@code bin/critsweep} in its own process, with fake credentials in the environment and in the JVM's options
 * (system properties, Spark configuration): neither the manifest nor {@code status}, which prints it, shows them.
 */
class ManifestSecretsIT {

    private static final Map<String, String> ENVIRONMENT = Map.of("AWS_SECRET_ACCESS_KEY", "sk-env-7949",
            "CRITSWEEP_TEST_TOKEN", "tok-env-7951",
            "CRITSWEEP_JAVA_OPTS", "-Xmx1g -Dspark.hadoop.fs.s3a.secret.key=sk-opts-7963"
                    + " -Dcritsweep.test.password=pw-opts-7993");
    private static final List<String> SECRETS = List.of("sk-env-7949", "tok-env-7951", "sk-opts-7963", "pw-opts-7993");

    @TempDir
    Path temp;

    private String critsweep(String... args) throws IOException, InterruptedException {
        return ProcessRunner.script("bin/critsweep", args).withEnvironment(ENVIRONMENT)
                .start(temp.resolve("output.txt")).finish(Duration.ofMinutes(5));
    }

    @Test
    void credentialsInTheEnvironmentAndTheJvmOptionsNeverReachTheManifest() throws Exception {
        Path conf = temp.resolve("secrets.conf");
        Files.writeString(conf, """
                campaign { name = secrets, seed = 7901, output = "%s" }
                grid { activation = tanh, sigma_b = 0.3, sigma_w = [1.1, 1.7], width = [8], depth = 8, replicas = 3 }
                analysis { bootstrap = 0, collapse = [] }
                """.formatted(temp.resolve("out")));
        critsweep("run", conf.toString());
        String manifest = Files.readString(temp.resolve("out/_campaign/manifest.json"));
        String status = critsweep("status", temp.resolve("out").toString());
        assertTrue(status.contains("\"config_hash\""), "status prints the manifest: " + status);
        for (String secret : SECRETS) {
            assertFalse(manifest.contains(secret), secret + " in the manifest");
            assertFalse(status.contains(secret), secret + " in status");
        }
    }
}
