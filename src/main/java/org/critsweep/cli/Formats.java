package org.critsweep.cli;

import java.util.Locale;

/** Number formatting shared by the console outputs. */
final class Formats {

    private Formats() {
    }

    /** Six significant digits without trailing zeros, or "-" for a missing or undefined value. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        String text = String.format(Locale.ROOT, "%.6g", value);
        int exponent = text.indexOf('e');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        String suffix = exponent < 0 ? "" : text.substring(exponent);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return mantissa + suffix;
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
