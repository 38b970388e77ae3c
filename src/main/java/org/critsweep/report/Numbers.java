package org.critsweep.report;

import java.util.Locale;

/** How numbers read in the console tables and the report: the same digits in both. */
public final class Numbers {

    private Numbers() {
    }

    /** Six significant digits without trailing zeros, or "-" for a missing or undefined value. */
    public static String significant(double value) {
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
}
