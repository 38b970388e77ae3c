package org.critsweep.grid;

/** The check a record's compact constructor makes of one field, with a message naming the field. */
final class Invariant {

    private Invariant() {
    }

    /** @throws IllegalArgumentException "field: expected {expectation}, got {value}" unless {@code holds} */
    static void require(boolean holds, String field, String expectation, Object value) {
        if (!holds) {
            throw new IllegalArgumentException(field + ": expected " + expectation + ", got " + value);
        }
    }
}
