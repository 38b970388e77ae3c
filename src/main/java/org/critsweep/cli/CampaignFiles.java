package org.critsweep.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.critsweep.grid.BadInputException;
import org.critsweep.grid.CampaignParser;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.TaskPlanner;

/** Reads a campaign file from disk and plans it; the only file I/O before a run starts. */
final class CampaignFiles {

    private CampaignFiles() {
    }

    static CampaignPlan plan(Path file, List<String> overrides) {
        if (Files.isDirectory(file)) {
            throw new BadInputException("CONF", file + " is a directory; expected a campaign file (HOCON)");
        }
        if (!Files.exists(file)) {
            throw new BadInputException("CONF", "campaign file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("CONF", file + " is not a regular file (a pipe, device or socket); expected a"
                    + " campaign file (HOCON)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new BadInputException("CONF", file + " is not UTF-8 text; expected a campaign file (HOCON)");
        } catch (IOException e) {
            throw new BadInputException("CONF", "cannot read " + file + ": " + e.getMessage());
        }
        return TaskPlanner.plan(CampaignParser.parse(text, file.toString(), overrides, new CampaignIncluder(file)));
    }
}
