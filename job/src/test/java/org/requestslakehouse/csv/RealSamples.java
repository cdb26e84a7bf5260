package org.requestslakehouse.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.requestslakehouse.testing.Real311;

/** The real Boston extracts (test fixtures, see testing/Real311), read through {@link CsvEventReader}. */
public final class RealSamples {
    public static final String SOCRATA_2011 = Real311.SOCRATA_2011;
    public static final String CKAN_2022 = Real311.CKAN_2022;
    public static final String CURRENT_2025_DAMAGED = Real311.CURRENT_2025_DAMAGED;

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
