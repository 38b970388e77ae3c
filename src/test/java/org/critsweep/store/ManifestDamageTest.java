package org.critsweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.critsweep.grid.Campaign;
import org.critsweep.grid.BadInputException;
import org.critsweep.spark.TinyCampaigns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest that does not parse, on {@code run}: it is the only proof of which campaign a directory holds, so the run
 * goes ahead only when the config hash can still be read from it (then the damaged file is kept beside the new one);
 * otherwise it is refused with the fix. No Spark.
 */
class ManifestDamageTest {

    @TempDir
    Path temp;
    private Campaign campaign;
    private CampaignStore store;
    private String written;

    @BeforeEach
    void writeManifest() throws IOException {
        campaign = TinyCampaigns.plan(temp.toString()).campaign();
        store = new CampaignStore(temp);
        store.writeManifest(campaign, Map.of("status", "complete"));
        written = Files.readString(store.manifestFile());
    }

    /** The manifest cut short just after its config_hash line (keys are written in alphabetical order). */
    private String keepingTheHash() {
        return written.substring(0, written.indexOf('\n', written.indexOf("\"config_hash\"")) + 1);
    }

    @Test
    void aTruncatedManifestThatKeepsItsHashIsAcceptedAndKeptBesideTheNewOne() throws IOException {
        String truncated = keepingTheHash();
        Files.writeString(store.manifestFile(), truncated);
        assertTrue(store.manifest().isEmpty(), "a damaged manifest is not read");
        store.checkWritableFor(campaign);

        store.writeManifest(campaign, Map.of("status", "running"));
        assertEquals(truncated, Files.readString(store.manifestFile().resolveSibling("manifest.json.damaged")));
        assertEquals("running", store.manifest().orElseThrow().getString("status"));
        assertEquals(java.util.List.of(), CampaignDamage.find(store));
    }

    @Test
    void aManifestWithoutAReadableHashIsRefusedWithTheFixAndTheFixWorks() throws IOException {
        Files.writeString(store.manifestFile(), "");
        BadInputException refused = assertThrows(BadInputException.class, () -> store.checkWritableFor(campaign));
        String hash = CampaignStore.configHash(campaign);
        assertEquals("campaign.output: " + store.manifestFile() + " does not parse (line 1: Empty document) and holds"
                + " no config hash, so whether " + store.root() + " holds this campaign cannot be checked; restore the"
                + " manifest from a backup, or, if this campaign file made the directory, write {\"config_hash\": \""
                + hash + "\"} into it and rerun", refused.getMessage());
        assertEquals("", Files.readString(store.manifestFile()), "refusing writes nothing");

        Files.writeString(store.manifestFile(), "{\"config_hash\": \"" + hash + "\"}");
        store.checkWritableFor(campaign);
        assertEquals(1, CampaignDamage.find(store).size(), "adopted, it is still damaged until a run rewrites it");
    }

    @Test
    void aDamagedManifestOfAnotherCampaignIsStillAnotherCampaign() throws IOException {
        Campaign other = TinyCampaigns.plan(temp.toString(), "campaign.seed=7879").campaign();
        Files.writeString(store.manifestFile(), keepingTheHash());
        BadInputException refused = assertThrows(BadInputException.class, () -> store.checkWritableFor(other));
        assertTrue(refused.getMessage().contains("holds a campaign with a different configuration"), refused.getMessage());
    }
}
