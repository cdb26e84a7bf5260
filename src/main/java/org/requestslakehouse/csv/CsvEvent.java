package org.requestslakehouse.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One CSV data record turned into a request event.
 *
 * @param recordNumber 1-based number of the data record (the header is not counted)
 * @param lineNumber   1-based physical line the record starts on; differs from recordNumber + 1 once a quoted
 *                     field has spanned lines
 * @param json         UTF-8 JSON object: header names as keys, cell text as string values
 */
public record CsvEvent(long recordNumber, long lineNumber, byte[] json) {

    /** By content: a record's generated equality would compare the array's identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CsvEvent other && recordNumber == other.recordNumber && lineNumber == other.lineNumber
                && Arrays.equals(json, other.json);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(recordNumber) + Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return "CsvEvent{record " + recordNumber + ", line " + lineNumber + ", "
                + new String(json, StandardCharsets.UTF_8) + "}";
    }
}
