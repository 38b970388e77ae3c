package org.critsweep.cli;

import java.util.Locale;
import org.critsweep.report.Numbers;

/** Number formatting shared by the console outputs. */
final class Formats {

    private Formats() {
    }

    /** Six significant digits without trailing zeros, or "-" for a missing or undefined value. */
    static String number(double value) {
        return Numbers.significant(value);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
