package org.critsweep.report;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.critsweep.grid.ScalingFamily;

/**
 * The report as one HTML document: the verdict first, then per scaling family its plots, the exponent table, the
 * phase diagram and the manifest. The plots are PNG data URIs inside the page, so that the one file is the whole
 * report: it can be mailed, attached or copied off a cluster without the files beside it. Each plot is also written
 * beside the page as {@code figures/NAME.png} and {@code figures/NAME.svg} (for papers), linked under the plot.
 */
public final class ReportPage {

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 0 auto;
                   max-width: 1600px; padding: 1em 2em; color: #222; line-height: 1.45; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; margin-top: 1.6em; }
            h3 { margin: 1.2em 0 0.4em; } .meta { color: #555; margin-top: 0; }
            .verdict { font-size: 1.1em; } .verdict li { margin: 0.3em 0; }
            .plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 1.2em; }
            figure { margin: 0; } figure img { width: 100%; max-width: 760px; height: auto; border: 1px solid #ddd; }
            figcaption { font-size: 0.9em; color: #444; max-width: 760px; }
            .files { font-size: 0.85em; margin-left: 0.4em; }
            .omitted { color: #666; font-style: italic; margin: 0.4em 0; }
            table { border-collapse: collapse; font-size: 0.9em; } th, td { padding: 0.25em 0.6em; text-align: left;
                   border-bottom: 1px solid #e4e4e4; vertical-align: top; } th { background: #f3f3f3; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.name { white-space: nowrap; }
            pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
            """;

    /** The folder of the figure files, relative to the page. */
    public static final String FIGURES = "figures";

    private final StringBuilder html = new StringBuilder(1 << 20);
    private final Map<String, byte[]> figures = new LinkedHashMap<>();

    /**
     * The page and its figure files.
     *
     * @param figures file contents by path relative to the page ({@code figures/03-lyapunov.svg})
     */
    public record Report(String html, Map<String, byte[]> figures) {
    }

    private ReportPage() {
    }

    /** The whole report; {@code generated} is the time it states it was made. */
    public static String render(CampaignResults results, Instant generated) {
        return build(results, generated).html();
    }

    /** The whole report with its figure files; {@code generated} is the time it states it was made. */
    public static Report build(CampaignResults results, Instant generated) {
        ReportPage page = new ReportPage();
        return new Report(page.document(results, generated), page.figures);
    }

    private String document(CampaignResults results, Instant generated) {
        Manifest manifest = results.manifest();
        List<ScalingFamily> families = results.families();
        ExponentTable exponents = ExponentTable.of(results.fits());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>critsweep report: ").append(Html.escape(manifest.name())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>critsweep report: campaign ").append(Html.escape(manifest.name())).append("</h1>\n")
                .append("<p class=\"meta\">").append(Html.escape(summary(results, families.size(), generated)))
                .append("</p>\n");
        html.append(HeadlineBlock.of(results.fits()).html());
        html.append("<section id=\"verdict\">\n<h2>Universality verdict</h2>\n");
        verdicts(exponents, families);
        html.append("</section>\n");
        contents(families);
        for (int i = 0; i < families.size(); i++) {
            family(i, results.family(families.get(i)));
        }
        html.append("<section id=\"exponents\">\n<h2>Exponent table</h2>\n");
        exponentTable(exponents);
        html.append("</section>\n<section id=\"phase-diagram\">\n<h2>Phase diagram</h2>\n");
        panels(FigureRenderer.panels("Phase diagram", () -> List.of(PhaseDiagram.of(results.points()))));
        html.append("</section>\n<section id=\"manifest\">\n<h2>Campaign manifest</h2>\n");
        manifest(manifest);
        html.append("</section>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String summary(CampaignResults results, int families, Instant generated) {
        Map<String, String> facts = results.manifest().facts();
        return "status " + facts.getOrDefault("status", "unknown") + " · " + results.points().size()
                + " grid points in " + families + " scaling famil" + (families == 1 ? "y" : "ies") + " · code "
                + facts.getOrDefault("code_version", "unknown") + " · report generated " + generated;
    }

    private void verdicts(ExponentTable exponents, List<ScalingFamily> families) {
        html.append("<ul class=\"verdict\">\n");
        for (ScalingFamily family : families) {
            String verdict = exponents.verdicts().get(family);
            html.append("<li><strong>").append(Html.escape(family.toString())).append("</strong>: ")
                    .append(Html.escape(verdict != null ? verdict : "none: no constrained classifying exponent (δ, β, ν_∥, z, θ)"
                            + " was fitted (unconstrained ones are in the exponent table)"));
            List<ExponentTable.ClassP> classes = exponents.classPValues().getOrDefault(family, List.of());
            if (!classes.isEmpty()) {
                html.append("\n<ul>\n");
                classes.forEach(c -> html.append("<li>").append(Html.escape(c.describe())).append("</li>\n"));
                html.append("</ul>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n<p class=\"meta\">Each class of the system's dimension (docs/PHYSICS.md §6) against the"
                + " bootstrap distributions of δ, β, ν_∥, z and θ, widened by the class's error and the systematic;"
                + " per-exponent two-sided p-values combined by Bonferroni. A class is named only when it is the only"
                + " one consistent at p ≥ 0.01 (docs/PHYSICS.md §7).</p>\n");
    }

    private void contents(List<ScalingFamily> families) {
        html.append("<nav>\n<h2>Contents</h2>\n<ol>\n");
        for (int i = 0; i < families.size(); i++) {
            html.append("<li><a href=\"#family-").append(i + 1).append("\">")
                    .append(Html.escape(families.get(i).toString())).append("</a></li>\n");
        }
        html.append("<li><a href=\"#exponents\">Exponent table</a></li>\n")
                .append("<li><a href=\"#phase-diagram\">Phase diagram</a></li>\n")
                .append("<li><a href=\"#manifest\">Campaign manifest</a></li>\n</ol>\n</nav>\n");
    }

    private void family(int index, FamilyResults family) {
        html.append("<section id=\"family-").append(index + 1).append("\">\n<h2>")
                .append(Html.escape(family.family().toString())).append("</h2>\n");
        for (Map.Entry<String, List<Supplier<List<Panel>>>> group : groups(family).entrySet()) {
            html.append("<h3>").append(Html.escape(group.getKey())).append("</h3>\n");
            List<Supplier<List<Panel>>> plots = group.getValue();
            List<Panel> panels = new java.util.ArrayList<>();
            for (int i = 0; i < plots.size(); i++) {
                String title = group.getKey() + (plots.size() == 1 ? "" : ", plot " + (i + 1) + " of " + plots.size());
                panels.addAll(FigureRenderer.panels(title, plots.get(i)));
            }
            panels(panels);
        }
        html.append("</section>\n");
    }

    /**
     * A family's plots under their headings, each plot method called only when the page is drawn (so that one that
     * throws costs its own plots, not the page); a spreading run gets its spreading observables and exponents.
     */
    static Map<String, List<Supplier<List<Panel>>>> groups(FamilyResults family) {
        Map<String, List<Supplier<List<Panel>>>> groups = new LinkedHashMap<>();
        if (family.points().stream().anyMatch(PointResult::spreading)) {
            groups.put("Order parameter and Lyapunov exponent", List.of(
                    () -> List.of(LayerPlots.rhoAcrossTheTransition(family)),
                    () -> List.of(LyapunovPlot.withRoots(family))));
            groups.put("Spreading from one site", List.of(() -> LayerPlots.spreading(family)));
            groups.put("Spreading exponents per activity threshold", List.of(() -> SpreadingPlots.of(family)));
            return groups;
        }
        groups.put("Order parameter ρ(l)", List.of(() -> List.of(LayerPlots.rhoAcrossTheTransition(family)),
                () -> List.of(LayerPlots.rhoAtTheCriticalPoint(family))));
        groups.put("Lyapunov exponent and critical point", List.of(() -> List.of(LyapunovPlot.withRoots(family)),
                () -> List.of(ExtrapolationPlot.of(family)), () -> List.of(family.family().mlp()
                        ? XiCorrectionPlot.of(family) : ChannelScanPlot.of(family))));
        groups.put("Critical decay", List.of(() -> List.of(EffectiveExponentPlot.of(family))));
        groups.put("Data collapse of the depth scan", List.of(() -> CollapsePlots.depthScan(family)));
        groups.put("Data collapse of λ_N", List.of(() -> CollapsePlots.lambda(family)));
        groups.put("Off-critical exponents", List.of(() -> OffCriticalPlots.of(family)));
        if (family.family().mlp()) {
            groups.put("Finite-width growth of Var ln G", List.of(() -> LogVariancePlots.of(family)));
        }
        return groups;
    }

    /**
     * The plots side by side, each with links to its PNG and SVG files, then one line per plot left out (given so,
     * or found undrawable by {@link FigureRenderer}).
     */
    private void panels(List<Panel> given) {
        List<Panel> panels = given.stream().map(FigureRenderer::render).toList();
        html.append("<div class=\"plots\">\n");
        for (Panel panel : panels) {
            if (panel instanceof Panel.Figure figure) {
                String name = String.format(Locale.ROOT, "%s/%02d-%s", FIGURES, figures.size() / 2 + 1,
                        slug(figure.title()));
                figures.put(name + ".png", figure.png());
                figures.put(name + ".svg", figure.svg());
                String title = Html.escape(figure.title());
                html.append("<figure><img src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(figure.png()))
                        .append("\" width=\"").append(Charts.WIDTH).append("\" height=\"").append(Charts.HEIGHT)
                        .append("\" alt=\"").append(title).append("\">\n<figcaption>")
                        .append(Html.escape(figure.caption())).append("<span class=\"files\"><a href=\"")
                        .append(Html.escape(name)).append(".svg\">SVG</a> · <a href=\"").append(Html.escape(name))
                        .append(".png\">PNG</a></span></figcaption></figure>\n");
            }
        }
        html.append("</div>\n");
        for (Panel panel : panels) {
            if (panel instanceof Panel.Omission omission) {
                html.append("<p class=\"omitted\"><strong>").append(Html.escape(omission.title()))
                        .append("</strong> — not drawn: ").append(Html.escape(omission.reason())).append(".</p>\n");
            }
        }
    }

    /** The Greek letters (and signs) of the plot titles, spelt out for file names. */
    private static final Map<String, String> SPELT = Map.ofEntries(Map.entry("ρ", "rho"), Map.entry("λ", "lambda"),
            Map.entry("σ", "sigma"), Map.entry("ξ", "xi"), Map.entry("δ", "delta"), Map.entry("β", "beta"),
            Map.entry("ν", "nu"), Map.entry("κ", "kappa"), Map.entry("χ", "chi"), Map.entry("τ", "tau"),
            Map.entry("θ", "theta"), Map.entry("ω", "omega"), Map.entry("∞", "inf"), Map.entry("²", "2"));

    /**
     * A file name from a title: its letters and digits (Greek spelt out), lower case, joined by hyphens, at most 60
     * long.
     */
    static String slug(String title) {
        String spelt = title;
        for (Map.Entry<String, String> letter : SPELT.entrySet()) {
            spelt = spelt.replace(letter.getKey(), " " + letter.getValue() + " ");
        }
        String slug = spelt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
        return slug.isEmpty() ? "figure" : slug;
    }

    private void exponentTable(ExponentTable exponents) {
        if (exponents.rows().isEmpty()) {
            html.append("<p class=\"omitted\">No fits: the fits table is empty or missing (run critsweep fit DIR)."
                    + "</p>\n");
            return;
        }
        html.append("<p class=\"meta\">Every row of table fits; a method ending in +bootstrap has its error and 95 %"
                + " interval from the bootstrap over replicas.</p>\n<table class=\"exponents\">\n<tr>");
        ExponentTable.HEADERS.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (FitRow row : exponents.rows()) {
            html.append("<tr>");
            List<String> cells = ExponentTable.cells(row);
            for (int c = 0; c < cells.size(); c++) {
                String open = c >= 3 && c <= 6 ? "<td class=\"number\">" : c < 3 ? "<td class=\"name\">" : "<td>";
                html.append(open).append(Html.escape(cells.get(c))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private void manifest(Manifest manifest) {
        html.append("<p class=\"meta\">From _campaign/manifest.json.</p>\n<table class=\"facts\">\n");
        manifest.facts().forEach((key, value) -> html.append("<tr><th>").append(Html.escape(key)).append("</th><td>")
                .append(Html.escape(value)).append("</td></tr>\n"));
        html.append("</table>\n<h3>Stage timings</h3>\n");
        if (manifest.stageSeconds().isEmpty()) {
            html.append("<p class=\"omitted\">No timings: the run has not completed.</p>\n");
        } else {
            html.append("<table class=\"timings\">\n<tr><th>stage</th><th>wall time (s)</th></tr>\n");
            manifest.stageSeconds().forEach((stage, seconds) -> html.append("<tr><td>").append(Html.escape(stage))
                    .append("</td><td class=\"number\">").append(Html.escape(String.format(java.util.Locale.ROOT,
                            "%.1f", seconds))).append("</td></tr>\n"));
            html.append("</table>\n");
        }
        html.append("<h3>Configuration</h3>\n<pre>").append(Html.escape(manifest.config())).append("</pre>\n");
    }
}
