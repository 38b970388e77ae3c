package org.critsweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.critsweep.fit.UniversalityClass;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * A spreading run's exponents (PHYSICS.md §6): P(l) ~ l^−δ, N_a(l) ~ l^θ and R²(l) ~ l^{2/z} on log-log axes at the
 * grid point nearest the critical point, one curve per activity threshold with the law fitted over its window (the
 * {@code spreading_*} rows of fits), and the local slopes d ln Y / d ln l against l beside the DP and mean-field
 * values. Without fitted rows the data are still drawn, and the caption says so.
 */
final class SpreadingPlots {

    /** Local slopes between a layer and the first recorded one at least this factor deeper. */
    static final double SLOPE_SPAN = 2.0;
    private static final Pattern THRESHOLD = Pattern.compile("threshold=([0-9.eE+-]+)");
    private static final Pattern WINDOW = Pattern.compile("\\[\\s*([0-9.eE+]+)\\s*,\\s*([0-9.eE+]+)\\s*]");
    /** θ of DP 1+1 and DP 2+1 as tabulated in PHYSICS.md §6; the mean-field θ is 0. */
    private static final double THETA_DP_1 = 0.313686;
    private static final double THETA_DP_2 = 0.2295;

    /** One observable: what it is called, how it is read, which fit gives its slope and how. */
    private record Observable(String title, String symbol, ToDoubleFunction<LayerRow.Spreading> value,
                              String quantity, String slopeName) {

        /** The slope of ln Y against ln l that an exponent e of this observable means. */
        double slope(double exponent) {
            return switch (quantity) {
                case "spreading_delta" -> -exponent;
                case "spreading_z" -> 2.0 / exponent;
                default -> exponent;
            };
        }
    }

    private static final List<Observable> OBSERVABLES = List.of(
            new Observable("Survival probability P(l)", "P(l)", LayerRow.Spreading::survival, "spreading_delta",
                    "−δ"),
            new Observable("Active sites N_a(l)", "N_a(l)", LayerRow.Spreading::activeSites, "spreading_theta", "θ"),
            new Observable("Spread R²(l)", "R²(l)", LayerRow.Spreading::spreadR2, "spreading_z", "2/z"));

    private SpreadingPlots() {
    }

    /**
     * The spreading point of the largest size nearest the critical point: the spreading estimate
     * ({@code sigma_w_c_spreading}) where there is one, else the λ_N root, else the middle of the scan.
     */
    static Optional<PointResult> criticalPoint(FamilyResults family) {
        List<Integer> sizes = family.sizes();
        if (sizes.isEmpty()) {
            return Optional.empty();
        }
        int size = sizes.get(sizes.size() - 1);
        List<PointResult> scan = family.points(size).stream().filter(PointResult::spreading).toList();
        if (scan.isEmpty()) {
            return Optional.empty();
        }
        double target = family.fits().stream().filter(f -> f.quantity().equals("sigma_w_c_spreading"))
                .filter(f -> f.size() == null || f.size() == size).map(f -> f.fit().estimate()).findFirst()
                .or(() -> family.fit("sigma_w_c", size).map(f -> f.fit().estimate()))
                .orElse(scan.get(scan.size() / 2).sigmaW());
        return scan.stream().min(Comparator.comparingDouble(p -> Math.abs(p.sigmaW() - target)));
    }

    static List<Panel> of(FamilyResults family) {
        Optional<PointResult> point = criticalPoint(family);
        List<LayerRow> rows = point.map(p -> family.layers(p.pointId())).orElse(List.of());
        int thresholds = rows.stream().mapToInt(r -> r.spreading().size()).max().orElse(0);
        List<Panel> panels = new ArrayList<>();
        for (Observable observable : OBSERVABLES) {
            if (thresholds == 0) {
                panels.add(new Panel.Omission(observable.title + " per threshold", "no spreading observables were"
                        + " recorded for the points of this family"));
                continue;
            }
            String where = String.format(Locale.ROOT, ", σ_w = %.4g, L = %d", point.get().sigmaW(), point.get().size());
            panels.add(law(family, observable, rows, thresholds, where));
            panels.add(localSlopes(family, observable, rows, thresholds, where));
        }
        return panels;
    }

    private static Panel law(FamilyResults family, Observable observable, List<LayerRow> rows, int thresholds,
                             String where) {
        String title = observable.title + where;
        XYChart chart = Charts.chart(title, "layer l", observable.symbol, LegendPosition.InsideSW);
        Charts.logLog(chart);
        List<String> fitted = new ArrayList<>();
        List<Double> values = thresholdValues(family, thresholds);
        for (int k = 0; k < thresholds; k++) {
            int index = k;
            double[][] data = LogLogPoints.of(rows, r -> observable.value.applyAsDouble(r.at(index)));
            if (data[0].length == 0) {
                continue;
            }
            String name = thresholdName(values, k);
            Charts.line(chart, name, data[0], data[1], Charts.color(k));
            Optional<FitRow> fit = fitAt(family, observable.quantity, values, k);
            if (fit.isPresent()) {
                double[][] line = lawLine(data, observable.slope(fit.get().fit().estimate()),
                        window(fit.get().fit().window(), data[0]));
                Charts.dashed(chart, "fit, " + name + ": " + fit.get().fit().valueWithError(observable.quantity
                        .replace("spreading_", "")), line[0], line[1], Charts.color(k));
                fitted.add(fit.get().fit().valueWithError(observable.quantity) + " (" + name + ", "
                        + fit.get().fit().window() + ")");
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return new Panel.Omission(title, "no threshold has a positive value at a layer >= 1");
        }
        return new Panel.Plot(chart, "Mean over replicas per layer (table curves, one column per threshold of"
                + " grid.active_thresholds). " + (fitted.isEmpty() ? "No fitted law: the fits table has no "
                + observable.quantity + " row for this family." : "Dashed: the fitted power laws, slope "
                + observable.slopeName + ", drawn over their fit windows through the data's mean there (the fits"
                + " table holds the exponent, not the amplitude): " + String.join("; ", fitted) + "."));
    }

    private static Panel localSlopes(FamilyResults family, Observable observable, List<LayerRow> rows,
                                     int thresholds, String where) {
        String title = "Local slope of " + observable.symbol + where;
        XYChart chart = Charts.chart(title, "layer l", "d ln " + observable.symbol + " / d ln l  (→ "
                + observable.slopeName + ")", LegendPosition.InsideNE);
        chart.getStyler().setXAxisLogarithmic(true);
        List<Double> values = thresholdValues(family, thresholds);
        double lastLayer = 1;
        for (int k = 0; k < thresholds; k++) {
            int index = k;
            double[][] slopes = slopes(LogLogPoints.of(rows, r -> observable.value.applyAsDouble(r.at(index))));
            if (slopes[0].length > 0) {
                Charts.line(chart, thresholdName(values, k), slopes[0], slopes[1], Charts.color(k));
                lastLayer = Math.max(lastLayer, slopes[0][slopes[0].length - 1]);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return new Panel.Omission(title, "fewer than two layers a factor " + SLOPE_SPAN + " apart have a positive"
                    + " value");
        }
        int dimensions = family.family().arch().dimensions();
        UniversalityClass dp = dimensions == 2 ? UniversalityClass.DP_2_1 : UniversalityClass.DP_1_1;
        for (UniversalityClass cls : List.of(dp, UniversalityClass.MEAN_FIELD)) {
            double slope = classSlope(observable, cls, dimensions);
            Charts.classReference(chart, String.format(Locale.ROOT, "%s: %s = %.4g", cls.displayName(),
                    observable.slopeName, slope), new double[] {1, lastLayer}, new double[] {slope, slope}, cls);
        }
        return new Panel.Plot(chart, "The effective exponent between each recorded layer l and the first one at"
                + " least " + SLOPE_SPAN + "× deeper, against their geometric mean (from table curves). At the"
                + " critical point it levels off at the class's value; a drift up or down marks the active or the"
                + " absorbing side, and a drift that depends on the threshold marks its influence.");
    }

    /** The class's slope of this observable; θ of mean-field DP is 0, of DP from the literature. */
    private static double classSlope(Observable observable, UniversalityClass cls, int dimensions) {
        return switch (observable.quantity) {
            case "spreading_delta" -> -cls.delta();
            case "spreading_z" -> 2.0 / cls.z();
            default -> cls == UniversalityClass.MEAN_FIELD ? 0.0 : dimensions == 2 ? THETA_DP_2 : THETA_DP_1;
        };
    }

    /** {x[], y[]} of d ln y / d ln x between points a factor {@link #SLOPE_SPAN} apart, at their geometric mean. */
    static double[][] slopes(double[][] points) {
        List<double[]> out = new ArrayList<>();
        double[] x = points[0];
        double[] y = points[1];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            j = Math.max(j, i + 1);
            while (j < x.length && x[j] < SLOPE_SPAN * x[i]) {
                j++;
            }
            if (j >= x.length) {
                break;
            }
            out.add(new double[] {Math.sqrt(x[i] * x[j]), Math.log(y[j] / y[i]) / Math.log(x[j] / x[i])});
        }
        return new double[][] {out.stream().mapToDouble(p -> p[0]).toArray(),
            out.stream().mapToDouble(p -> p[1]).toArray()};
    }

    /** The law A l^slope over [from, to], A chosen so that it meets the data's mean of ln y − slope ln l there. */
    static double[][] lawLine(double[][] data, double slope, double[] window) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < data[0].length; i++) {
            if (data[0][i] >= window[0] && data[0][i] <= window[1]) {
                sum += Math.log(data[1][i]) - slope * Math.log(data[0][i]);
                n++;
            }
        }
        double lnA = n > 0 ? sum / n : Math.log(data[1][0]) - slope * Math.log(data[0][0]);
        return new double[][] {window, {Math.exp(lnA + slope * Math.log(window[0])),
            Math.exp(lnA + slope * Math.log(window[1]))}};
    }

    /** The first [from, to] of a fit window, else the data's whole range. */
    static double[] window(String fitWindow, double[] layers) {
        Matcher m = WINDOW.matcher(fitWindow);
        if (m.find()) {
            return new double[] {Math.max(1, Double.parseDouble(m.group(1))), Double.parseDouble(m.group(2))};
        }
        return new double[] {layers[0], layers[layers.length - 1]};
    }

    /** The thresholds the spreading fits name, ascending; the curves' threshold columns follow the same order. */
    private static List<Double> thresholdValues(FamilyResults family, int thresholds) {
        List<Double> values = family.fits().stream().map(f -> THRESHOLD.matcher(f.scope()))
                .filter(Matcher::find).map(m -> Double.parseDouble(m.group(1))).distinct().sorted().toList();
        return values.size() == thresholds ? values : List.of();
    }

    private static String thresholdName(List<Double> values, int k) {
        return values.isEmpty() ? "threshold " + (k + 1) : String.format(Locale.ROOT, "threshold %.0e", values.get(k));
    }

    private static Optional<FitRow> fitAt(FamilyResults family, String quantity, List<Double> values, int k) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return family.fits().stream().filter(f -> f.quantity().equals(quantity))
                .filter(f -> {
                    Matcher m = THRESHOLD.matcher(f.scope());
                    return m.find() && Double.parseDouble(m.group(1)) == values.get(k);
                }).max(Comparator.comparing(f -> f.size() == null ? 0 : f.size()));
    }
}
