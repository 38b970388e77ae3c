package org.critsweep.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.critsweep.fit.FitConstraint;

/**
 * A value rounded to its error, the error in parentheses in units of the last digit shown: 1.44833 ± 0.00258572 reads
 * {@code 1.4483(26)}. The error keeps the digits of the Particle Data Group's rule, read from its three leading
 * digits: 100–354 two significant digits, 355–949 one, 950–999 rounded up to 1000 and two (0.0096 → {@code (10)} in
 * the third decimal); the error is then rounded from its exact value (0.00104546 → {@code (10)}). Halves round away from zero. An error that reaches left of the decimal point is written whole
 * ({@code 12350(230)}); beyond 10⁻⁴ … 10⁶ both share a power of ten ({@code 1.23(6)e-7}). An unconstrained value
 * ({@link FitConstraint}) keeps one significant digit of each, with a power of ten beyond 10⁻³ … 10³:
 * {@code 0.5 ± 5e3 (unconstrained)}. Without a positive error (NaN, 0: a quadrature, a tabulated exact value) a value
 * reads {@code 1.44833 (no error)}, six significant digits.
 */
public final class Concise {

    public static final String UNCONSTRAINED = " (unconstrained)";
    public static final String NO_ERROR = " (no error)";
    /** Three leading error digits below this keep two significant digits, from here one. */
    private static final int TWO_DIGITS_BELOW = 355;
    private static final int SMALLEST_PLAIN = -4;
    private static final int LARGEST_PLAIN = 5;
    private static final int SMALLEST_ROUGH = -3;
    private static final int LARGEST_ROUGH = 2;

    private Concise() {
    }

    /** {@code 1.4483(26)}, {@code 0.5 ± 5e3 (unconstrained)}, {@code 1.44833 (no error)}, or "-" without a value. */
    public static String format(double value, double error) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        if (!(error > 0)) {
            return Numbers.significant(value) + NO_ERROR;
        }
        if (FitConstraint.unconstrained(value, error)) {
            return oneDigit(value) + " ± " + oneDigit(error) + UNCONSTRAINED;
        }
        int power = power(value, error);
        if (!plain(power)) {
            double scale = Math.pow(10, power);
            return rounded(value / scale, error / scale) + "e" + power;
        }
        return rounded(value, error);
    }

    /** A tabulated value: {@code 1} when exact (error 0), else {@link #format}. */
    public static String exactOr(double value, double error) {
        return error == 0.0 ? Numbers.significant(value) : format(value, error);
    }

    /**
     * A number that goes with a value and its error (the error itself, an interval's end) rounded to the place of the
     * last digit {@link #format} shows; six significant digits when that has no such place (no error, unconstrained,
     * beyond 10⁻⁴ … 10⁶).
     */
    public static String sameDigits(double x, double value, double error) {
        if (!Double.isFinite(x) || !(error > 0) || !Double.isFinite(value) || FitConstraint.unconstrained(value, error)
                || !plain(power(value, error))) {
            return Numbers.significant(x);
        }
        return new BigDecimal(x).setScale(-lastPlace(error), RoundingMode.HALF_UP).toPlainString();
    }

    /** The power of ten of the leading digit of the larger of |value| and the error. */
    private static int power(double value, double error) {
        return Math.max(leadingPower(Math.abs(value)), leadingPower(error));
    }

    private static boolean plain(int power) {
        return power >= SMALLEST_PLAIN && power <= LARGEST_PLAIN;
    }

    private static String rounded(double value, double error) {
        int last = lastPlace(error);
        BigDecimal shownError = new BigDecimal(error).setScale(-last, RoundingMode.HALF_UP);
        BigDecimal shownValue = new BigDecimal(value).setScale(-last, RoundingMode.HALF_UP);
        String digits = last >= 0 ? shownError.toPlainString() : shownError.unscaledValue().toString();
        return shownValue.toPlainString() + "(" + digits + ")";
    }

    /**
     * The power of ten of the error's last shown digit: from its three leading digits, one below the leading digit
     * for 100–354, the leading digit's for 355–999 (950–999 round up to 1000, whose two digits end there too). The
     * error itself is then rounded from its exact value, as its interval's ends are ({@link #sameDigits}).
     */
    private static int lastPlace(double error) {
        BigDecimal three = new BigDecimal(error).round(new MathContext(3, RoundingMode.HALF_UP));
        int lead = leadingPower(three);
        int leadingDigits = three.movePointLeft(lead - 2).intValue();
        return leadingDigits < TWO_DIGITS_BELOW ? lead - 1 : lead;
    }

    /** One significant digit, plain from 10⁻³ to below 10³, else {@code 5e3}; "inf" for an infinite error. */
    private static String oneDigit(double x) {
        if (Double.isInfinite(x)) {
            return "inf";
        }
        if (x == 0.0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(1, RoundingMode.HALF_UP));
        int power = leadingPower(d);
        return power < SMALLEST_ROUGH || power > LARGEST_ROUGH
                ? d.unscaledValue().toString() + "e" + power
                : d.toPlainString();
    }

    /** The power of ten of the leading digit: 2 for 258, −3 for 0.00258. */
    private static int leadingPower(double x) {
        return x == 0.0 ? Integer.MIN_VALUE : leadingPower(new BigDecimal(x));
    }

    private static int leadingPower(BigDecimal x) {
        return x.precision() - x.scale() - 1;
    }
}
