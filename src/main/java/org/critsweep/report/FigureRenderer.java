package org.critsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one guard between the plots and the page: a plot is drawn when its data allow, and otherwise becomes the line
 * saying why, so that no chart can fail a report (or the run that writes it).
 */
final class FigureRenderer {

    private FigureRenderer() {
    }

    /** The panels a plot method gives; a method that throws gives one omission under {@code title} instead. */
    static List<Panel> panels(String title, Supplier<List<Panel>> plots) {
        try {
            return plots.get();
        } catch (RuntimeException e) {
            return List.of(new Panel.Omission(title, "the plot failed on these data (" + describe(e) + ")"));
        }
    }

    /** A plot drawn as a {@link Panel.Figure}, or an omission; an omission or a figure passes unchanged. */
    static Panel render(Panel panel) {
        if (!(panel instanceof Panel.Plot plot)) {
            return panel;
        }
        String title = plot.chart().getTitle();
        try {
            DrawableData.Outcome data = DrawableData.prepare(plot.chart());
            if (data.points() < plot.needs()) {
                List<String> reason = new ArrayList<>();
                reason.add((data.points() == 0 ? "no drawable point" : data.points() == 1 ? "one point"
                        : DrawableData.count(data.points(), "point")) + " (needs ≥ " + plot.needs() + ")");
                data.dropped().forEach(n -> reason.add(n.substring(0, n.length() - 1)));
                return new Panel.Omission(title, String.join("; ", reason));
            }
            String caption = data.notes().isEmpty() ? plot.caption()
                    : plot.caption() + " " + String.join(" ", data.notes());
            return new Panel.Figure(title, caption, Charts.png(plot.chart()), Charts.svg(plot.chart()));
        } catch (RuntimeException e) {
            return new Panel.Omission(title, "the chart could not be drawn (" + describe(e) + ")");
        }
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
