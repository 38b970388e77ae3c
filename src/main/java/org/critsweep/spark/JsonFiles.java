package org.critsweep.spark;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.Map;

/** Small JSON files of a campaign's bookkeeping, written atomically: a reader sees the old file or the new one. */
final class JsonFiles {

    private JsonFiles() {
    }

    /** Why a file does not parse, without its path (which the caller names): "line 1: Empty document". */
    static String parseError(ConfigException e, Path file) {
        String prefix = file.toString() + ": ";
        String message = String.valueOf(e.getMessage());
        return (message.startsWith(prefix) ? message.substring(prefix.length()) : message)
                .replaceFirst("^(\\d+): ", "line $1: ");
    }

    /** @throws CampaignFailure when the file cannot be written (a full disk): the old file, if any, is intact */
    static void write(Path target, Map<String, Object> content, boolean formatted) {
        String json = ConfigValueFactory.fromMap(content).render(ConfigRenderOptions.concise().setFormatted(formatted));
        AtomicFiles.write(target, json + "\n");
    }
}
