package org.requestslakehouse.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.requestslakehouse.testing.Real311;

/** The real Boston extracts (test fixtures, see testing/Real311). */
final class RealSamples {

    static final String SOCRATA = Real311.SOCRATA_2011;
    static final String CKAN = Real311.CKAN_2022;
    static final String CURRENT_DAMAGED = Real311.CURRENT_2025_DAMAGED;

    private RealSamples() {}

    static Path file(String name) {
        return Real311.file(name);
    }

    static String text(String name) throws IOException {
        return Files.readString(file(name), StandardCharsets.UTF_8);
    }

    static String headerLine(String name) throws IOException {
        String text = text(name);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "");
    }

    /** Every record, header row included, as commons-csv reads it. */
    static List<CSVRecord> parse(String csv) throws IOException {
        try (Reader reader = new StringReader(csv);
                CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            return parser.getRecords();
        }
    }
}
