package org.critsweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footer check against the layout of the Parquet format specification ("File format": magic, column chunks, file
 * metadata, its 4-byte little-endian length, magic), built byte by byte here rather than by a Parquet writer.
 */
class ParquetFooterTest {

    @TempDir
    Path temp;

    /** "PAR1", 29 bytes of column data, a 13-byte footer, its length, "PAR1": 54 bytes. */
    static byte[] wellFormed() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(magic());
        file.writeBytes(new byte[29]);
        file.writeBytes(new byte[13]);
        file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(13).array());
        file.writeBytes(magic());
        return file.toByteArray();
    }

    private static byte[] magic() {
        return "PAR1".getBytes(StandardCharsets.US_ASCII);
    }

    private Optional<String> check(byte[] content) throws IOException {
        Path file = temp.resolve("part-00000.parquet");
        Files.write(file, content);
        return ParquetFooter.problem(new LocalFileSystem(temp), file.getFileName().toString());
    }

    @Test
    void aWellFormedFileHasNoProblem() throws IOException {
        assertEquals(Optional.empty(), check(wellFormed()));
    }

    @Test
    void emptyAndTooShortFilesAreNamedAsSuch() throws IOException {
        assertEquals(Optional.of("is empty (0 bytes)"), check(new byte[0]));
        assertEquals(Optional.of("is truncated (11 bytes, fewer than a Parquet header and footer)"),
                check(Arrays.copyOf(wellFormed(), 11)));
    }

    @Test
    void aFileCutAnywhereBeforeItsEndHasNoFooter() throws IOException {
        byte[] whole = wellFormed();
        for (int length = 12; length < whole.length; length++) {
            assertEquals(Optional.of("is truncated (" + length + " bytes, no Parquet footer: no PAR1 at its end)"),
                    check(Arrays.copyOf(whole, length)), "cut at " + length);
        }
    }

    @Test
    void aFileWithoutLeadingMagicIsNotParquet() throws IOException {
        byte[] file = wellFormed();
        file[0] = 'X';
        assertEquals(Optional.of("is not a Parquet file (no PAR1 at its start)"), check(file));
    }

    @Test
    void aFooterLengthThatDoesNotFitIsDamage() throws IOException {
        byte[] file = wellFormed();
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(file.length - 8, 43);  // 54 - 12 = 42 fit
        assertEquals(Optional.of("is damaged (its footer length 43 does not fit in its 54 bytes)"), check(file));
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(file.length - 8, 42);
        assertEquals(Optional.empty(), check(file), "a footer filling everything between the magics fits");
    }
}
