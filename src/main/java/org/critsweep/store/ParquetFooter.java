package org.critsweep.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a file is a whole Parquet file, judged from its first 4 and last 8 bytes: a Parquet file starts and ends
 * with the magic {@code PAR1}, and the 4 bytes before the final magic give the footer's length (little-endian), which
 * must fit between the two magics. A write cut short (a full disk, a killed copy) loses the footer, so this catches
 * truncation without reading the data; it cannot see bytes changed in the middle of a file.
 */
final class ParquetFooter {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /** Leading magic, footer length, trailing magic. */
    private static final int SMALLEST = 4 + 4 + 4;

    private ParquetFooter() {
    }

    /** What is wrong with the file, or empty when it has a Parquet header and footer. */
    static Optional<String> problem(CampaignFileSystem files, String file) {
        try {
            long size = files.size(file);
            if (size == 0) {
                return Optional.of("is empty (0 bytes)");
            }
            if (size < SMALLEST) {
                return Optional.of("is truncated (" + size + " bytes, fewer than a Parquet header and footer)");
            }
            if (!Arrays.equals(files.read(file, 0, 4), MAGIC)) {
                return Optional.of("is not a Parquet file (no PAR1 at its start)");
            }
            ByteBuffer tail = ByteBuffer.wrap(files.read(file, size - 8, 8)).order(ByteOrder.LITTLE_ENDIAN);
            if (!Arrays.equals(Arrays.copyOfRange(tail.array(), 4, 8), MAGIC)) {
                return Optional.of("is truncated (" + size + " bytes, no Parquet footer: no PAR1 at its end)");
            }
            int footer = tail.getInt(0);
            if (footer <= 0 || footer > size - SMALLEST) {
                return Optional.of("is damaged (its footer length " + Integer.toUnsignedString(footer)
                        + " does not fit in its " + size + " bytes)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot be read (" + StorageFailure.reason(e) + ")");
        }
    }
}
