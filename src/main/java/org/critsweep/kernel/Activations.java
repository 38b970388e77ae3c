package org.critsweep.kernel;

import java.util.List;
import java.util.Optional;

/** The registry of supported activations, looked up by their campaign-file names. */
public final class Activations {

    private static final List<Activation> ALL =
            List.of(new Tanh(), new Erf(), new Sin(), new Relu(), new Linear());

    private Activations() {
    }

    /** All supported activations, in the order they are documented. */
    public static List<Activation> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Activation::name).toList();
    }

    public static Optional<Activation> byName(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The activation of that name; throws if there is none (callers validate names at the boundary). */
    public static Activation of(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException(
                "activation: unknown '" + name + "'; allowed: " + String.join(", ", names())));
    }
}
