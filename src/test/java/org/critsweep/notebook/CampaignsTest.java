package org.critsweep.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignsTest {

    static final Path ROOT = Path.of("/project");

    @Test
    void withoutTheVariableTheQuickstart() {
        assertEquals(List.of(Path.of("/project/runs/quickstart")), Campaigns.parse(null, ROOT));
        assertEquals(List.of(Path.of("/project/runs/quickstart")), Campaigns.parse(" ", ROOT));
    }

    @Test
    void aPathLikeListRelativeToTheProjectRoot() {
        assertEquals(List.of(Path.of("/project/runs/a"), Path.of("/data/b")),
                Campaigns.parse("runs/a::/data/b/../b ", ROOT));
    }
}
