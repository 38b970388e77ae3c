package org.critsweep.cli;

import org.critsweep.grid.BadInputException;
import org.critsweep.kernel.Activation;
import org.critsweep.kernel.ActivationKind;

/**
 * The value of an {@code --activation} option as the activation it names. A call from the command rather than a
 * picocli type converter, so that an unknown name is a bad-input error with the allowed names (picocli would
 * rewrap it as its own usage error) and is reported only after the required options are checked.
 */
final class ActivationConverter {

    private ActivationConverter() {
    }

    /** @throws BadInputException naming {@code --activation} and the allowed names */
    static Activation convert(String name) {
        return ActivationKind.byLabel(name).map(ActivationKind::activation).orElseThrow(() -> new BadInputException(
                "--activation", "unknown value '" + name + "'; allowed: " + String.join(", ", ActivationKind.labels())));
    }
}
