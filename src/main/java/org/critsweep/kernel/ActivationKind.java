package org.critsweep.kernel;

import java.util.List;
import java.util.Optional;

/**
 * The supported activations, in the order they are documented: each constant gives its {@link Activation} and
 * carries its name as the label used in campaign files and tables.
 */
public enum ActivationKind implements Labelled {
    TANH(new Tanh()),
    ERF(new Erf()),
    SIN(new Sin()),
    RELU(new Relu()),
    LINEAR(new Linear());

    private final Activation activation;

    ActivationKind(Activation activation) {
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public String label() {
        return activation.name();
    }

    public static List<String> labels() {
        return Labelled.labels(ActivationKind.class);
    }

    public static Optional<ActivationKind> byLabel(String label) {
        return Labelled.byLabel(ActivationKind.class, label);
    }

    /** The activation of that label; throws if there is none (callers validate labels at the boundary). */
    public static ActivationKind ofLabel(String label) {
        return Labelled.ofLabel(ActivationKind.class, "activation", label);
    }
}
