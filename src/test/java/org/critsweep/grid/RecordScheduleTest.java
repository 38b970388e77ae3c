package org.critsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordScheduleTest {

    @Test
    void everyRecordsAllLayersIncludingTheInput() {
        assertEquals(18, RecordSchedule.every().count(17));
    }

    @Test
    void logRecordsInputFirstAndLastAndGeometricLayersBetween() {
        boolean[] mask = RecordSchedule.log(5).mask(10_000);
        assertTrue(mask[0] && mask[1] && mask[10] && mask[100] && mask[1000] && mask[10_000]);
        assertEquals(6, RecordSchedule.log(5).count(10_000), "10^{k/4 · 4}: 1, 10, 100, 1000, 10000, plus layer 0");
    }
}
