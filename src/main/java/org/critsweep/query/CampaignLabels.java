package org.critsweep.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.critsweep.grid.BadInputException;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/**
 * The label of each campaign directory in the {@value #CAMPAIGN} column of {@code sql}'s views: the {@code name} in the
 * campaign's {@code _campaign/manifest.json}, or the directory's name when it has no manifest.
 */
public final class CampaignLabels {

    /** The label column every view starts with. */
    public static final String CAMPAIGN = "campaign";

    private CampaignLabels() {
    }

    /**
     * The distinct campaign directories by label, in the order given.
     *
     * @throws BadInputException naming a directory that is not a campaign, or two directories with the same label
     */
    public static Map<String, Path> of(List<Path> campaigns) {
        if (campaigns.isEmpty()) {
            throw new IllegalArgumentException("no campaign directory given");
        }
        Map<String, Path> byLabel = new LinkedHashMap<>();
        for (Path directory : campaigns.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList()) {
            if (new CampaignStore(directory).presentTables().isEmpty()) {
                throw new BadInputException("--campaign", directory + (Files.isDirectory(directory)
                        ? " is not a critsweep campaign: it holds none of the tables "
                                + String.join(", ", TableNames.ALL)
                        : " does not exist"));
            }
            String label = label(directory);
            Path same = byLabel.putIfAbsent(label, directory);
            if (same != null) {
                throw new BadInputException("--campaign", same + " and " + directory + " both hold campaign '" + label
                        + "', so the campaign column could not tell their rows apart; query them one at a time");
            }
        }
        return byLabel;
    }

    /** The campaign label of a directory: its manifest's name, else the directory's name. */
    private static String label(Path campaign) {
        CampaignStore store = new CampaignStore(campaign);
        return store.manifest().filter(m -> m.hasPath("name")).map(m -> m.getString("name"))
                .orElse(String.valueOf(store.root().getFileName()));
    }
}
