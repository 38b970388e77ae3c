package org.critsweep.grid;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
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
import java.util.function.Function;
import java.util.regex.Pattern;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.kernel.Protocol;

/**
 * Parses a HOCON campaign file (README, "Campaign files") into a {@link Campaign}: every key is validated and
 * unknown keys are errors ({@link CampaignKeys}), each reported as a {@link BadInputException} naming the key, the
 * bad value and the allowed values; a syntax error names the file and line.
 */
public final class CampaignParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** Linspace values are rounded to 12 significant digits so that 1.30 + 1 × 0.02 is the same point as 1.32. */
    private static final MathContext GRID_DIGITS = new MathContext(12);
    /** The most σ_w values a linspace or an around-critical block gives: more is a typo, and would take long to plan. */
    static final int MAX_SIGMA_W_VALUES = 10_000;

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
            throw new BadInputException(location(e.origin(), origin), withoutOrigin(e));
        }
        CampaignKeys.check(config.root());
        return new CampaignParser.Reader(config).campaign();
    }

    private static Config parseHocon(String text, String origin) {
        try {
            return ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(origin));
        } catch (ConfigException e) {
            throw new BadInputException(location(e.origin(), origin), "syntax error: " + withoutOrigin(e));
        }
    }

    private static Config parseOverride(String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new BadInputException("--set", "expected key=value, got '" + override + "'");
        }
        try {
            return ConfigFactory.parseString(override.substring(0, eq).trim() + " = " + override.substring(eq + 1),
                    ConfigParseOptions.defaults().setOriginDescription("--set " + override));
        } catch (ConfigException e) {
            throw new BadInputException("--set", "cannot parse '" + override + "': " + withoutOrigin(e));
        }
    }

    /** Where a HOCON error is, compiler style: {@code file:line} in the campaign file, else the override. */
    private static String location(ConfigOrigin where, String file) {
        if (where == null) {
            return file;
        }
        String description = where.description();
        String lineSuffix = ": " + where.lineNumber();
        if (where.lineNumber() > 0 && description.endsWith(lineSuffix)) {
            String source = description.substring(0, description.length() - lineSuffix.length());
            return source.equals(file) ? source + ":" + where.lineNumber() : source;
        }
        return description;
    }

    /** The library's message without the origin it starts with (the location says where). */
    private static String withoutOrigin(ConfigException e) {
        String message = e.getMessage();
        String prefix = e.origin() == null ? "" : e.origin().description() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Reads typed, validated values out of a resolved configuration. */
    static final class Reader {

        private final Config config;

        Reader(Config config) {
            this.config = config;
        }

        Campaign campaign() {
            String name = string("campaign.name");
            if (!NAME.matcher(name).matches()) {
                throw new BadInputException("campaign.name", "expected letters, digits, '.', '_' or '-', got '" + name + "'");
            }
            long seed = integer("campaign.seed", Long.MIN_VALUE);
            String output = config.hasPath("campaign.output") ? output() : "runs/" + name;
            double maxCoreHours = config.hasPath("campaign.max_core_hours")
                    ? number("campaign.max_core_hours", value("campaign.max_core_hours"), 0.0, false)
                    : Campaign.DEFAULT_MAX_CORE_HOURS;
            String canonical = config.root().render(ConfigRenderOptions.concise());
            return new Campaign(name, seed, output, maxCoreHours, grid(), new AnalysisSection(this).spec(), canonical);
        }

        /** A path as written; a leading {@code ~} is refused because nothing expands it (it would be a directory "~"). */
        private String output() {
            String output = string("campaign.output");
            if (output.isBlank()) {
                throw new BadInputException("campaign.output", "expected a directory path, got an empty string");
            }
            if (output.startsWith("~")) {
                throw new BadInputException("campaign.output", "a leading ~ is not expanded, got '" + output
                        + "'; write the home directory's full path");
            }
            return output;
        }

        private GridSpec grid() {
            List<Arch> archs = names("grid.arch", List.of("mlp"), Arch.class);
            List<ActivationKind> activations = names("grid.activation", null, ActivationKind.class);
            Sampler sampler = enumValue("grid.sampler", config.hasPath("grid.sampler")
                    ? string("grid.sampler") : "gram", Sampler.class);
            List<Double> sigmaB = list("grid.sigma_b", null, v -> number("grid.sigma_b", v, 0.0, true));
            refuseDegenerateOrderParameter(activations, sigmaB);
            List<Double> sigmaW = sigmaW();
            boolean mlp = archs.contains(Arch.MLP);
            boolean cnn = archs.stream().anyMatch(Arch::convolutional);
            List<Integer> widths = mlp ? list("grid.width", null, v -> (int) integer("grid.width", v, 2))
                    : forbidden("grid.width", "applies to arch mlp only; a CNN has channels and size");
            if (cnn && sampler == Sampler.GRAM && config.hasPath("grid.sampler")) {
                throw new BadInputException("grid.sampler", "gram is exact only for mlp (weights shared across positions"
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
            double c0 = config.hasPath("grid.inputs.c0") ? correlation("grid.inputs.c0") : 0.8;
            return new GridSpec(archs, activations, sampler, sigmaB, sigmaW, widths, depth, replicas, q0, c0, record(),
                    conv, aroundCritical());
        }

        /**
         * σ_b = 0 with an odd φ makes ρ = 1 − c useless as an order parameter (PHYSICS.md §2): it does not decay, and
         * c = +1 and c = −1 are both absorbing. Such a grid is refused rather than swept, since every ρ-based fit of
         * it would be meaningless; σ_b = 0 stays allowed for ReLU, whose critical point it is.
         */
        private static void refuseDegenerateOrderParameter(List<ActivationKind> activations, List<Double> sigmaB) {
            if (sigmaB.stream().noneMatch(b -> b == 0.0)) {
                return;
            }
            List<String> odd = Arrays.stream(ActivationKind.values()).filter(a -> a.activation().isOdd())
                    .map(ActivationKind::label).toList();
            List<String> even = Arrays.stream(ActivationKind.values()).filter(a -> !a.activation().isOdd())
                    .map(ActivationKind::label).toList();
            activations.stream().filter(a -> a.activation().isOdd()).findFirst().ifPresent(a -> {
                throw new BadInputException("grid.sigma_b", "0 with the odd activation " + a.label() + " is degenerate: rho = 1"
                        + " - c does not decay and c = 1 and c = -1 are both absorbing (docs/PHYSICS.md section 2);"
                        + " allowed: values > 0 with " + String.join(", ", odd) + "; 0 only with " + String.join(", ", even));
            });
        }

        private double correlation(String field) {
            String expected = "expected a correlation in [-1, 1], got ";
            ConfigValue value = value(field);
            if (value.valueType() != ConfigValueType.NUMBER) {
                throw new BadInputException(field, expected + BadInputException.show(value));
            }
            double c = ((Number) value.unwrapped()).doubleValue();
            if (!(Math.abs(c) <= 1.0)) {
                throw new BadInputException(field, expected + c);
            }
            return c;
        }

        static String oneOf(String field, ConfigValue value, List<String> allowed) {
            String name = stringValue(field, value);
            if (!allowed.contains(name)) {
                throw unknownValue(field, name, allowed);
            }
            return name;
        }

        private static BadInputException unknownValue(String field, String name, List<String> allowed) {
            return new BadInputException(field, "unknown value '" + name + "'"
                    + NearestName.offer(NearestName.among(name, allowed), "allowed", allowed));
        }

        private ConvGrid convGrid() {
            List<Integer> channels = list("grid.channels", null, v -> (int) integer("grid.channels", v, 2));
            List<Integer> sizes = list("grid.size", null, v -> (int) integer("grid.size", v, 1));
            int kernel = config.hasPath("grid.kernel_size") ? (int) integer("grid.kernel_size", 1) : 3;
            int smallest = sizes.stream().mapToInt(Integer::intValue).min().orElseThrow();
            if (kernel % 2 == 0 || kernel > smallest) {
                throw new BadInputException("grid.kernel_size", "expected an odd integer <= the smallest size ("
                        + smallest + "), got " + kernel);
            }
            Protocol protocol = config.hasPath("grid.protocol")
                    ? enumValue("grid.protocol", string("grid.protocol"), Protocol.class) : Protocol.PAIR;
            List<Double> thresholds = config.hasPath("grid.active_thresholds")
                    ? list("grid.active_thresholds", null, v -> number("grid.active_thresholds", v, 0.0, false))
                    : List.of(1e-6, 1e-3);
            if (thresholds.size() != 2 || !(thresholds.get(0) < thresholds.get(1)) || !(thresholds.get(1) < 1.0)) {
                throw new BadInputException("grid.active_thresholds", "expected two increasing values in (0, 1), got "
                        + thresholds);
            }
            return new ConvGrid(channels, sizes, kernel, protocol, thresholds);
        }

        /** Refuses a key that does not apply to this grid; returns an empty list for use as a value. */
        private <T> List<T> forbidden(String field, String reason) {
            if (config.hasPath(field)) {
                throw new BadInputException(field, reason);
            }
            return List.of();
        }

        /**
         * A list of values > 0, or {@code { linspace = [a, b, n] }}; empty when only {@code around-critical} is given
         * (the planner adds its values per family).
         */
        private List<Double> sigmaW() {
            String field = "grid.sigma_w";
            ConfigValue value = value(field);
            if (!(value instanceof ConfigObject object)) {
                return list(field, null, v -> number(field, v, 0.0, false));
            }
            if (object.containsKey("linspace")) {
                return linspace(field + ".linspace");
            }
            if (object.containsKey("around-critical")) {
                return List.of();
            }
            throw new BadInputException(field, "expected numbers > 0, { linspace = [a, b, n] } and/or { around-critical ="
                    + " { half-width = h, points = n } }, got " + BadInputException.show(value));
        }

        /** {@code [a, b, n]}: n values evenly spaced over [a, b]. */
        private List<Double> linspace(String field) {
            ConfigValue value = value(field);
            List<ConfigValue> elements = value.valueType() == ConfigValueType.LIST ? config.getList(field) : List.of();
            double[] spec = elements.size() == 3 && elements.stream().allMatch(v -> v.valueType() == ConfigValueType.NUMBER)
                    ? elements.stream().mapToDouble(v -> ((Number) v.unwrapped()).doubleValue()).toArray() : null;
            if (spec == null || !(spec[0] > 0 && spec[0] < spec[1] && Double.isFinite(spec[1])
                    && spec[2] == Math.rint(spec[2]) && spec[2] >= 2 && spec[2] <= MAX_SIGMA_W_VALUES)) {
                throw new BadInputException(field, "expected [a, b, n] with 0 < a < b and an integer n in [2, "
                        + MAX_SIGMA_W_VALUES + "], got " + BadInputException.show(value));
            }
            return linspace(spec[0], spec[1], (int) spec[2]);
        }

        /** {@code grid.sigma_w = { around-critical = { half-width = h > 0, points = n in [2, 10000] } }}, or null. */
        private AroundCritical aroundCritical() {
            String field = "grid.sigma_w.around-critical";
            if (!config.hasPath(field)) {
                return null;
            }
            double halfWidth = number(field + ".half-width", value(field + ".half-width"), 0.0, false);
            int points = (int) integer(field + ".points", value(field + ".points"), 2, MAX_SIGMA_W_VALUES);
            return new AroundCritical(halfWidth, points);
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
                    throw new BadInputException("grid.record", "expected every or { log = n }, got {}");
                }
                return RecordSchedule.log((int) integer("grid.record.log", 2));
            }
            if (value.valueType() == ConfigValueType.STRING && "every".equals(value.unwrapped())) {
                return RecordSchedule.every();
            }
            throw new BadInputException("grid.record", "expected every or { log = n }, got " + BadInputException.show(value));
        }

        private <E extends Enum<E>> List<E> names(String field, List<String> defaults, Class<E> type) {
            return list(field, defaults, v -> enumValue(field, stringValue(field, v), type));
        }

        private static <E extends Enum<E>> E enumValue(String field, String name, Class<E> type) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            if (!names.contains(name)) {
                throw unknownValue(field, name, names);
            }
            return type.getEnumConstants()[names.indexOf(name)];
        }

        /** A scalar or a list of scalars, non-empty and without duplicates; {@code defaults} when absent (null: required). */
        <T> List<T> list(String field, List<String> defaults, Function<ConfigValue, T> element) {
            if (!config.hasPath(field)) {
                if (defaults == null) {
                    throw new BadInputException(field, "required key is missing");
                }
                return defaults.stream().map(d -> element.apply(com.typesafe.config.ConfigValueFactory.fromAnyRef(d))).toList();
            }
            ConfigValue value = value(field);
            List<ConfigValue> elements = value.valueType() == ConfigValueType.LIST
                    ? new ArrayList<>(config.getList(field)) : List.of(value);
            if (elements.isEmpty()) {
                throw new BadInputException(field, "expected a non-empty list, got []");
            }
            List<T> result = elements.stream().map(element).toList();
            if (new HashSet<>(result).size() != result.size()) {
                throw new BadInputException(field, "duplicate values in " + result + "; each value may appear once");
            }
            return result;
        }

        boolean isEmptyList(String field) {
            return config.hasPath(field) && value(field).valueType() == ConfigValueType.LIST && config.getList(field).isEmpty();
        }

        /** Whether {@code field} is set. */
        boolean has(String field) {
            return config.hasPath(field);
        }

        ConfigValue value(String field) {
            if (!config.hasPath(field)) {
                throw new BadInputException(field, "required key is missing");
            }
            return config.getValue(field);
        }

        private String string(String field) {
            return stringValue(field, value(field));
        }

        private static String stringValue(String field, ConfigValue value) {
            if (value.valueType() != ConfigValueType.STRING) {
                throw new BadInputException(field, "expected a string, got " + BadInputException.show(value));
            }
            return (String) value.unwrapped();
        }

        long integer(String field, long min) {
            return integer(field, value(field), min);
        }

        /** An integer >= min that fits an int (any long when there is no minimum). */
        static long integer(String field, ConfigValue value, long min) {
            return integer(field, value, min, min == Long.MIN_VALUE ? Long.MAX_VALUE : Integer.MAX_VALUE);
        }

        private static long integer(String field, ConfigValue value, long min, long max) {
            String range = min == Long.MIN_VALUE ? "" : max == Integer.MAX_VALUE ? " >= " + min
                    : " in [" + min + ", " + max + "]";
            if (value.valueType() != ConfigValueType.NUMBER
                    || !(value.unwrapped() instanceof Integer || value.unwrapped() instanceof Long)) {
                throw new BadInputException(field, "expected an integer" + range + ", got " + BadInputException.show(value));
            }
            long v = ((Number) value.unwrapped()).longValue();
            if (v < min) {
                throw new BadInputException(field, "expected an integer" + range + ", got " + v);
            }
            if (v > max) {
                throw new BadInputException(field, "expected an integer" + (max == Integer.MAX_VALUE ? " <= " + max : range)
                        + ", got " + v);
            }
            return v;
        }

        /** A finite number; {@code inclusive} says whether {@code min} itself is allowed. */
        static double number(String field, ConfigValue value, double min, boolean inclusive) {
            String bound = (inclusive ? " >= " : " > ") + BigDecimal.valueOf(min).stripTrailingZeros().toPlainString();
            if (value.valueType() != ConfigValueType.NUMBER) {
                throw new BadInputException(field, "expected a number" + bound + ", got " + BadInputException.show(value));
            }
            double v = ((Number) value.unwrapped()).doubleValue();
            if (!Double.isFinite(v) || (inclusive ? v < min : v <= min)) {
                throw new BadInputException(field, "expected a " + (Double.isFinite(v) ? "" : "finite ") + "number" + bound
                        + ", got " + v);
            }
            return v;
        }
    }
}
