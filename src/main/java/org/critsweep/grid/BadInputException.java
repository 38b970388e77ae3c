package org.critsweep.grid;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.util.Locale;

/**
 * Bad input: a campaign file, an override or a command-line option is invalid. The message starts with the offending
 * field's path (or the option's name) and says what is allowed, e.g. {@code grid.sigma_w: expected values > 0, got
 * -1.0}. The command line maps it to exit code 2.
 */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BadInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The path of the offending key, e.g. {@code grid.depth}. */
    public String field() {
        return field;
    }

    /** A value as messages show it, with its type: {@code string "deep"}, {@code list [4]}, {@code number 2.5}. */
    static String show(ConfigValue value) {
        return value.valueType().name().toLowerCase(Locale.ROOT) + " " + value.render(ConfigRenderOptions.concise());
    }
}
