package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.critsweep.testing.Outcome;

/** The small tanh campaigns the sql tests query, run by {@code critsweep run}. */
final class SqlCommandTestCampaigns {

    private SqlCommandTestCampaigns() {
    }

    /** Runs campaign {@code name} (seed 11, tanh at sigma_b = 0.3, {@code grid}'s lines) into {@code runs/name}. */
    static Path run(Path temp, Path runs, String name, String grid) throws IOException {
        Path conf = Files.writeString(temp.resolve(name + ".conf"), "campaign { name = " + name + ", seed = 11,"
                + " output = \"" + runs.resolve(name) + "\" }\n"
                + "grid {\n activation = tanh\n sigma_b = 0.3\n " + grid + "\n}\n"
                + "analysis { bootstrap = 0, collapse = [] }\n");
        Outcome run = cli("run", conf.toString(), "--master", "local[2]");
        assertEquals(0, run.exitCode(), run.err());
        return runs.resolve(name);
    }
}
