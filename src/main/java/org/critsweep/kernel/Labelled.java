package org.critsweep.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum constant with the lower-case label that stands for it in campaign files and tables ({@code mlp},
 * {@code tanh}, {@code gram}, {@code pair}, ...): values are enums in the code and labels only at the edges.
 */
public interface Labelled {

    /** The name used in campaign files and tables. */
    String label();

    /** Every label of the enum, in declaration order. */
    static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
    }

    /** The constant with that label, if any. */
    static <E extends Enum<E> & Labelled> Optional<E> byLabel(Class<E> type, String label) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.label().equals(label)).findFirst();
    }

    /**
     * The constant with that label, for labels read back from the tables this program wrote.
     *
     * @throws IllegalArgumentException naming {@code field} and the allowed labels when there is none
     */
    static <E extends Enum<E> & Labelled> E ofLabel(Class<E> type, String field, String label) {
        return byLabel(type, label).orElseThrow(() -> new IllegalArgumentException(
                field + ": unknown '" + label + "'; allowed: " + String.join(", ", labels(type))));
    }
}
