package org.critsweep.spark;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Small JSON files of a campaign's bookkeeping, written atomically: a reader sees the old file or the new one. */
final class JsonFiles {

    private JsonFiles() {
    }

    static void write(Path target, Map<String, Object> content, boolean formatted) {
        String json = ConfigValueFactory.fromMap(content).render(ConfigRenderOptions.concise().setFormatted(formatted));
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(temporary, json + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
