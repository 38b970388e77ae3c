package org.critsweep.grid;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.critsweep.kernel.Activations;
import org.critsweep.kernel.Protocol;

/**
 * Parses a HOCON campaign file (DESIGN.md, "Campaign file") into a {@link Campaign}: every key is validated and
 * unknown keys are errors, each reported as a {@link CampaignException} naming the key and the allowed values.
 */
public final class CampaignParser {

    private static final Map<String, Set<String>> ALLOWED_KEYS = Map.of(
            "", Set.of("campaign", "grid", "analysis"),
            "analysis", Set.of("bootstrap", "collapse", "decay_window", "tau_window", "collapse_window", "exponents",
                    "mcmc_steps"),
            "campaign", Set.of("name", "seed", "output"),
            "grid", Set.of("arch", "activation", "sampler", "sigma_b", "sigma_w", "width", "depth", "replicas",
                    "inputs", "record", "channels", "size", "kernel_size", "protocol", "active_thresholds"),
            "grid.inputs", Set.of("q0", "c0"),
            "grid.sigma_w", Set.of("linspace", "around-critical"),
            "grid.sigma_w.around-critical", Set.of("half-width", "points"),
            "grid.record", Set.of("log"));
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** Linspace values are rounded to 12 significant digits so that 1.30 + 1 × 0.02 is the same point as 1.32. */
    private static final MathContext GRID_DIGITS = new MathContext(12);

    private CampaignParser() {
    }

    /**
     * @param text      the campaign file's content
     * @param origin    where it came from (a path), used in syntax-error messages
     * @param overrides {@code key=value} settings that replace the file's values (HOCON syntax for the value)
     */
    public static Campaign parse(String text, String origin, List<String> overrides) {
        Config config = parseHocon(text, origin);
        for (String override : overrides) {
            config = parseOverride(override).withFallback(config);
        }
        try {
            config = config.resolve();
        } catch (ConfigException e) {
            throw new CampaignException(origin, e.getMessage());
        }
        rejectUnknownKeys(config.root(), "");
        return new CampaignParser.Reader(config).campaign();
    }

    private static Config parseHocon(String text, String origin) {
        try {
            return ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(origin));
        } catch (ConfigException e) {
            throw new CampaignException(origin, "syntax error: " + e.getMessage());
        }
    }

    private static Config parseOverride(String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new CampaignException("--set", "expected key=value, got '" + override + "'");
        }
        try {
            return ConfigFactory.parseString(override.substring(0, eq).trim() + " = " + override.substring(eq + 1),
                    ConfigParseOptions.defaults().setOriginDescription("--set " + override));
        } catch (ConfigException e) {
            throw new CampaignException("--set", "cannot parse '" + override + "': " + e.getMessage());
        }
    }

    private static void rejectUnknownKeys(ConfigObject object, String path) {
        Set<String> allowed = ALLOWED_KEYS.get(path);
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String key = entry.getKey();
            String child = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                throw new CampaignException(child, "unknown key; allowed keys"
                        + (path.isEmpty() ? "" : " in " + path) + ": " + String.join(", ", new TreeSet<>(allowed)));
            }
            if (entry.getValue() instanceof ConfigObject nested && ALLOWED_KEYS.containsKey(child)) {
                rejectUnknownKeys(nested, child);
            }
        }
    }

    /** Reads typed, validated values out of a resolved configuration. */
    private static final class Reader {

        private final Config config;

        Reader(Config config) {
            this.config = config;
        }

        Campaign campaign() {
            String name = string("campaign.name");
            if (!NAME.matcher(name).matches()) {
                throw new CampaignException("campaign.name", "expected letters, digits, '.', '_' or '-', got '" + name + "'");
            }
            long seed = integer("campaign.seed", Long.MIN_VALUE);
            String output = config.hasPath("campaign.output") ? string("campaign.output") : "runs/" + name;
            String canonical = config.root().render(ConfigRenderOptions.concise());
            return new Campaign(name, seed, output, grid(), analysis(), canonical);
        }

        private GridSpec grid() {
            List<Arch> archs = names("grid.arch", List.of("mlp"), Arch.class);
            List<String> activations = list("grid.activation", null, this::activationName);
            Sampler sampler = enumValue("grid.sampler", config.hasPath("grid.sampler")
                    ? string("grid.sampler") : "gram", Sampler.class);
            List<Double> sigmaB = list("grid.sigma_b", null, v -> number("grid.sigma_b", v, 0.0, true));
            List<Double> sigmaW = sigmaW();
            boolean mlp = archs.contains(Arch.MLP);
            boolean cnn = archs.stream().anyMatch(Arch::convolutional);
            List<Integer> widths = mlp ? list("grid.width", null, v -> (int) integer("grid.width", v, 2))
                    : forbidden("grid.width", "applies to arch mlp only; a CNN has channels and size");
            if (cnn && sampler == Sampler.GRAM && config.hasPath("grid.sampler")) {
                throw new CampaignException("grid.sampler", "gram is exact only for mlp (weights shared across positions"
                        + " break it); use dense, or leave sampler unset, with cnn1d/cnn2d");
            }
            ConvGrid conv = cnn ? convGrid() : null;
            if (!cnn) {
                for (String key : List.of("channels", "size", "kernel_size", "protocol", "active_thresholds")) {
                    forbidden("grid." + key, "applies to arch cnn1d/cnn2d only");
                }
            }
            int depth = (int) integer("grid.depth", 1);
            int replicas = (int) integer("grid.replicas", 1);
            double q0 = config.hasPath("grid.inputs.q0") ? number("grid.inputs.q0", value("grid.inputs.q0"), 0.0, false) : 1.0;
            double c0 = config.hasPath("grid.inputs.c0") ? number("grid.inputs.c0", value("grid.inputs.c0"), -1.0, true) : 0.8;
            if (c0 > 1.0) {
                throw new CampaignException("grid.inputs.c0", "expected a correlation in [-1, 1], got " + c0);
            }
            return new GridSpec(archs, activations, sampler, sigmaB, sigmaW, widths, depth, replicas, q0, c0, record(),
                    conv, aroundCritical());
        }

        private AnalysisSpec analysis() {
            AnalysisSpec defaults = AnalysisSpec.defaults();
            int bootstrap = config.hasPath("analysis.bootstrap") ? (int) integer("analysis.bootstrap", 0)
                    : defaults.bootstrap();
            if (bootstrap == 1) {
                throw new CampaignException("analysis.bootstrap", "expected 0 (no bootstrap) or an integer >= 2, got 1");
            }
            List<String> collapse = config.hasPath("analysis.collapse") && config.getList("analysis.collapse").isEmpty()
                    ? List.of() : list("analysis.collapse", defaults.collapse(),
                    v -> oneOf("analysis.collapse", v, AnalysisSpec.COLLAPSE_METHODS));
            List<String> exponents = list("analysis.exponents", AnalysisSpec.EXPONENTS,
                    v -> oneOf("analysis.exponents", v, AnalysisSpec.EXPONENTS));
            int mcmcSteps = config.hasPath("analysis.mcmc_steps") ? (int) integer("analysis.mcmc_steps", 100)
                    : defaults.mcmcSteps();
            double[] tauWindow = positivePair("analysis.tau_window", false);
            return new AnalysisSpec(bootstrap, collapse, decayWindow(),
                    tauWindow == null ? defaults.tauWindow() : tauWindow, positivePair("analysis.collapse_window", true),
                    Set.copyOf(exponents), mcmcSteps);
        }

        /** {@code auto} (null) or [from, to] with integers 0 <= from < to. */
        private int[] decayWindow() {
            String field = "analysis.decay_window";
            List<Long> bounds = autoOrPair(field, v -> integer(field, v, 0));
            if (bounds == null) {
                return null;
            }
            if (bounds.size() == 2 && bounds.get(0) < bounds.get(1)) {
                return new int[] {bounds.get(0).intValue(), bounds.get(1).intValue()};
            }
            throw new CampaignException(field, "expected auto or [from, to] with integers 0 <= from < to, got "
                    + render(value(field)));
        }

        /**
         * {@code auto} (null) or [a, b] with two numbers > 0; {@code ordered} also requires a < b (a range rather
         * than two separate bounds).
         */
        private double[] positivePair(String field, boolean ordered) {
            List<Double> bounds = autoOrPair(field, v -> number(field, v, 0.0, false));
            if (bounds == null) {
                return null;
            }
            if (bounds.size() == 2 && (!ordered || bounds.get(0) < bounds.get(1))) {
                return new double[] {bounds.get(0), bounds.get(1)};
            }
            throw new CampaignException(field, "expected auto or [a, b] with numbers > 0" + (ordered ? " and a < b" : "")
                    + ", got " + render(value(field)));
        }

        /** Null when the key is absent or {@code auto}; the list's elements when it is a list; else refused. */
        private <T> List<T> autoOrPair(String field, Function<ConfigValue, T> element) {
            if (!config.hasPath(field)) {
                return null;
            }
            ConfigValue value = value(field);
            if (value.valueType() == ConfigValueType.STRING && "auto".equals(value.unwrapped())) {
                return null;
            }
            return value.valueType() == ConfigValueType.LIST
                    ? config.getList(field).stream().map(element).toList() : List.of();
        }

        private static String oneOf(String field, ConfigValue value, List<String> allowed) {
            String name = stringValue(field, value);
            if (!allowed.contains(name)) {
                throw new CampaignException(field, "unknown value '" + name + "'; allowed: " + String.join(", ", allowed));
            }
            return name;
        }

        private ConvGrid convGrid() {
            List<Integer> channels = list("grid.channels", null, v -> (int) integer("grid.channels", v, 2));
            List<Integer> sizes = list("grid.size", null, v -> (int) integer("grid.size", v, 1));
            int kernel = config.hasPath("grid.kernel_size") ? (int) integer("grid.kernel_size", 1) : 3;
            int smallest = sizes.stream().mapToInt(Integer::intValue).min().orElseThrow();
            if (kernel % 2 == 0 || kernel > smallest) {
                throw new CampaignException("grid.kernel_size", "expected an odd integer <= the smallest size ("
                        + smallest + "), got " + kernel);
            }
            Protocol protocol = config.hasPath("grid.protocol")
                    ? enumValue("grid.protocol", string("grid.protocol"), Protocol.class) : Protocol.PAIR;
            List<Double> thresholds = config.hasPath("grid.active_thresholds")
                    ? list("grid.active_thresholds", null, v -> number("grid.active_thresholds", v, 0.0, false))
                    : List.of(1e-6, 1e-3);
            if (thresholds.size() != 2 || !(thresholds.get(0) < thresholds.get(1)) || !(thresholds.get(1) < 1.0)) {
                throw new CampaignException("grid.active_thresholds", "expected two increasing values in (0, 1), got "
                        + thresholds);
            }
            return new ConvGrid(channels, sizes, kernel, protocol, thresholds);
        }

        /** Refuses a key that does not apply to this grid; returns an empty list for use as a value. */
        private <T> List<T> forbidden(String field, String reason) {
            if (config.hasPath(field)) {
                throw new CampaignException(field, reason);
            }
            return List.of();
        }

        private List<Double> sigmaW() {
            String field = "grid.sigma_w";
            ConfigValue value = value(field);
            if (value instanceof ConfigObject object && !object.containsKey("linspace")
                    && object.containsKey("around-critical")) {
                return List.of();
            }
            if (value instanceof ConfigObject object) {
                List<Double> spec = list(field + ".linspace", null,
                        v -> number(field + ".linspace", v, Double.NEGATIVE_INFINITY, true));
                if (spec.size() != 3 || spec.get(2) != Math.rint(spec.get(2)) || spec.get(2) < 2 || !(spec.get(0) < spec.get(1))) {
                    throw new CampaignException(field + ".linspace",
                            "expected [a, b, n] with a < b and an integer n >= 2, got " + spec);
                }
                List<Double> values = linspace(spec.get(0), spec.get(1), spec.get(2).intValue());
                values.forEach(v -> requirePositiveSigmaW(field, v));
                return values;
            }
            List<Double> values = list(field, null, v -> number(field, v, Double.NEGATIVE_INFINITY, true));
            values.forEach(v -> requirePositiveSigmaW(field, v));
            return values;
        }

        /** {@code grid.sigma_w = { around-critical = { half-width = h > 0, points = n >= 2 } }}, or null. */
        private AroundCritical aroundCritical() {
            String field = "grid.sigma_w.around-critical";
            if (!config.hasPath(field)) {
                return null;
            }
            double halfWidth = number(field + ".half-width", value(field + ".half-width"), 0.0, false);
            int points = (int) integer(field + ".points", 2);
            return new AroundCritical(halfWidth, points);
        }

        private static void requirePositiveSigmaW(String field, double v) {
            if (!(v > 0.0)) {
                throw new CampaignException(field, "expected values > 0, got " + v);
            }
        }

        private static List<Double> linspace(double a, double b, int n) {
            List<Double> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double v = a + (b - a) * i / (n - 1);
                values.add(new BigDecimal(v).round(GRID_DIGITS).doubleValue());
            }
            return values;
        }

        private RecordSchedule record() {
            if (!config.hasPath("grid.record")) {
                return RecordSchedule.every();
            }
            ConfigValue value = value("grid.record");
            if (value instanceof ConfigObject) {
                if (!config.hasPath("grid.record.log")) {
                    throw new CampaignException("grid.record", "expected every or { log = n }, got {}");
                }
                return RecordSchedule.log((int) integer("grid.record.log", 2));
            }
            if (value.valueType() == ConfigValueType.STRING && "every".equals(value.unwrapped())) {
                return RecordSchedule.every();
            }
            throw new CampaignException("grid.record", "expected every or { log = n }, got " + render(value));
        }

        private String activationName(ConfigValue value) {
            String name = stringValue("grid.activation", value);
            if (Activations.byName(name).isEmpty()) {
                throw new CampaignException("grid.activation",
                        "unknown value '" + name + "'; allowed: " + String.join(", ", Activations.names()));
            }
            return name;
        }

        private <E extends Enum<E>> List<E> names(String field, List<String> defaults, Class<E> type) {
            return list(field, defaults, v -> enumValue(field, stringValue(field, v), type));
        }

        private static <E extends Enum<E>> E enumValue(String field, String name, Class<E> type) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return constant;
                }
            }
            throw new CampaignException(field, "unknown value '" + name + "'; allowed: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
        }

        /** A scalar or a list of scalars, non-empty and without duplicates; {@code defaults} when absent (null: required). */
        private <T> List<T> list(String field, List<String> defaults, Function<ConfigValue, T> element) {
            if (!config.hasPath(field)) {
                if (defaults == null) {
                    throw new CampaignException(field, "required key is missing");
                }
                return defaults.stream().map(d -> element.apply(com.typesafe.config.ConfigValueFactory.fromAnyRef(d))).toList();
            }
            ConfigValue value = value(field);
            List<ConfigValue> elements = value.valueType() == ConfigValueType.LIST
                    ? new ArrayList<>(config.getList(field)) : List.of(value);
            if (elements.isEmpty()) {
                throw new CampaignException(field, "expected a non-empty list, got []");
            }
            List<T> result = elements.stream().map(element).toList();
            if (new HashSet<>(result).size() != result.size()) {
                throw new CampaignException(field, "duplicate values in " + result + "; each value may appear once");
            }
            return result;
        }

        private ConfigValue value(String field) {
            if (!config.hasPath(field)) {
                throw new CampaignException(field, "required key is missing");
            }
            return config.getValue(field);
        }

        private String string(String field) {
            return stringValue(field, value(field));
        }

        private static String stringValue(String field, ConfigValue value) {
            if (value.valueType() != ConfigValueType.STRING) {
                throw new CampaignException(field, "expected a string, got " + render(value));
            }
            return (String) value.unwrapped();
        }

        private long integer(String field, long min) {
            return integer(field, value(field), min);
        }

        private static long integer(String field, ConfigValue value, long min) {
            if (value.valueType() != ConfigValueType.NUMBER || !(value.unwrapped() instanceof Integer || value.unwrapped() instanceof Long)) {
                throw new CampaignException(field, "expected an integer" + (min > Long.MIN_VALUE ? " >= " + min : "")
                        + ", got " + render(value));
            }
            long v = ((Number) value.unwrapped()).longValue();
            if (v < min) {
                throw new CampaignException(field, "expected an integer >= " + min + ", got " + v);
            }
            if (min > Long.MIN_VALUE && v > Integer.MAX_VALUE) {
                throw new CampaignException(field, "expected an integer <= " + Integer.MAX_VALUE + ", got " + v);
            }
            return v;
        }

        /** A finite number; {@code inclusive} says whether {@code min} itself is allowed. */
        private static double number(String field, ConfigValue value, double min, boolean inclusive) {
            if (value.valueType() != ConfigValueType.NUMBER) {
                throw new CampaignException(field, "expected a number, got " + render(value));
            }
            double v = ((Number) value.unwrapped()).doubleValue();
            boolean ok = Double.isFinite(v) && (inclusive ? v >= min : v > min);
            if (!ok) {
                throw new CampaignException(field, "expected " + (inclusive ? "values >= " : "values > ") + min + ", got " + v);
            }
            return v;
        }

        private static String render(ConfigValue value) {
            return value.valueType().name().toLowerCase(Locale.ROOT) + " " + value.render(ConfigRenderOptions.concise());
        }
    }
}
