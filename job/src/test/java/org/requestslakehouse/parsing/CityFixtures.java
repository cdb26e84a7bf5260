package org.requestslakehouse.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.CsvEventReader;
import org.requestslakehouse.model.RawEvent;

/** The other cities' samples in job/src/test/resources/cities (see the README there), as the parser gets them. */
public final class CityFixtures {
    public static final String NYC_SAMPLE = "nyc311_2022_current-layout_sample.csv";
    public static final String NYC_RESAVED = "nyc311_resaved_bom_crlf.csv";
    public static final String CHICAGO_OPEN311 = "open311_chicago_2019.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CityFixtures() {}

    public static Path path(String name) {
        URL url = CityFixtures.class.getResource("/cities/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture cities/" + name + " on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a CSV fixture as CSV-source events. */
    public static List<RawEvent> csvEvents(String name) {
        Path file = path(name);
        List<RawEvent> events = new ArrayList<>();
        try (CsvEventReader reader = CsvEventReader.open(file)) {
            CsvEvent event;
            while ((event = reader.next()) != null) {
                events.add(event.toRawEvent(file.toString(), 0L));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** The Chicago Open311 requests, one event each, as published. */
    public static List<RawEvent> chicagoEvents() {
        List<RawEvent> events = new ArrayList<>();
        try {
            JsonNode array = JSON.readTree(path(CHICAGO_OPEN311).toFile());
            for (int i = 0; i < array.size(); i++) {
                ObjectNode request = (ObjectNode) array.get(i);
                events.add(new RawEvent(
                        "kafka", "chicago", "0", Integer.toString(i), null, 0L, JSON.writeValueAsBytes(request)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
