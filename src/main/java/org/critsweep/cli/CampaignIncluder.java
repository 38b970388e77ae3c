package org.critsweep.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the {@code include} statements of a campaign file: {@code include "base.conf"} is resolved against the
 * directory of the file that says it (so a variant next to its base works from any working directory), and
 * {@code include file("…")} as the library does (against the working directory). An included file that is missing
 * is an error naming it: the library would silently include nothing, and the campaign would then miss keys or, worse,
 * run with the variant's values only. {@code classpath(…)} and {@code url(…)} are the library's.
 */
final class CampaignIncluder implements ConfigIncluder, ConfigIncluderFile {

    private final Path file;

    /** @param file the campaign file whose includes this reads */
    CampaignIncluder(Path file) {
        this.file = file;
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return this;
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        Path parent = file.getParent();
        return read(parent == null ? Path.of(what) : parent.resolve(what), "include \"" + what + "\"",
                " (a relative include is read from the directory of the file that includes it)");
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File included) {
        return read(included.toPath(), "include file(\"" + included + "\")", "");
    }

    private ConfigObject read(Path included, String statement, String hint) {
        if (!Files.isRegularFile(included)) {
            throw new ConfigException.IO(ConfigOriginFactory.newFile(file.toString()), statement + ": "
                    + (Files.exists(included) ? included + " is not a regular file" : "no file " + included) + hint);
        }
        return ConfigFactory.parseFile(included.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)
                .setOriginDescription(included.toString()).setIncluder(new CampaignIncluder(included))).root();
    }
}
