package org.critsweep.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.critsweep.fit.FitConstraint;
import org.critsweep.fit.SpreadingObservable;
import org.critsweep.fit.UniversalityClass;
import org.critsweep.fit.UniversalityVerdict;
import org.critsweep.grid.ScalingFamily;

/**
 * The results at a glance, first after {@code run} and {@code fit} and at the top of the report: per family the
 * critical point σ_w,c(∞) (else that of the largest size) beside its mean-field value, each classifying exponent the
 * {@code fits} table has (of the largest size) beside the values of mean field, DP 1+1, DP 2+1 and the
 * multiplicative-noise class of the family's dimension, and the verdict with every class's p-value and the exponents
 * it left out as unconstrained. Every number is rounded to its error ({@link Concise}).
 */
public record HeadlineBlock(List<Family> families) {

    /** What the notation means, under the block. */
    public static final String LEGEND = "value(error): the error in units of the last digit shown (1.4483(26) is"
            + " 1.4483 ± 0.0026); unconstrained: error >= " + FitConstraint.MAX_RELATIVE_ERROR + " max(|value|, "
            + FitConstraint.MIN_SCALE + "), left out of the verdict; class values from docs/PHYSICS.md section 6,"
            + " p-values by section 7";

    /** The critical point's quantities, most telling first. */
    static final List<String> CRITICAL_POINTS = List.of("sigma_w_c_inf", "sigma_w_c", "sigma_w_c_spreading");
    /** Shown for every family; the candidates of the family's dimension join them. */
    private static final List<UniversalityClass> ALWAYS = List.of(UniversalityClass.MEAN_FIELD,
            UniversalityClass.DP_1_1, UniversalityClass.DP_2_1);
    private static final Pattern ONE_SIZE = Pattern.compile("[NL]=\\d+");

    /** One quantity: its {@code fits} name and scope, the measured value, and each shown class's value ("-": none). */
    public record Line(String quantity, String scope, String measured, List<String> classValues) {

        public Line {
            classValues = List.copyOf(classValues);
        }

        public List<String> cells() {
            List<String> cells = new ArrayList<>(List.of(quantity, scope, measured));
            cells.addAll(classValues);
            return cells;
        }
    }

    /** One family's block: the classes beside the values, the lines, and the verdict in one sentence. */
    public record Family(ScalingFamily family, List<UniversalityClass> classes, List<Line> lines, String verdict) {

        public Family {
            classes = List.copyOf(classes);
            lines = List.copyOf(lines);
        }

        /** The column heads of {@link Line#cells()}. */
        public List<String> headers() {
            List<String> headers = new ArrayList<>(List.of("quantity", "scope", "measured"));
            classes.forEach(c -> headers.add(c.displayName()));
            return headers;
        }
    }

    public HeadlineBlock {
        families = List.copyOf(families);
    }

    public static HeadlineBlock of(List<FitRow> fits) {
        ExponentTable table = ExponentTable.of(fits);
        Map<ScalingFamily, List<FitRow>> byFamily = new LinkedHashMap<>();
        fits.stream().sorted(Comparator.comparing(r -> r.family().toString()))
                .forEach(r -> byFamily.computeIfAbsent(r.family(), f -> new ArrayList<>()).add(r));
        List<Family> families = new ArrayList<>();
        byFamily.forEach((family, rows) -> families.add(family(family, rows, table)));
        return new HeadlineBlock(families);
    }

    private static Family family(ScalingFamily family, List<FitRow> rows, ExponentTable table) {
        List<UniversalityClass> candidates = UniversalityClass.forDimension(family.arch().dimensions());
        List<UniversalityClass> classes = Arrays.stream(UniversalityClass.values())
                .filter(c -> ALWAYS.contains(c) || candidates.contains(c)).toList();
        List<Line> lines = new ArrayList<>();
        CRITICAL_POINTS.stream().map(q -> pick(rows, q)).flatMap(Optional::stream).findFirst()
                .ifPresent(row -> lines.add(criticalPoint(family, row, classes.size())));
        for (String quantity : UniversalityClass.QUANTITIES) {
            pick(rows, fitsName(quantity)).ifPresent(row -> lines.add(new Line(row.quantity(), row.scope(),
                    Concise.format(row.fit().estimate(), row.fit().stderr()), classes.stream()
                            .map(c -> c.value(quantity)).map(v -> Concise.exactOr(v.value(), v.error())).toList())));
        }
        return new Family(family, classes, lines, verdict(table, family));
    }

    /** The name of a classifying exponent's rows: a spreading exponent has its observable's. */
    private static String fitsName(String exponent) {
        for (SpreadingObservable o : SpreadingObservable.values()) {
            if (o.exponent().equals(exponent)) {
                return o.quantity();
            }
        }
        return exponent;
    }

    /** The row of one size with the largest size, else the first row that pools or extrapolates sizes. */
    private static Optional<FitRow> pick(List<FitRow> rows, String quantity) {
        List<FitRow> named = rows.stream().filter(r -> r.quantity().equals(quantity)).toList();
        Optional<FitRow> largest = named.stream()
                .filter(r -> r.familySize() != null && ONE_SIZE.matcher(r.scope()).matches())
                .max(Comparator.comparingInt(FitRow::familySize));
        return largest.isPresent() ? largest : named.stream().findFirst();
    }

    private static Line criticalPoint(ScalingFamily family, FitRow row, int classes) {
        List<String> values = new ArrayList<>();
        OptionalDouble meanField = MeanFieldCritical.sigmaWc(family.activation(), family.sigmaB());
        values.add(meanField.isPresent() ? Numbers.significant(meanField.getAsDouble()) : "-");
        while (values.size() < classes) {
            values.add("-");
        }
        return new Line(row.quantity(), row.scope(), Concise.format(row.fit().estimate(), row.fit().stderr()), values);
    }

    /** {@code mean field; mean field p = 0.70, DP 1+1 p < 1e-16; left out as unconstrained: z = …}. */
    private static String verdict(ExponentTable table, ScalingFamily family) {
        String window = table.verdicts().get(family);
        if (window == null) {
            return "none: no constrained classifying exponent (delta, beta, nu_par, z, theta) was fitted";
        }
        String classes = table.classPValues().getOrDefault(family, List.of()).stream()
                .map(c -> c.cls() + " " + UniversalityVerdict.pText(c.pValue())).collect(Collectors.joining(", "));
        return UniversalityVerdict.labelOf(window) + (classes.isEmpty() ? "" : "; " + classes)
                + UniversalityVerdict.skippedIn(window).map(s -> "; left out as unconstrained: " + s).orElse("");
    }

    /** The block as HTML, for the top of the report: a table and the verdict per family. */
    public String html() {
        StringBuilder html = new StringBuilder("<section id=\"headline\">\n<h2>Results at a glance</h2>\n");
        if (families.isEmpty()) {
            html.append("<p class=\"omitted\">No fits: the fits table is empty or missing.</p>\n");
        }
        for (Family f : families) {
            html.append("<h3>").append(Html.escape(f.family().toString())).append("</h3>\n");
            if (!f.lines().isEmpty()) {
                html.append("<table class=\"headline\">\n<tr>");
                f.headers().forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
                html.append("</tr>\n");
                for (Line line : f.lines()) {
                    html.append("<tr>");
                    List<String> cells = line.cells();
                    for (int c = 0; c < cells.size(); c++) {
                        html.append(c < 2 ? "<td class=\"name\">" : "<td class=\"number\">")
                                .append(Html.escape(cells.get(c))).append("</td>");
                    }
                    html.append("</tr>\n");
                }
                html.append("</table>\n");
            }
            html.append("<p class=\"verdict\"><strong>verdict:</strong> ").append(Html.escape(f.verdict()))
                    .append("</p>\n");
        }
        html.append("<p class=\"meta\">").append(Html.escape(LEGEND)).append(".</p>\n</section>\n");
        return html.toString();
    }
}
