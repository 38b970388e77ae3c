package org.critsweep.grid;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.critsweep.kernel.Labelled;

/**
 * Typed, validated reads of a resolved campaign configuration: each refusal is a {@link BadInputException} naming
 * the field, what was expected and what was found (docs/ERRORS.md). The static readers check one value, e.g. an
 * element of a list.
 */
final class HoconFields {

    private final Config config;

    HoconFields(Config config) {
        this.config = config;
    }

    /** Whether {@code field} is set. */
    boolean has(String field) {
        return config.hasPath(field);
    }

    /** The field's value; refused when it is missing. */
    ConfigValue value(String field) {
        if (!config.hasPath(field)) {
            throw new BadInputException(field, "required key is missing");
        }
        return config.getValue(field);
    }

    /** Refuses a key that does not apply to this campaign; returns an empty list for use as a value. */
    <T> List<T> forbidden(String field, String reason) {
        if (config.hasPath(field)) {
            throw new BadInputException(field, reason);
        }
        return List.of();
    }

    String string(String field) {
        return stringValue(field, value(field));
    }

    static String stringValue(String field, ConfigValue value) {
        if (value.valueType() != ConfigValueType.STRING) {
            throw new BadInputException(field, "expected a string, got " + BadInputException.show(value));
        }
        return (String) value.unwrapped();
    }

    /** A string that is one of {@code allowed}. */
    static String oneOf(String field, ConfigValue value, List<String> allowed) {
        String name = stringValue(field, value);
        if (!allowed.contains(name)) {
            throw unknownValue(field, name, allowed);
        }
        return name;
    }

    /** The enum constant whose {@link Labelled#label() label} the value is, with "did you mean" when it is none. */
    static <E extends Enum<E> & Labelled> E label(String field, ConfigValue value, Class<E> type) {
        String name = stringValue(field, value);
        return Labelled.byLabel(type, name).orElseThrow(() -> unknownValue(field, name, Labelled.labels(type)));
    }

    /** {@link #label(String, ConfigValue, Class)} of the field's value, or {@code otherwise} when it is absent. */
    <E extends Enum<E> & Labelled> E labelOr(String field, E otherwise, Class<E> type) {
        return has(field) ? label(field, value(field), type) : otherwise;
    }

    /** A list of labels, as {@link #list}. */
    <E extends Enum<E> & Labelled> List<E> labels(String field, List<String> defaults, Class<E> type) {
        return list(field, defaults, v -> label(field, v, type));
    }

    private static BadInputException unknownValue(String field, String name, List<String> allowed) {
        return new BadInputException(field, "unknown value '" + name + "'"
                + NearestName.offer(NearestName.among(name, allowed), "allowed", allowed));
    }

    /** A scalar or a list of scalars, non-empty, without duplicates; {@code defaults} when absent (null: required). */
    <T> List<T> list(String field, List<String> defaults, Function<ConfigValue, T> element) {
        if (!config.hasPath(field)) {
            if (defaults == null) {
                throw new BadInputException(field, "required key is missing");
            }
            return defaults.stream().map(d -> element.apply(ConfigValueFactory.fromAnyRef(d))).toList();
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
        return config.hasPath(field) && value(field) instanceof ConfigList list && list.isEmpty();
    }

    long integer(String field, long min) {
        return integer(field, value(field), min);
    }

    /** An integer >= min that fits an int (any long when there is no minimum). */
    static long integer(String field, ConfigValue value, long min) {
        return integer(field, value, min, min == Long.MIN_VALUE ? Long.MAX_VALUE : Integer.MAX_VALUE);
    }

    static long integer(String field, ConfigValue value, long min, long max) {
        String range = min == Long.MIN_VALUE ? "" : max == Integer.MAX_VALUE ? " >= " + min
                : " in [" + min + ", " + max + "]";
        if (value.valueType() != ConfigValueType.NUMBER
                || !(value.unwrapped() instanceof Integer || value.unwrapped() instanceof Long)) {
            throw new BadInputException(field, "expected an integer" + range + ", got "
                    + BadInputException.show(value));
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

    /** {@link #number(String, ConfigValue, double, boolean)} of the field's value. */
    double number(String field, double min, boolean inclusive) {
        return number(field, value(field), min, inclusive);
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
