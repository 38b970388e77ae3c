package org.critsweep.grid;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses a HOCON campaign file (README, "Campaign files") into a {@link Campaign}: the file, then the overrides,
 * resolved; unknown keys are errors ({@link CampaignKeys}); the {@code campaign} block here, the others by
 * {@link GridSection} and {@link AnalysisSection}. Every refusal is a {@link BadInputException} naming the key, the
 * bad value and the allowed values; a syntax error names the file and line.
 */
public final class CampaignParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private CampaignParser() {
    }

    /**
     * @param text      the campaign file's content
     * @param origin    where it came from (a path), used in syntax-error messages
     * @param overrides {@code key=value} settings that replace the file's values (HOCON syntax for the value)
     */
    public static Campaign parse(String text, String origin, List<String> overrides) {
        return parse(text, origin, overrides, null);
    }

    /**
     * As {@link #parse(String, String, List)}, with the {@code include} statements of the file read by
     * {@code includer} (the command line's resolves them against the including file and refuses a missing one); null
     * keeps the library's own includer.
     */
    public static Campaign parse(String text, String origin, List<String> overrides, ConfigIncluder includer) {
        try {
            return parseConfig(text, origin, overrides, includer);
        } catch (StackOverflowError e) {
            throw new BadInputException(origin, "nested too deeply to parse (a stack overflow); expected a campaign"
                    + " file of a few levels of blocks and lists");
        }
    }

    private static Campaign parseConfig(String text, String origin, List<String> overrides,
            ConfigIncluder includer) {
        Config config = parseHocon(text, origin, includer);
        for (String override : overrides) {
            config = override(config, override);
        }
        try {
            config = config.resolve();
        } catch (ConfigException e) {
            throw new BadInputException(location(e.origin(), origin), withoutOrigin(e));
        }
        CampaignKeys.check(config.root());
        return campaign(config);
    }

    private static Config parseHocon(String text, String origin, ConfigIncluder includer) {
        try {
            return ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(origin)
                    .setIncluder(includer));
        } catch (ConfigException e) {
            String kind = e instanceof ConfigException.IO ? "" : "syntax error: ";
            throw new BadInputException(location(e.origin(), origin), kind + withoutOrigin(e));
        }
    }

    /**
     * {@code config} with the override's key replaced by its value: an object value replaces the key's object, it is
     * not merged into it ({@code --set grid.sigma_w={ around-critical = … }} drops the file's {@code linspace}); and it
     * sets that key only ({@code grid.depth=5, grid.replicas=3} is refused rather than setting both).
     */
    private static Config override(Config config, String override) {
        Config value = parseOverride(override);
        String key = replacedKey(override);
        List<String> keyPath = ConfigUtil.splitPath(key);
        for (String set : value.entrySet().stream().map(Map.Entry::getKey).sorted().toList()) {
            List<String> path = ConfigUtil.splitPath(set);
            if (path.size() < keyPath.size() || !path.subList(0, keyPath.size()).equals(keyPath)) {
                throw new BadInputException("--set", "one --set sets one key, but '" + override + "' sets " + set
                        + " besides " + key + "; give each key its own --set");
            }
        }
        return value.withFallback(config.withoutPath(key));
    }

    /**
     * Parses a {@code key=value} override into a configuration: the key, and any further fields the value's HOCON
     * text sets ({@code a=1, b=2} sets both).
     *
     * @throws BadInputException naming {@code --set} when it is not {@code key=value} with a HOCON value
     */
    public static Config parseOverride(String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new BadInputException("--set", "expected key=value, got '" + override + "'");
        }
        try {
            Config value = ConfigFactory.parseString(override.substring(0, eq).trim() + " = "
                    + override.substring(eq + 1),
                    ConfigParseOptions.defaults().setOriginDescription("--set " + override));
            ConfigUtil.splitPath(replacedKey(override));
            return value;
        } catch (ConfigException e) {
            throw new BadInputException("--set", "cannot parse '" + override + "': " + withoutOrigin(e));
        }
    }

    /**
     * The path an override replaces: its text up to the first {@code =}, or the {@code {} of a block written
     * {@code key { … }}.
     */
    private static String replacedKey(String override) {
        int end = override.indexOf('=');
        int brace = override.indexOf('{');
        return override.substring(0, brace >= 0 && brace < end ? brace : end).trim();
    }

    /**
     * Where a HOCON error is, compiler style: {@code file:line} in the campaign file or a file it includes, else the
     * override.
     */
    private static String location(ConfigOrigin where, String file) {
        if (where == null) {
            return file;
        }
        String description = where.description();
        String lineSuffix = ": " + where.lineNumber();
        if (where.lineNumber() > 0 && description.endsWith(lineSuffix)) {
            String source = description.substring(0, description.length() - lineSuffix.length());
            return source.startsWith("--set ") ? source : source + ":" + where.lineNumber();
        }
        return description;
    }

    /** The library's message without the origin it starts with (the location says where). */
    private static String withoutOrigin(ConfigException e) {
        String message = e.getMessage();
        String prefix = e.origin() == null ? "" : e.origin().description() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The {@code campaign { … }} block, with the grid and analysis sections. */
    private static Campaign campaign(Config config) {
        HoconFields fields = new HoconFields(config);
        String name = fields.string("campaign.name");
        if (!NAME.matcher(name).matches()) {
            throw new BadInputException("campaign.name", "expected letters, digits, '.', '_' or '-', got '" + name
                    + "'");
        }
        long seed = fields.integer("campaign.seed", Long.MIN_VALUE);
        String output = fields.has("campaign.output") ? output(fields) : "runs/" + name;
        double maxCoreHours = fields.has("campaign.max_core_hours")
                ? fields.number("campaign.max_core_hours", 0.0, false) : Campaign.DEFAULT_MAX_CORE_HOURS;
        String canonical = config.root().render(ConfigRenderOptions.concise());
        return new Campaign(name, seed, output, maxCoreHours, new GridSection(fields).spec(),
                new AnalysisSection(fields).spec(), canonical);
    }

    /** A path as written; a leading {@code ~} is refused because nothing expands it (it would be a directory "~"). */
    private static String output(HoconFields fields) {
        String output = fields.string("campaign.output");
        if (output.isBlank()) {
            throw new BadInputException("campaign.output", "expected a directory path, got an empty string");
        }
        if (output.startsWith("~")) {
            throw new BadInputException("campaign.output", "a leading ~ is not expanded, got '" + output
                    + "'; write the home directory's full path");
        }
        return output;
    }
}
