package org.requestslakehouse.csv;

import java.util.Arrays;
import java.util.List;

/**
 * The JSON keys of a CSV file's columns, with the artefacts that spreadsheets leave in re-saved exports undone.
 *
 * <ul>
 *   <li>A stray {@code ;;} at the end of the header and of most lines (a semicolon-separated save of a
 *       comma-separated file): trailing semicolons are stripped from the last header name and from the last
 *       value of every row, but only when the header shows the artefact, so a real value ending in ';' in a clean
 *       file is left alone.</li>
 *   <li>An unnamed leading index column (pandas writes it as {@code ""} or {@code "Unnamed: 0"}): its key is
 *       {@value #INDEX_KEY}, which no layout uses, so the parser keeps it in extra_fields.</li>
 * </ul>
 * Other header names are used exactly as written, including duplicates: a JSON object with a duplicate key is
 * rejected by the parser, which puts every row of such a file in quarantine with the duplicate named.
 */
final class CsvHeader {
    static final String INDEX_KEY = "_index";
    private static final String PANDAS_INDEX_NAME = "Unnamed: 0";

    private final String[] keys;
    private final boolean trailingSemicolons;

    private CsvHeader(String[] keys, boolean trailingSemicolons) {
        this.keys = keys;
        this.trailingSemicolons = trailingSemicolons;
    }

    static CsvHeader of(String[] names) {
        String[] keys = names.clone();
        int last = keys.length - 1;
        boolean trailingSemicolons = last >= 0 && keys[last].endsWith(";");
        if (trailingSemicolons) {
            keys[last] = stripTrailingSemicolons(keys[last]);
        }
        if (keys.length > 1 && (keys[0].isEmpty() || keys[0].equals(PANDAS_INDEX_NAME))) {
            keys[0] = INDEX_KEY;
        }
        return new CsvHeader(keys, trailingSemicolons);
    }

    /** The key of the value at 0-based {@code column}; a record with another field count is a defect. */
    String key(int column) {
        return keys[column];
    }

    int size() {
        return keys.length;
    }

    /** The row's last value with the header's {@code ;;} artefact removed, when the header has it. */
    String lastValue(String value) {
        return trailingSemicolons ? stripTrailingSemicolons(value) : value;
    }

    List<String> keys() {
        return Arrays.asList(keys.clone());
    }

    private static String stripTrailingSemicolons(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ';') {
            end--;
        }
        return value.substring(0, end);
    }
}
