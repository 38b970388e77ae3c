package org.critsweep.cli;

import java.nio.file.Path;
import org.critsweep.store.CampaignStore;
import picocli.CommandLine.Parameters;

/** The {@code DIR} argument of the commands that work on a campaign's outputs (a picocli mixin). */
final class CampaignDirectory {

    @Parameters(index = "0", paramLabel = "DIR", description = "A campaign output directory.")
    Path path;

    CampaignStore store() {
        return new CampaignStore(path);
    }
}
