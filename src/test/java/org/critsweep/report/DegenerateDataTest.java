package org.critsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.critsweep.fit.ChannelScan;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.LatticeExtrapolation;
import org.critsweep.fit.LogVarianceAnalysis;
import org.critsweep.fit.LogVarianceCollapse;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.XiCorrection;
import org.critsweep.grid.Arch;
import org.critsweep.grid.Sampler;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;

/**
 * Every plot of the report on degenerate data — no data, one point, NaN everywhere, values and errors at or below 0
 * on logarithmic axes — must neither throw nor need the renderer's last-resort catch: it is drawn (a PNG of the
 * report's size and an SVG) or replaced by the line saying why. The plot methods are found reflectively (every
 * non-private static method of this package that takes a family's results, or the grid points, and returns a Panel
 * or a list of them), so a plot added later is fed the same data without this test being edited.
 */
class DegenerateDataTest {

    private static final ScalingFamily MLP = ReportFixtures.TANH;
    private static final ScalingFamily PAIR = new ScalingFamily(Arch.CNN1D, ActivationKind.TANH, Sampler.DENSE, 0.3,
            8);
    private static final ScalingFamily SPREAD = new ScalingFamily(Arch.CNN1D, ActivationKind.TANH, Sampler.DENSE, 0.3,
            16);
    /** The plot methods of the page today: fewer found means the search is broken, not that plots went away. */
    private static final int KNOWN_PLOT_METHODS = 15;

    /** How the data are broken. */
    enum Scenario {
        /** Grid points without λ_N, layers, fits or fit curves. */
        EMPTY,
        /** One grid point per family, and one point in every fit curve, its error bar reaching below 0. */
        ONE_POINT,
        /** Every number NaN that the records allow (a fit's estimate and a fit curve's point are finite). */
        NAN,
        /** Values −1, 0, 1e-3, 2 in turn with errors 0, −0.5, 5, NaN: log axes get zero, negative, huge errors. */
        NON_POSITIVE;

        double value(int i) {
            return switch (this) {
                case NAN -> Double.NaN;
                case NON_POSITIVE -> new double[] {-1, 0, 1e-3, 2}[i % 4];
                default -> 0.05 + 0.01 * i;
            };
        }

        double error(int i) {
            return switch (this) {
                case NAN -> Double.NaN;
                case NON_POSITIVE -> new double[] {0, -0.5, 5, Double.NaN}[i % 4];
                default -> 1.0;
            };
        }

        int points() {
            return this == ONE_POINT ? 1 : 4;
        }
    }

    static CampaignResults campaign(Scenario scenario) {
        List<PointResult> points = new ArrayList<>();
        List<LayerRow> layers = new ArrayList<>();
        List<FitRow> fits = new ArrayList<>();
        List<FitCurvePoint> curves = new ArrayList<>();
        for (ScalingFamily family : List.of(MLP, PAIR, SPREAD)) {
            boolean spreading = family == SPREAD;
            for (int size : scenario == Scenario.ONE_POINT ? List.of(16) : List.of(16, 32)) {
                for (int i = 0; i < scenario.points(); i++) {
                    String id = String.format(Locale.ROOT, "%s-%d-%d", family.channels(), size, i);
                    double lambda = scenario == Scenario.EMPTY ? Double.NaN : scenario.value(i);
                    points.add(new PointResult(id, family, size, 1.40 + 0.02 * i, spreading, "chaotic", lambda,
                            scenario.error(i)));
                    if (scenario != Scenario.EMPTY) {
                        for (int layer = 0; layer <= 8; layer++) {
                            double v = scenario.value(layer);
                            layers.add(new LayerRow(id, layer, v, scenario.error(layer), v, v,
                                    List.of(new LayerRow.Spreading(v, v, v), new LayerRow.Spreading(v, v, v))));
                        }
                    }
                }
                if (scenario != Scenario.EMPTY) {
                    fits(family, size, scenario, fits);
                }
            }
            if (scenario != Scenario.EMPTY) {
                curves(family, scenario, curves);
            }
        }
        return new CampaignResults(ReportFixtures.manifest(scenario.name()), points, fits, curves, layers);
    }

    private static void fits(ScalingFamily family, int size, Scenario scenario, List<FitRow> fits) {
        Integer width = family.mlp() ? size : family.channels();
        Integer lattice = family.mlp() ? null : size;
        double estimate = scenario == Scenario.NON_POSITIVE ? -1.0 : 1.41; // a fit's estimate is never NaN
        double error = scenario.error(1);
        for (String quantity : List.of("sigma_w_c", "delta", "beta", "nu_par", LogVarianceAnalysis.SLOPE)) {
            fits.add(new FitRow(family, width, lattice, "size " + size, new FitResult(quantity, estimate, error,
                    "test", "window", 1.0, 3)));
        }
        for (String quantity : List.of("sigma_w_c_inf", "sigma_w_c_slope", "sigma_w_c_curvature",
                "sigma_w_c_inf_systematic", "sigma_w_c_spreading", "channel_slope_mf", "channel_mf_p",
                "channel_sigma_w_c_inf", XiCorrection.SLOPE, XiCorrection.P_VALUE, LogVarianceCollapse.INFINITE)) {
            fits.add(new FitRow(family, family.mlp() ? null : family.channels(), null, "pooled",
                    new FitResult(quantity, estimate, error, "test", "window", 1.0, 3)));
        }
        for (String quantity : List.of("fss_a", "fss_b", "fss_l0", "lambda_t_c", "lambda_c1", "lambda_c2")) {
            fits.add(new FitRow(family, family.mlp() ? null : family.channels(), null, "pooled",
                    new FitResult(quantity, estimate, error, "collapse_hh", "window", 1.0, 3)));
        }
        for (String quantity : List.of("spreading_delta", "spreading_theta", "spreading_z")) {
            for (String threshold : List.of("1e-09", "1e-06")) {
                fits.add(new FitRow(family, family.channels(), lattice, "threshold=" + threshold,
                        new FitResult(quantity, estimate, error, "test", "layer in [2, 8]", 1.0, 3)));
            }
        }
    }

    /** Every fit curve a plot reads, with the series names the fit stage writes. */
    private static void curves(ScalingFamily family, Scenario scenario, List<FitCurvePoint> curves) {
        List<String[]> named = List.of(new String[] {"delta_eff", "N=16"},
                new String[] {"collapse_depth_scan_hh", "N=16"}, new String[] {"collapse_lambda_hh", "N=32"},
                new String[] {"rho_plateau", "N=32"}, new String[] {"xi_par", "N=32"},
                new String[] {LogVarianceAnalysis.CURVE, "N=16"},
                new String[] {LogVarianceAnalysis.CURVE_EXACT, "N=16"},
                new String[] {LogVarianceCollapse.CURVE, "N=16"},
                new String[] {LogVarianceCollapse.CURVE, LogVarianceCollapse.EXACT_SERIES},
                new String[] {ChannelScan.CURVE, ChannelScan.MEASURED}, new String[] {ChannelScan.CURVE, "fixed"},
                new String[] {LatticeExtrapolation.LAW_CURVE, "omega fitted"},
                new String[] {XiCorrection.CURVE, XiCorrection.PREDICTED}, new String[] {XiCorrection.CURVE, "N=16"});
        for (String[] curve : named) {
            for (int i = 0; i < scenario.points(); i++) {
                curves.add(new FitCurvePoint(family, "scope", curve[0], curve[1],
                        new Measurement(1.40 + 0.02 * i, scenario == Scenario.NAN ? 0.05 : scenario.value(i),
                                scenario.error(i))));
            }
        }
    }

    /**
     * The non-private static methods of this package that draw: (FamilyResults) or (List of PointResult) to Panel(s);
     * private helpers are left out, as their callers check what they assume.
     */
    static List<Method> plotMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(Panel.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Panel.class.getPackageName().replace('.', '/'));
        List<Method> methods = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(Panel.class.getPackageName() + "." + name.replace(".class", ""));
                for (Method m : type.getDeclaredMethods()) {
                    if (Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers())
                            && !m.isSynthetic() && m.getParameterCount() == 1 && draws(m) && takesData(m)) {
                        methods.add(m);
                    }
                }
            }
        }
        methods.sort(Comparator.comparing(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()));
        return methods;
    }

    private static boolean draws(Method m) {
        if (m.getReturnType() == Panel.class) {
            return true;
        }
        return m.getGenericReturnType() instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == Panel.class;
    }

    private static boolean takesData(Method m) {
        Type parameter = m.getGenericParameterTypes()[0];
        return parameter == FamilyResults.class || parameter instanceof ParameterizedType list
                && list.getRawType() == List.class && list.getActualTypeArguments()[0] == PointResult.class;
    }

    @SuppressWarnings("unchecked")
    private static List<Panel> call(Method m, CampaignResults campaign, ScalingFamily family) {
        m.setAccessible(true);
        Object argument = m.getParameterTypes()[0] == FamilyResults.class ? campaign.family(family)
                : campaign.points();
        try {
            Object result = m.invoke(null, argument);
            return result instanceof Panel panel ? List.of(panel) : (List<Panel>) result;
        } catch (InvocationTargetException e) {
            throw new AssertionError(m.getDeclaringClass().getSimpleName() + "." + m.getName() + " threw on "
                    + family + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyPlotOnDegenerateDataIsDrawnOrSaysWhyNotWithoutThrowing() throws Exception {
        List<Method> methods = plotMethods();
        assertTrue(methods.size() >= KNOWN_PLOT_METHODS, "the search finds the plot methods: " + methods);
        int figures = 0;
        int omissions = 0;
        for (Scenario scenario : Scenario.values()) {
            CampaignResults campaign = campaign(scenario);
            for (ScalingFamily family : List.of(MLP, PAIR, SPREAD)) {
                for (Method m : methods) {
                    for (Panel panel : call(m, campaign, family)) {
                        String where = scenario + ", " + family + ", " + m.getDeclaringClass().getSimpleName() + "."
                                + m.getName();
                        Panel drawn = FigureRenderer.render(panel);
                        if (drawn instanceof Panel.Figure figure) {
                            assertValid(figure, where);
                            figures++;
                        } else {
                            Panel.Omission omission = assertInstanceOf(Panel.Omission.class, drawn, where);
                            assertFalse(omission.reason().isBlank(), where);
                            assertFalse(omission.reason().startsWith("the chart could not be drawn"),
                                    where + ": the data must be made drawable, not caught: " + omission.reason());
                            omissions++;
                        }
                    }
                }
            }
        }
        assertTrue(figures > 20 && omissions > 20, "both outcomes are exercised: " + figures + " figures, "
                + omissions + " omissions");
    }

    @Test
    void onePointOfXiIsNotDrawnAndSaysItNeedsTwo() {
        List<Panel> panels = OffCriticalPlots.of(campaign(Scenario.ONE_POINT).family(MLP));
        Panel xi = FigureRenderer.render(panels.get(1));
        Panel.Omission omission = assertInstanceOf(Panel.Omission.class, xi);
        assertTrue(omission.title().startsWith("Correlation depth ξ_∥(σ_w)"), omission.title());
        assertEquals("one point (needs ≥ 2)", omission.reason());
    }

    @Test
    void onALogAxisPointsAtOrBelowZeroAreDroppedAndAnErrorBarReachingZeroKeepsItsUpperHalf() {
        // xi_par: values −1, 0, 1e-3, 2 with errors 0, −0.5, 5, NaN, on a logarithmic ξ axis
        Panel xi = FigureRenderer.render(OffCriticalPlots.of(campaign(Scenario.NON_POSITIVE).family(MLP)).get(1));
        Panel.Figure figure = assertInstanceOf(Panel.Figure.class, xi);
        assertTrue(figure.caption().endsWith(" 2 points at or below 0 not drawn on the logarithmic axis. 1 error bar"
                + " reaching 0 or below drawn as the upper half only (the logarithmic axis cannot show the lower"
                + " one). 1 point without an error bar (its error is NaN or negative)."), figure.caption());
    }

    @Test
    void theWholePageIsWrittenWithAValidFileForEveryFigure() throws IOException {
        for (Scenario scenario : List.of(Scenario.ONE_POINT, Scenario.NON_POSITIVE)) {
            ReportPage.Report report = ReportPage.build(campaign(scenario), Instant.parse("2026-12-06T00:00:00Z"));
            assertTrue(report.html().endsWith("</html>\n"), scenario.name());
            assertFalse(report.html().contains("the plot failed"), scenario + ": a plot method threw");
            assertFalse(report.html().contains("could not be drawn"), scenario + ": a chart needed the last resort");
            for (var file : report.figures().entrySet()) {
                assertTrue(report.html().contains("href=\"" + file.getKey() + "\""), file.getKey() + " is linked");
                if (file.getKey().endsWith(".png")) {
                    assertEquals(2 * Charts.WIDTH, ImageIO.read(new ByteArrayInputStream(file.getValue())).getWidth());
                } else {
                    assertTrue(new String(file.getValue(), StandardCharsets.UTF_8).contains("<svg"), file.getKey());
                }
            }
        }
    }

    private static void assertValid(Panel.Figure figure, String where) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(figure.png()));
        if (image == null) {
            fail(where + ": the PNG does not decode");
        }
        assertEquals(2 * Charts.WIDTH, image.getWidth(), where);
        assertEquals(2 * Charts.HEIGHT, image.getHeight(), where);
        String svg = new String(figure.svg(), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), where + ": a whole SVG document");
    }
}
