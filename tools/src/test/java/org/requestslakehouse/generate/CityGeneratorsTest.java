package org.requestslakehouse.generate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.CsvEventReader;
import org.requestslakehouse.csv.EventFileReader;
import org.requestslakehouse.csv.JsonEventReader;

/**
 * The New York and Open311 generators write files the job's own file reader reads back whole, in the shapes of
 * the real samples, the same bytes for the same seed.
 */
class CityGeneratorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ROWS = 3_000;
    private static final GeneratorSettings SETTINGS = GeneratorSettings.defaults(42);
    private static final DateTimeFormatter NYC_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    @Test
    void newYorkRowsHaveThePortalLayoutAndTheSamplesValues() throws IOException {
        byte[] file = generate(City.NYC, SETTINGS, ROWS);
        List<JsonNode> rows = readBack(file, CsvEventReader.class);

        assertThat(rows).hasSize(ROWS);
        assertThat(new String(file, UTF_8).lines().findFirst().orElseThrow())
                .isEqualTo(String.join(",", NycRequestGenerator.HEADER));
        assertThat(new String(file, UTF_8)).doesNotContain("\r");
        Set<String> agencies = new HashSet<>();
        Map<String, Integer> boroughs = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        long previousKey = 0;
        LocalDateTime previousCreated = LocalDateTime.MIN;
        for (JsonNode row : rows) {
            long key = Long.parseLong(row.get("Unique Key").asText());
            assertThat(key).isGreaterThan(previousKey);
            previousKey = key;
            LocalDateTime created = LocalDateTime.parse(row.get("Created Date").asText(), NYC_TIME);
            assertThat(created).isAfterOrEqualTo(previousCreated);
            previousCreated = created;
            assertThat(created.toLocalDate()).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 30));
            agencies.add(row.get("Agency").asText());
            boroughs.merge(row.get("Borough").asText(), 1, Integer::sum);
            statuses.merge(row.get("Status").asText(), 1, Integer::sum);
            assertThat(row.get("Status").asText().equals("Closed"))
                    .isEqualTo(!row.get("Closed Date").asText().isEmpty());
            assertThat(row.get("Park Facility Name").asText()).isEqualTo("Unspecified");
            assertThat(row.get("Park Borough").asText())
                    .isEqualTo(row.get("Borough").asText());
            String latitude = row.get("Latitude").asText();
            assertThat(latitude.isEmpty())
                    .isEqualTo(row.get("Address Type").asText().equals("BLOCKFACE"));
            if (!latitude.isEmpty()) {
                assertThat(Double.parseDouble(latitude)).isBetween(40.49, 40.92);
                assertThat(Double.parseDouble(row.get("Longitude").asText())).isBetween(-74.26, -73.70);
                assertThat(row.get("Location").asText())
                        .isEqualTo("(" + latitude + ", " + row.get("Longitude").asText() + ")");
            }
            assertThat(row.get("Incident Zip").asText()).matches("1\\d{4}(-\\d{4})?|0");
        }
        assertThat(agencies).containsExactlyInAnyOrder("NYPD", "DSNY", "DPR", "DOT", "HPD", "DEP");
        assertThat(boroughs.keySet()).containsExactly("BRONX", "BROOKLYN", "MANHATTAN", "QUEENS", "STATEN ISLAND");
        assertThat(statuses.keySet()).containsExactly("Assigned", "Closed", "In Progress", "Open");
        assertThat(rows.get(0).get("Unique Key").asText()).isEqualTo(FIRST_NYC_KEY);
    }

    @Test
    void open311RequestsHaveStringIdsOffsetsAndTheSamplesServices() throws IOException {
        byte[] file = generate(City.OPEN311, SETTINGS, ROWS);
        List<JsonNode> requests = readBack(file, JsonEventReader.class);

        assertThat(requests).hasSize(ROWS);
        Set<String> ids = new HashSet<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int unplaced = 0;
        OffsetDateTime previous = OffsetDateTime.MIN;
        for (JsonNode request : requests) {
            assertThat(fieldNames(request))
                    .startsWith(
                            "service_request_id",
                            "status",
                            "service_name",
                            "service_code",
                            "requested_datetime",
                            "updated_datetime",
                            "address",
                            "lat",
                            "long");
            String id = request.get("service_request_id").asText();
            assertThat(id).matches("SR24-\\d{8}");
            assertThat(ids.add(id)).isTrue();
            OffsetDateTime requested =
                    OffsetDateTime.parse(request.get("requested_datetime").asText());
            OffsetDateTime updated =
                    OffsetDateTime.parse(request.get("updated_datetime").asText());
            // Chicago: CST until 10 March 2024, CDT after
            assertThat(requested.getOffset().getTotalSeconds())
                    .isEqualTo(requested.toLocalDate().isBefore(LocalDate.of(2024, 3, 10)) ? -6 * 3600 : -5 * 3600);
            assertThat(requested).isAfterOrEqualTo(previous);
            assertThat(updated).isAfterOrEqualTo(requested);
            previous = requested;
            statuses.merge(request.get("status").asText(), 1, Integer::sum);
            if (request.get("lat").isNull()) {
                assertThat(request.get("long").isNull()).isTrue();
                unplaced++;
            } else {
                assertThat(request.get("lat").asDouble()).isBetween(41.644, 42.023);
                assertThat(request.get("long").asDouble()).isBetween(-87.940, -87.524);
            }
        }
        assertThat(statuses.keySet()).containsExactly("closed", "open");
        assertThat(unplaced).isPositive();
        assertThat(new String(file, UTF_8)).startsWith("[\n  {\n    \"service_request_id\": \"SR24-");
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        for (City city : List.of(City.NYC, City.OPEN311)) {
            byte[] first = generate(city, SETTINGS, 500);
            assertThat(generate(city, SETTINGS, 500)).as(city.cliName()).isEqualTo(first);
            assertThat(generate(city, GeneratorSettings.defaults(43), 500))
                    .as(city.cliName())
                    .isNotEqualTo(first);
        }
    }

    @Test
    void withoutQuirksEveryZipIsFiveDigitsEveryCaseClosesAfterItOpensAndEveryRequestIsPlaced() throws IOException {
        GeneratorSettings clean = SETTINGS.withQuirks(false);
        for (JsonNode row : readBack(generate(City.NYC, clean, ROWS), CsvEventReader.class)) {
            assertThat(row.get("Incident Zip").asText()).matches("1\\d{4}");
            if (!row.get("Closed Date").asText().isEmpty()) {
                assertThat(LocalDateTime.parse(row.get("Closed Date").asText(), NYC_TIME))
                        .isAfterOrEqualTo(
                                LocalDateTime.parse(row.get("Created Date").asText(), NYC_TIME));
            }
        }
        for (JsonNode request : readBack(generate(City.OPEN311, clean, ROWS), JsonEventReader.class)) {
            assertThat(request.get("lat").isNumber()).isTrue();
        }
    }

    private static final String FIRST_NYC_KEY = "54045031";

    static byte[] generate(City city, GeneratorSettings settings, long rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(CityFileWriter.write(city, settings, rows, out, false, written -> {}))
                .isEqualTo(rows);
        return out.toByteArray();
    }

    private static List<JsonNode> readBack(byte[] file, Class<? extends EventFileReader> expectedReader)
            throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (EventFileReader reader = EventFileReader.open(new ByteArrayInputStream(file), "generated")) {
            assertThat(reader).isInstanceOf(expectedReader);
            CsvEvent event;
            while ((event = reader.next()) != null) {
                assertThat(event.isDefective()).as("%s", event).isFalse();
                rows.add(MAPPER.readTree(event.json()));
            }
        }
        return rows;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @SuppressWarnings("unused")
    private static String summary(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
