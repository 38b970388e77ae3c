package org.critsweep.grid;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.critsweep.fit.AnalysisSpec;
import org.critsweep.fit.CollapseMethod;
import org.critsweep.fit.Estimate;
import org.critsweep.fit.LayerWindow;
import org.critsweep.fit.ScaledLayerWindow;
import org.critsweep.fit.TauWindow;

/** Parses the campaign's {@code analysis { … }} block into an {@link AnalysisSpec}, with {@link HoconFields}. */
final class AnalysisSection {

    private final HoconFields reader;

    AnalysisSection(HoconFields reader) {
        this.reader = reader;
    }

    AnalysisSpec spec() {
        AnalysisSpec defaults = AnalysisSpec.defaults();
        int bootstrap = reader.has("analysis.bootstrap") ? (int) Limits.atMost("analysis.bootstrap",
                reader.integer("analysis.bootstrap", 0), Limits.MAX_BOOTSTRAP, "resamples the fit can hold in memory")
                : defaults.bootstrap();
        if (bootstrap == 1) {
            throw new BadInputException("analysis.bootstrap", "expected 0 (no bootstrap) or an integer >= 2, got 1");
        }
        List<CollapseMethod> collapse = reader.isEmptyList("analysis.collapse") ? List.of()
                : labelled("analysis.collapse", defaults.collapse(), CollapseMethod.values(), CollapseMethod::label);
        List<Estimate> estimates = labelled("analysis.exponents", List.of(Estimate.values()), Estimate.values(),
                Estimate::label);
        int mcmcSteps = reader.has("analysis.mcmc_steps") ? (int) Limits.atMost("analysis.mcmc_steps",
                reader.integer("analysis.mcmc_steps", 100), Limits.MAX_MCMC_STEPS, "samples the chain can hold")
                : defaults.mcmcSteps();
        TauWindow tauWindow = positivePair("analysis.tau_window", false, TauWindow::new).orElse(defaults.tauWindow());
        return new AnalysisSpec(bootstrap, collapse, decayWindow(), tauWindow,
                positivePair("analysis.collapse_window", true, ScaledLayerWindow::new), Set.copyOf(estimates),
                mcmcSteps);
    }

    /** A list of {@code allowed}'s labels, anything else refused naming them; {@code defaults} when absent. */
    private <E extends Enum<E>> List<E> labelled(String field, List<E> defaults, E[] allowed,
                                                 Function<E, String> label) {
        List<String> labels = Arrays.stream(allowed).map(label).toList();
        return reader.list(field, defaults.stream().map(label).toList(),
                v -> allowed[labels.indexOf(HoconFields.oneOf(field, v, labels))]);
    }

    /** {@code auto} (empty) or [from, to] with integers 0 <= from < to. */
    private Optional<LayerWindow> decayWindow() {
        String field = "analysis.decay_window";
        Optional<List<Long>> bounds = autoOrPair(field, v -> HoconFields.integer(field, v, 0));
        if (bounds.isEmpty()) {
            return Optional.empty();
        }
        List<Long> pair = bounds.get();
        if (pair.size() == 2 && pair.get(0) < pair.get(1)) {
            return Optional.of(new LayerWindow(pair.get(0).intValue(), pair.get(1).intValue()));
        }
        throw new BadInputException(field, "expected auto or [from, to] with integers 0 <= from < to, got "
                + BadInputException.show(reader.value(field)));
    }

    /**
     * {@code auto} (empty) or [a, b] with two numbers > 0; {@code ordered} also requires a < b (a range rather
     * than two separate bounds).
     */
    private <W> Optional<W> positivePair(String field, boolean ordered, BiFunction<Double, Double, W> window) {
        Optional<List<Double>> bounds = autoOrPair(field, v -> HoconFields.number(field, v, 0.0, false));
        if (bounds.isEmpty()) {
            return Optional.empty();
        }
        List<Double> pair = bounds.get();
        if (pair.size() == 2 && (!ordered || pair.get(0) < pair.get(1))) {
            return Optional.of(window.apply(pair.get(0), pair.get(1)));
        }
        throw new BadInputException(field, "expected auto or [a, b] with numbers > 0" + (ordered ? " and a < b" : "")
                + ", got " + BadInputException.show(reader.value(field)));
    }

    /** Empty when the key is absent or {@code auto}; the list's elements when it is a list; else refused. */
    private <T> Optional<List<T>> autoOrPair(String field, Function<ConfigValue, T> element) {
        if (!reader.has(field)) {
            return Optional.empty();
        }
        ConfigValue value = reader.value(field);
        if (value.valueType() == ConfigValueType.STRING && "auto".equals(value.unwrapped())) {
            return Optional.empty();
        }
        return Optional.of(value instanceof ConfigList list ? list.stream().map(element).toList() : List.of());
    }
}
