package org.critsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.critsweep.grid.BadInputException;
import org.critsweep.grid.Campaign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Composing campaign files (README, "Composing campaign files"): a relative {@code include} is read from the directory
 * of the file that says it, whatever the working directory (the tests run in the project root, never in the temporary
 * directory the files are in); what follows it replaces the included values; {@code --set} applies on top; a missing
 * or broken included file is refused, naming that file.
 */
class CampaignIncludeTest {

    static final String BASE = """
            campaign { name = base, seed = 4111 }
            grid {
              activation = tanh
              sigma_b = 0.3
              sigma_w = [1.3, 1.4, 1.5]
              width = [8]
              depth = 4
              replicas = 2
            }
            """;

    @TempDir
    Path temp;

    Path write(String path, String text) throws IOException {
        Path file = temp.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    Campaign plan(Path file, String... overrides) {
        return CampaignFiles.plan(file, List.of(overrides)).campaign();
    }

    @Test
    void aVariantOverridesWhatItIncludesFromItsOwnDirectory() throws IOException {
        write("campaigns/base.conf", BASE);
        Path variant = write("campaigns/wide.conf", """
                include "base.conf"
                campaign.name = wide
                grid { width = [16, 32] }
                """);
        Campaign wide = plan(variant);
        assertEquals("wide", wide.name());
        assertEquals(4111, wide.seed(), "from the base");
        assertEquals(List.of(16, 32), wide.grid().widths(), "the variant's, not the base's [8]");
        assertEquals(List.of(1.3, 1.4, 1.5), wide.grid().sigmaW(), "the base's; grid blocks merge key by key");
        assertEquals(4, wide.grid().depth());
        assertEquals("runs/wide", wide.output(), "the default output follows the variant's name");

        Campaign set = plan(variant, "grid.width=[64]", "grid.depth=6");
        assertEquals(List.of(64), set.grid().widths(), "--set applies on top of the variant");
        assertEquals(6, set.grid().depth());
    }

    @Test
    void aNestedIncludeIsReadFromTheDirectoryOfTheFileThatSaysIt() throws IOException {
        write("common/grid.conf", BASE.substring(BASE.indexOf("grid {")));
        write("common/base.conf", "include \"grid.conf\"\ncampaign { name = base, seed = 977 }\n");
        Path variant = write("variants/deep.conf", "include \"../common/base.conf\"\ngrid.depth = 12\n");
        Campaign deep = plan(variant);
        assertEquals(977, deep.seed());
        assertEquals(List.of(8), deep.grid().widths(), "common/grid.conf, found next to common/base.conf");
        assertEquals(12, deep.grid().depth());
    }

    @Test
    void aMissingIncludedFileIsRefusedNamingIt() throws IOException {
        write("common/base.conf", "include \"absent.conf\"\n" + BASE);
        Path variant = write("variants/v.conf", "include \"../common/base.conf\"\n");
        BadInputException e = assertThrows(BadInputException.class, () -> plan(variant));
        Path base = temp.resolve("variants/../common/base.conf");
        assertEquals(base.toString(), e.field(), "the file with the include statement");
        assertEquals(base + ": include \"absent.conf\": no file " + temp.resolve("variants/../common/absent.conf")
                + " (a relative include is read from the directory of the file that includes it)", e.getMessage());
    }

    @Test
    void aMissingFileIncludeIsRefusedToo() throws IOException {
        Path absent = temp.resolve("absent.conf");
        Path conf = write("c.conf", "include file(\"" + absent + "\")\n" + BASE);
        BadInputException e = assertThrows(BadInputException.class, () -> plan(conf));
        assertEquals(conf + ": include file(\"" + absent + "\"): no file " + absent, e.getMessage());
    }

    @Test
    void aSyntaxErrorInAnIncludedFileNamesThatFileAndLine() throws IOException {
        write("base.conf", BASE.replace("width = [8]", "width = [8]]"));
        Path variant = write("v.conf", "include \"base.conf\"\n");
        BadInputException e = assertThrows(BadInputException.class, () -> plan(variant));
        assertEquals(temp.resolve("base.conf") + ":6", e.field());
    }
}
