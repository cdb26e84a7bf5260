package org.requestslakehouse.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.requestslakehouse.model.RawEvent;

/**
 * One record of an input file (a CSV data record or an element of an Open311 JSON array): a request event, or a
 * defect that the job quarantines.
 *
 * @param recordNumber 1-based number of the data record (the header is not counted); defects count, so this is
 *                     also the number of events the file has given so far
 * @param lineNumber   1-based physical line the record starts on; differs from recordNumber + 1 once a quoted
 *                     field has spanned lines
 * @param json         UTF-8 JSON: for CSV an object with header names as keys and cell text as string values, for
 *                     JSON the element's bytes as published; null for a defect
 * @param defect       why the record is no event, with its bytes; null for a well-formed record
 */
public record CsvEvent(long recordNumber, long lineNumber, byte[] json, CsvDefect defect) {
    /** Bronze's source_type of every record of the file source, CSV or JSON. */
    public static final String SOURCE_TYPE = "csv";

    public CsvEvent(long recordNumber, long lineNumber, byte[] json) {
        this(recordNumber, lineNumber, json, null);
    }

    public boolean isDefective() {
        return defect != null;
    }

    /** What bronze archives: the JSON object, or the defective record's bytes as read. */
    public byte[] payload() {
        return defect == null ? json : defect.bytes();
    }

    /** The record as the CSV source emits it, file and line as coordinates, the defect (if any) for the parser. */
    public RawEvent toRawEvent(String sourceName, long ingestedAtMillis) {
        RawEvent raw = new RawEvent(
                SOURCE_TYPE, sourceName, null, Long.toString(lineNumber), null, ingestedAtMillis, payload());
        if (defect != null) {
            raw.sourceDefect = defect.reason();
            raw.sourceDefectDetail = defect.detail();
        }
        return raw;
    }

    /** By content: a record's generated equality would compare the array's identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CsvEvent other
                && recordNumber == other.recordNumber
                && lineNumber == other.lineNumber
                && Arrays.equals(json, other.json)
                && Objects.equals(defect, other.defect);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(recordNumber) + Arrays.hashCode(json) + Objects.hashCode(defect);
    }

    @Override
    public String toString() {
        return "CsvEvent{record " + recordNumber + ", line " + lineNumber + ", "
                + (defect == null ? new String(json, StandardCharsets.UTF_8) : defect.toString()) + "}";
    }
}
