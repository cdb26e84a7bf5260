package org.requestslakehouse.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.requestslakehouse.testing.Real311;

/** The real Boston extracts (test fixtures, see testing/Real311), read through {@link CsvEventReader}. */
public final class RealSamples {
    public static final String SOCRATA_2011 = "boston311_2011_layout-socrata.csv";
    public static final String CKAN_2022 = "boston311_2022_layout-ckan.csv";
    public static final String CURRENT_2025_DAMAGED = "boston311_2025_layout-current_damaged.csv";

    private RealSamples() {}

    public static Path path(String file) {
        return Real311.file(file);
    }

    public static List<CsvEvent> events(String file) {
        List<CsvEvent> events = new ArrayList<>();
        try (CsvEventReader reader = CsvEventReader.open(path(file))) {
            CsvEvent event;
            while ((event = reader.next()) != null) {
                events.add(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
