package org.critsweep.store;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Small JSON files of a campaign's bookkeeping, written atomically: a reader sees the old file or the new one. */
final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * A bookkeeping file parsed: JSON when its name ends in {@code .json}, else HOCON (the lock). As with
     * {@code ConfigFactory.parseFile}, a file that cannot be read parses as empty, so a typed read of it throws.
     *
     * @throws ConfigException when the file does not parse; messages name it by its {@linkplain
     *                         CampaignFileSystem#location location}
     */
    static Config read(CampaignFileSystem files, String file) {
        byte[] bytes;
        try {
            bytes = files.read(file);
        } catch (IOException unreadable) {
            return ConfigFactory.empty();
        }
        return ConfigFactory.parseString(new String(bytes, StandardCharsets.UTF_8), ConfigParseOptions.defaults()
                .setOriginDescription(files.location(file)).setSyntaxFromFilename(file));
    }

    /** Why a file does not parse, without its location (which the caller names): "line 1: Empty document". */
    static String parseError(ConfigException e, String location) {
        String prefix = location + ": ";
        String message = String.valueOf(e.getMessage());
        return (message.startsWith(prefix) ? message.substring(prefix.length()) : message)
                .replaceFirst("^(\\d+): ", "line $1: ");
    }

    /** @throws CampaignFailure when the file cannot be written (a full disk): the old file, if any, is intact */
    static void write(CampaignFileSystem files, String file, Map<String, Object> content, boolean formatted) {
        String json = ConfigValueFactory.fromMap(content).render(ConfigRenderOptions.concise().setFormatted(formatted));
        AtomicFiles.write(files, file, json + "\n");
    }
}
