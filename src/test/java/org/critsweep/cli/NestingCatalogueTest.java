package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Campaigns never nest, and a campaign's name is a plain name: {@code run} refuses with exit 2 and one line naming
 * the field, and writes nothing. {@code <d>} is a campaign directory (its manifest made by hand), {@code <t>} the
 * test's directory.
 */
class NestingCatalogueTest {

    private static final String CAMPAIGN = """
            campaign { name = nested, seed = 7919 }
            grid { activation = tanh, sigma_b = 0.3, sigma_w = [1.3, 1.4], width = [8], depth = 4, replicas = 2 }
            """;

    @TempDir
    Path temp;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("output inside another campaign's raw", "<d>/raw/inner", List.of(),
                        "campaign.output: <d>/raw/inner is inside the campaign <d>; choose a campaign.output outside"
                                + " it"),
                Arguments.of("output inside another campaign through a symlink", "<t>/link/inner", List.of(),
                        "campaign.output: <t>/link/inner is inside the campaign <d>; choose a campaign.output outside"
                                + " it"),
                Arguments.of("output holding a campaign", "<t>", List.of(),
                        "campaign.output: <t> holds another campaign, <d>; move it out, or choose another"
                                + " campaign.output"),
                Arguments.of("name .", "<t>/out", List.of("--set", "campaign.name=\".\""),
                        "campaign.name: '.' is not a plain name (it is a directory's name: no '/', '\\', '.' or"
                                + " '..'); choose a plain name such as critical-tanh"),
                Arguments.of("name ..", "<t>/out", List.of("--set", "campaign.name=\"..\""),
                        "campaign.name: '..' is not a plain name (it is a directory's name: no '/', '\\', '.' or"
                                + " '..'); choose a plain name such as critical-tanh"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedInOneLineWithNothingWritten(String name, String output, List<String> options, String message)
            throws IOException {
        Path base = temp.toRealPath();
        Path campaign = base.resolve("d");
        Files.createDirectories(campaign.resolve("_campaign"));
        Files.createDirectories(campaign.resolve("raw"));
        Files.writeString(campaign.resolve("_campaign/manifest.json"), "{\"name\": \"d\"}");
        Files.createSymbolicLink(base.resolve("link"), campaign.resolve("raw"));
        Path conf = Files.writeString(base.resolve("c.conf"), CAMPAIGN + "campaign.output = \""
                + output.replace("<d>", campaign.toString()).replace("<t>", base.toString()) + "\"\n");
        List<String> before = listing(base);

        String[] args = Stream.concat(Stream.of("run", conf.toString()), options.stream()).toArray(String[]::new);
        Outcome refused = cli(args);

        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("", refused.out());
        assertEquals("critsweep: " + message.replace("<d>", campaign.toString()).replace("<t>", base.toString())
                + "\n", refused.err());
        assertEquals(before, listing(base));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().map(Path::toString).toList();
        }
    }
}
