package org.critsweep.grid;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The keys a campaign file may hold, section by section, and the check that refuses any other: an unknown key is
 * named with the nearest valid one (a typo within its section, else the same key in another section) and the keys
 * allowed where it stands; a section given something other than an object is named with the keys it takes.
 */
final class CampaignKeys {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "", sorted("campaign", "grid", "analysis"),
            "analysis", sorted("bootstrap", "collapse", "decay_window", "tau_window", "collapse_window", "exponents",
                    "mcmc_steps"),
            "campaign", sorted("name", "seed", "output", "max_core_hours"),
            "grid", sorted("arch", "activation", "sampler", "sigma_b", "sigma_w", "width", "depth", "replicas",
                    "inputs", "record", "channels", "size", "kernel_size", "protocol", "active_thresholds"),
            "grid.inputs", sorted("q0", "c0"),
            "grid.sigma_w", sorted("linspace", "around-critical"),
            "grid.sigma_w.around-critical", sorted("half-width", "points"),
            "grid.record", sorted("log"));

    /** Sections that take only an object; {@code grid.sigma_w} and {@code grid.record} also take a list or a word. */
    private static final Set<String> OBJECTS = Set.of("campaign", "grid", "analysis", "grid.inputs",
            "grid.sigma_w.around-critical");

    private CampaignKeys() {
    }

    /** @throws BadInputException naming the first unknown key, or the first section that is not an object */
    static void check(ConfigObject root) {
        check(root, "");
    }

    private static void check(ConfigObject object, String path) {
        Set<String> allowed = ALLOWED.get(path);
        for (Map.Entry<String, ConfigValue> entry : new TreeMap<>(object).entrySet()) {
            String key = entry.getKey();
            String child = join(path, key);
            if (!allowed.contains(key)) {
                throw new BadInputException(child, "unknown key" + NearestName.offer(suggestion(path, key),
                        path.isEmpty() ? "allowed keys" : "allowed keys in " + path, allowed));
            }
            ConfigValue value = entry.getValue();
            if (OBJECTS.contains(child) && !(value instanceof ConfigObject)) {
                throw new BadInputException(child, "expected an object with keys " + String.join(", ", ALLOWED.get(child))
                        + ", got " + BadInputException.show(value));
            }
            if (value instanceof ConfigObject nested && ALLOWED.containsKey(child)) {
                check(nested, child);
            }
        }
    }

    /**
     * A typo of a key of the same section, else the same key in a sibling section (grid.bootstrap: analysis.bootstrap;
     * but grid.sigma_w.around-critical.width is not grid.width).
     */
    private static Optional<String> suggestion(String path, String key) {
        Optional<String> typo = NearestName.among(key, ALLOWED.get(path)).map(k -> join(path, k));
        if (typo.isPresent() || path.isEmpty()) {
            return typo;
        }
        return ALLOWED.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && parent(e.getKey()).equals(parent(path)) && e.getValue().contains(key))
                .map(e -> join(e.getKey(), key)).sorted().findFirst();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String parent(String path) {
        return path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
    }

    private static Set<String> sorted(String... keys) {
        return new TreeSet<>(Set.of(keys));
    }
}
