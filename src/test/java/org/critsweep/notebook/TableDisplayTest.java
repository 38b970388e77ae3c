package org.critsweep.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class TableDisplayTest {

    @Test
    void cellsAreExactValuesWithNullAndHtmlIsEscaped() {
        TableDisplay table = TableDisplay.of(List.of("scope", "estimate"),
                List.of(RowFactory.create("N<64 & more", 1.4483294823), RowFactory.create("N->inf", null)), 10);
        assertEquals("scope\testimate\nN<64 & more\t1.4483294823\nN->inf\tNULL\n2 rows\n", table.text());
        assertEquals("""
                <table>
                <thead><tr><th>scope</th><th>estimate</th></tr></thead>
                <tbody>
                <tr><td>N&lt;64 &amp; more</td><td>1.4483294823</td></tr>
                <tr><td>N-&gt;inf</td><td>NULL</td></tr>
                </tbody>
                </table>
                2 rows
                """, table.html());
    }

    @Test
    void moreRowsThanShownSaysSo() {
        TableDisplay table = TableDisplay.of(List.of("n"),
                List.of(RowFactory.create(1), RowFactory.create(2), RowFactory.create(3)), 2);
        assertEquals(List.of(List.of("1"), List.of("2")), table.rows());
        assertEquals("n\n1\n2\n(first 2 rows)\n", table.text());
    }
}
