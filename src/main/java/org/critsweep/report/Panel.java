package org.critsweep.report;

import org.knowm.xchart.XYChart;

/** One entry of a report section: a plot, the plot drawn, or the one line that says why a plot is not there. */
sealed interface Panel permits Panel.Plot, Panel.Figure, Panel.Omission {

    /**
     * A plot with its caption (what is drawn and from which table).
     *
     * @param needs the drawable data points the plot needs to say anything (a trend needs two)
     */
    record Plot(XYChart chart, String caption, int needs) implements Panel {

        /** A plot that one data point suffices for. */
        Plot(XYChart chart, String caption) {
            this(chart, caption, 1);
        }
    }

    /** A plot drawn by {@link FigureRenderer}: its caption with what was left out, and its PNG and SVG encodings. */
    record Figure(String title, String caption, byte[] png, byte[] svg) implements Panel {
    }

    /** A plot the data cannot support, with the reason in the user's terms. */
    record Omission(String title, String reason) implements Panel {
    }
}
