package org.critsweep.grid;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.kernel.Protocol;

/** Parses the campaign's {@code grid { … }} block into a {@link GridSpec} (README, "Campaign files"). */
final class GridSection {

    /** Linspace values are rounded to 12 significant digits so that 1.30 + 1 × 0.02 is the same point as 1.32. */
    private static final MathContext GRID_DIGITS = new MathContext(12);

    private final HoconFields fields;

    GridSection(HoconFields fields) {
        this.fields = fields;
    }

    GridSpec spec() {
        List<Arch> archs = fields.labels("grid.arch", List.of("mlp"), Arch.class);
        List<ActivationKind> activations = fields.labels("grid.activation", null, ActivationKind.class);
        Sampler sampler = fields.labelOr("grid.sampler", Sampler.GRAM, Sampler.class);
        List<Double> sigmaB = fields.list("grid.sigma_b", null, v -> HoconFields.number("grid.sigma_b", v, 0.0, true));
        refuseDegenerateOrderParameter(activations, sigmaB);
        List<Double> sigmaW = sigmaW();
        boolean mlp = archs.contains(Arch.MLP);
        boolean cnn = archs.stream().anyMatch(Arch::convolutional);
        List<Integer> widths = mlp ? fields.list("grid.width", null, v -> neurons("grid.width", v))
                : fields.forbidden("grid.width", "applies to arch mlp only; a CNN has channels and size");
        if (cnn && sampler == Sampler.GRAM && fields.has("grid.sampler")) {
            throw new BadInputException("grid.sampler", "gram is exact only for mlp (weights shared across positions"
                    + " break it); use dense, or leave sampler unset, with cnn1d/cnn2d/lcn1d/lcn2d");
        }
        ConvGrid conv = cnn ? convGrid() : null;
        if (!cnn) {
            for (String key : List.of("channels", "size", "kernel_size", "protocol", "active_thresholds")) {
                fields.forbidden("grid." + key, "applies to arch cnn1d/cnn2d/lcn1d/lcn2d only");
            }
        }
        int depth = (int) Limits.atMost("grid.depth", fields.integer("grid.depth", 1), Limits.MAX_DEPTH,
                "the layers one machine can record");
        int replicas = (int) Limits.atMost("grid.replicas", fields.integer("grid.replicas", 1), Limits.MAX_REPLICAS,
                "replicas per point one machine can plan");
        double q0 = fields.has("grid.inputs.q0") ? fields.number("grid.inputs.q0", 0.0, false) : 1.0;
        double c0 = fields.has("grid.inputs.c0") ? correlation("grid.inputs.c0") : 0.8;
        return new GridSpec(archs, activations, sampler, sigmaB, sigmaW, widths, depth, replicas, q0, c0, record(),
                conv, aroundCritical());
    }

    /** A width or channel count: an integer >= 2, at most {@link Limits#MAX_NEURONS}. */
    private static int neurons(String field, ConfigValue value) {
        return (int) Limits.atMost(field, HoconFields.integer(field, value, 2), Limits.MAX_NEURONS,
                "neurons per layer one core can hold");
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
        List<String> odd = labelsWhereOdd(true);
        List<String> even = labelsWhereOdd(false);
        activations.stream().filter(a -> a.activation().isOdd()).findFirst().ifPresent(a -> {
            throw new BadInputException("grid.sigma_b", "0 with the odd activation " + a.label() + " is degenerate:"
                    + " rho = 1 - c does not decay and c = 1 and c = -1 are both absorbing (docs/PHYSICS.md section 2);"
                    + " allowed: values > 0 with " + String.join(", ", odd) + "; 0 only with "
                    + String.join(", ", even));
        });
    }

    private static List<String> labelsWhereOdd(boolean odd) {
        return Stream.of(ActivationKind.values()).filter(a -> a.activation().isOdd() == odd)
                .map(ActivationKind::label).toList();
    }

    private double correlation(String field) {
        String expected = "expected a correlation in [-1, 1], got ";
        ConfigValue value = fields.value(field);
        if (value.valueType() != ConfigValueType.NUMBER) {
            throw new BadInputException(field, expected + BadInputException.show(value));
        }
        double c = ((Number) value.unwrapped()).doubleValue();
        if (!(Math.abs(c) <= 1.0)) {
            throw new BadInputException(field, expected + c);
        }
        return c;
    }

    private ConvGrid convGrid() {
        List<Integer> channels = fields.list("grid.channels", null, v -> neurons("grid.channels", v));
        List<Integer> sizes = fields.list("grid.size", null, v -> (int) HoconFields.integer("grid.size", v, 1));
        refuseLargeLattice(channels, sizes);
        int kernel = fields.has("grid.kernel_size") ? (int) fields.integer("grid.kernel_size", 1) : 3;
        int smallest = sizes.stream().mapToInt(Integer::intValue).min().orElseThrow();
        if (kernel % 2 == 0 || kernel > smallest) {
            throw new BadInputException("grid.kernel_size", "expected an odd integer <= the smallest size ("
                    + smallest + "), got " + kernel);
        }
        Protocol protocol = fields.labelOr("grid.protocol", Protocol.PAIR, Protocol.class);
        List<Double> thresholds = fields.has("grid.active_thresholds")
                ? fields.list("grid.active_thresholds", null,
                        v -> HoconFields.number("grid.active_thresholds", v, 0.0, false))
                : ConvGrid.DEFAULT_THRESHOLDS;
        if (!ConvGrid.validThresholds(thresholds)) {
            throw new BadInputException("grid.active_thresholds", "expected " + ConvGrid.THRESHOLDS_ALLOWED + ", got "
                    + thresholds);
        }
        return new ConvGrid(channels, sizes, kernel, protocol, thresholds);
    }

    /**
     * Refuses a lattice whose neurons per layer (channels × sites; L² sites for cnn2d, which any arch list with it
     * may hold) exceed {@link Limits#MAX_NEURONS}, computed in floating point so that no size overflows.
     */
    private void refuseLargeLattice(List<Integer> channels, List<Integer> sizes) {
        int dimensions = fields.labels("grid.arch", List.of("mlp"), Arch.class).stream().mapToInt(Arch::dimensions)
                .max().orElse(1);
        double neurons = Collections.max(channels) * Math.pow(Collections.max(sizes), dimensions);
        if (neurons > Limits.MAX_NEURONS) {
            throw new BadInputException("grid.size", String.format(Locale.ROOT, "expected channels x sites <= %d"
                    + " (neurons per layer one core can hold), got %.4g", Limits.MAX_NEURONS, neurons));
        }
    }

    /**
     * A list of values > 0, or {@code { linspace = [a, b, n] }}; empty when only {@code around-critical} is given
     * (the planner adds its values per family).
     */
    private List<Double> sigmaW() {
        String field = "grid.sigma_w";
        ConfigValue value = fields.value(field);
        if (!(value instanceof ConfigObject object)) {
            if (value instanceof ConfigList list) {
                Limits.atMost(field, list.size(), Limits.MAX_SIGMA_W_VALUES, "values a grid can plan");
            }
            return fields.list(field, null, v -> HoconFields.number(field, v, 0.0, false));
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
        ConfigValue value = fields.value(field);
        List<ConfigValue> elements = value instanceof ConfigList list ? list : List.of();
        double[] spec = elements.size() == 3 && elements.stream().allMatch(v -> v.valueType() == ConfigValueType.NUMBER)
                ? elements.stream().mapToDouble(v -> ((Number) v.unwrapped()).doubleValue()).toArray() : null;
        if (spec == null || !(spec[0] > 0 && spec[0] < spec[1] && Double.isFinite(spec[1])
                && spec[2] == Math.rint(spec[2]) && spec[2] >= 2 && spec[2] <= Limits.MAX_SIGMA_W_VALUES)) {
            throw new BadInputException(field, "expected [a, b, n] with 0 < a < b and an integer n in [2, "
                    + Limits.MAX_SIGMA_W_VALUES + "], got " + BadInputException.show(value));
        }
        return distinctIds(field, linspace(spec[0], spec[1], (int) spec[2]));
    }

    /**
     * Refuses σ_w values that the point id cannot tell apart: the id hashes σ_w rounded to 12 significant digits
     * (GRID_DIGITS), so two values that round alike would be one point.
     */
    private static List<Double> distinctIds(String field, List<Double> values) {
        List<Double> sorted = values.stream().map(v -> new BigDecimal(v).round(GRID_DIGITS).doubleValue()).sorted()
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) {
                throw new BadInputException(field, "two values round to " + sorted.get(i) + " at 12 significant digits,"
                        + " the resolution of the point id; expected values that differ in their first 12 digits");
            }
        }
        return values;
    }

    private static List<Double> linspace(double a, double b, int n) {
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double v = a + (b - a) * i / (n - 1);
            values.add(new BigDecimal(v).round(GRID_DIGITS).doubleValue());
        }
        return values;
    }

    /** {@code grid.sigma_w = { around-critical = { half-width = h > 0, points = n in [2, 10000] } }}, or null. */
    private AroundCritical aroundCritical() {
        String field = "grid.sigma_w.around-critical";
        if (!fields.has(field)) {
            return null;
        }
        double halfWidth = fields.number(field + ".half-width", 0.0, false);
        int points = (int) HoconFields.integer(field + ".points", fields.value(field + ".points"), 2,
                Limits.MAX_SIGMA_W_VALUES);
        return new AroundCritical(halfWidth, points);
    }

    private RecordSchedule record() {
        if (!fields.has("grid.record")) {
            return RecordSchedule.every();
        }
        ConfigValue value = fields.value("grid.record");
        if (value instanceof ConfigObject) {
            if (!fields.has("grid.record.log")) {
                throw new BadInputException("grid.record", "expected every or { log = n }, got {}");
            }
            return RecordSchedule.log((int) fields.integer("grid.record.log", 2));
        }
        if (value.valueType() == ConfigValueType.STRING && "every".equals(value.unwrapped())) {
            return RecordSchedule.every();
        }
        throw new BadInputException("grid.record", "expected every or { log = n }, got "
                + BadInputException.show(value));
    }
}
