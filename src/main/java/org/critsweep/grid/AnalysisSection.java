package org.critsweep.grid;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Parses the campaign's {@code analysis { … }} block into an {@link AnalysisSpec}, with {@link HoconFields}. */
final class AnalysisSection {

    private final HoconFields reader;

    AnalysisSection(HoconFields reader) {
        this.reader = reader;
    }

    AnalysisSpec spec() {
        AnalysisSpec defaults = AnalysisSpec.defaults();
        int bootstrap = reader.has("analysis.bootstrap") ? (int) reader.integer("analysis.bootstrap", 0)
                : defaults.bootstrap();
        if (bootstrap == 1) {
            throw new BadInputException("analysis.bootstrap", "expected 0 (no bootstrap) or an integer >= 2, got 1");
        }
        List<String> collapse = reader.isEmptyList("analysis.collapse") ? List.of()
                : reader.list("analysis.collapse", defaults.collapse(), v -> HoconFields.oneOf(
                "analysis.collapse", v, AnalysisSpec.COLLAPSE_METHODS));
        List<String> exponents = reader.list("analysis.exponents", AnalysisSpec.EXPONENTS,
                v -> HoconFields.oneOf("analysis.exponents", v, AnalysisSpec.EXPONENTS));
        int mcmcSteps = reader.has("analysis.mcmc_steps") ? (int) reader.integer("analysis.mcmc_steps", 100)
                : defaults.mcmcSteps();
        double[] tauWindow = positivePair("analysis.tau_window", false);
        return new AnalysisSpec(bootstrap, collapse, decayWindow(),
                tauWindow == null ? defaults.tauWindow() : tauWindow, positivePair("analysis.collapse_window", true),
                Set.copyOf(exponents), mcmcSteps);
    }

    /** {@code auto} (null) or [from, to] with integers 0 <= from < to. */
    private int[] decayWindow() {
        String field = "analysis.decay_window";
        List<Long> bounds = autoOrPair(field, v -> HoconFields.integer(field, v, 0));
        if (bounds == null) {
            return null;
        }
        if (bounds.size() == 2 && bounds.get(0) < bounds.get(1)) {
            return new int[] {bounds.get(0).intValue(), bounds.get(1).intValue()};
        }
        throw new BadInputException(field, "expected auto or [from, to] with integers 0 <= from < to, got "
                + BadInputException.show(reader.value(field)));
    }

    /**
     * {@code auto} (null) or [a, b] with two numbers > 0; {@code ordered} also requires a < b (a range rather
     * than two separate bounds).
     */
    private double[] positivePair(String field, boolean ordered) {
        List<Double> bounds = autoOrPair(field, v -> HoconFields.number(field, v, 0.0, false));
        if (bounds == null) {
            return null;
        }
        if (bounds.size() == 2 && (!ordered || bounds.get(0) < bounds.get(1))) {
            return new double[] {bounds.get(0), bounds.get(1)};
        }
        throw new BadInputException(field, "expected auto or [a, b] with numbers > 0" + (ordered ? " and a < b" : "")
                + ", got " + BadInputException.show(reader.value(field)));
    }

    /** Null when the key is absent or {@code auto}; the list's elements when it is a list; else refused. */
    private <T> List<T> autoOrPair(String field, Function<ConfigValue, T> element) {
        if (!reader.has(field)) {
            return null;
        }
        ConfigValue value = reader.value(field);
        if (value.valueType() == ConfigValueType.STRING && "auto".equals(value.unwrapped())) {
            return null;
        }
        return value instanceof ConfigList list ? list.stream().map(element).toList() : List.of();
    }
}
