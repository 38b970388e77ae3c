package org.critsweep.report;

import org.knowm.xchart.XYChart;

/** One entry of a report section: a plot, or the one line that says why a plot is not there. */
sealed interface Panel permits Panel.Plot, Panel.Omission {

    /** A plot with its caption (what is drawn and from which table). */
    record Plot(XYChart chart, String caption) implements Panel {
    }

    /** A plot the data cannot support, with the reason in the user's terms. */
    record Omission(String title, String reason) implements Panel {
    }
}
