package org.requestslakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestCsvWriterTest {

    private static final int ROWS = 10_000;
    private static final Pattern ISO_SPACE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern US_12_HOUR = Pattern.compile("\\d{2}/\\d{2}/\\d{4} (0\\d|1[0-2]):\\d{2}:\\d{2} [AP]M");
    private static final Map<Layout, String> CSV = new EnumMap<>(Layout.class);
    private static final Map<Layout, List<CSVRecord>> RECORDS = new EnumMap<>(Layout.class);

    @BeforeAll
    static void writeEveryLayout() throws IOException {
        for (Layout layout : Layout.values()) {
            String csv = csv(layout, GeneratorSettings.defaults(42), ROWS, false);
            CSV.put(layout, csv);
            RECORDS.put(layout, RealSamples.parse(csv));
        }
    }

    static String csv(Layout layout, GeneratorSettings settings, long rows, boolean damaged) throws IOException {
        StringWriter out = new StringWriter();
        long written = new RequestCsvWriter(layout, damaged)
                .write(new SyntheticRequestGenerator(settings, rows), out, ProgressListener.NONE);
        assertThat(written).isEqualTo(rows);
        return out.toString();
    }

    private static List<String> column(Layout layout, Column column) {
        int index = layout.columns().indexOf(column);
        List<String> values = new ArrayList<>();
        for (CSVRecord record : RECORDS.get(layout).subList(1, ROWS + 1)) {
            values.add(record.get(index));
        }
        return values;
    }

    private static double share(List<String> values, Predicate<String> matching) {
        return (double) values.stream().filter(matching).count() / values.size();
    }

    @Test
    void headersAreExactlyThoseOfTheRealExports() throws IOException {
        assertThat(String.join(",", Layout.SOCRATA_2011.header()))
                .isEqualTo(RealSamples.headerLine(RealSamples.SOCRATA));
        assertThat(String.join(",", Layout.CKAN_2019.header())).isEqualTo(RealSamples.headerLine(RealSamples.CKAN));
        assertThat(String.join(",", Layout.CURRENT_2025.header()) + ";;")
                .isEqualTo(RealSamples.headerLine(RealSamples.CURRENT_DAMAGED));
        assertThat(String.join(", ", Layout.SYSTEM_2024.header()))
                .isEqualTo(
                        "case_id, open_date, target_close_date,"
                                + " close_date, case_status, case_topic, service_name, closure_reason, assigned_department,"
                                + " submitted_photo, closed_photo, full_address, zip_code, ward, neighborhood, latitude, longitude");
        for (Layout layout : Layout.values()) {
            assertThat(CSV.get(layout)).startsWith(String.join(",", layout.header()) + "\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyRowParsesBackWithTheHeadersWidth(Layout layout) {
        List<CSVRecord> records = RECORDS.get(layout);
        assertThat(records).hasSize(ROWS + 1);
        assertThat(records)
                .allSatisfy(r -> assertThat(r.size()).isEqualTo(layout.header().size()));
        assertThat(CSV.get(layout)).doesNotContain("\r").endsWith("\n").doesNotEndWith("\n\n");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot(Layout layout) throws IOException {
        assertThat(csv(layout, GeneratorSettings.defaults(42), ROWS, false)).isEqualTo(CSV.get(layout));
        String other = csv(layout, GeneratorSettings.defaults(7), ROWS, false);
        assertThat(other).isNotEqualTo(CSV.get(layout));
        assertThat(other.substring(other.indexOf('\n') + 1, other.indexOf('\n') + 40))
                .isNotEqualTo(CSV.get(layout).substring(other.indexOf('\n') + 1, other.indexOf('\n') + 40));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void datesHaveTheLayoutsFormatAndStatusAgreesWithClosedDate(Layout layout) {
        Pattern date = layout == Layout.SOCRATA_2011 ? US_12_HOUR : ISO_SPACE;
        assertThat(column(layout, Column.OPEN)).allSatisfy(v -> assertThat(v).matches(date));
        assertThat(column(layout, Column.TARGET))
                .allSatisfy(v ->
                        assertThat(v.isEmpty() || date.matcher(v).matches()).isTrue());
        assertThat(column(layout, Column.TARGET)).anySatisfy(v -> assertThat(v).isEmpty());
        List<String> closed = column(layout, Column.CLOSED);
        List<String> status = column(layout, Column.STATUS);
        List<String> closure = column(layout, Column.CLOSURE_REASON);
        for (int i = 0; i < ROWS; i++) {
            if (status.get(i).equals("Closed")) {
                assertThat(closed.get(i)).matches(date);
                assertThat(closure.get(i)).startsWith("Case Closed");
            } else {
                assertThat(status.get(i)).isEqualTo("Open");
                assertThat(closed.get(i)).isEmpty();
                assertThat(closure.get(i)).isEqualTo(layout == Layout.SOCRATA_2011 ? "" : " ");
            }
        }
        assertThat(share(status, "Closed"::equals)).isCloseTo(0.85, within(0.03));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void caseIdsIncreaseStrictly(Layout layout) {
        List<String> ids = column(layout, Column.CASE_ID);
        for (int i = 1; i < ids.size(); i++) {
            assertThat(Long.parseLong(ids.get(i))).isGreaterThan(Long.parseLong(ids.get(i - 1)));
        }
        assertThat(ids.get(0)).startsWith("101004");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void zipsAreFiveDigitsFloatsOrEmptyAtRealisticRates(Layout layout) {
        List<String> zips = column(layout, Column.ZIPCODE);
        assertThat(zips).allSatisfy(z -> assertThat(z).matches("|0\\d{4}|[1-9]\\d{3}\\.0"));
        assertThat(share(zips, z -> z.endsWith(".0"))).isCloseTo(0.03 * 0.8, within(0.008));
        // intersections (about a fifth) have no zip; so do not-geocoded cases and the ZIP_MISSING quirk
        assertThat(share(zips, String::isEmpty)).isCloseTo(0.2 + 0.02 * 0.8, within(0.02));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aboutThreePercentHaveCityHallPlaceholderCoordinates(Layout layout) {
        List<String> latitudes = column(layout, Column.LATITUDE);
        List<String> longitudes = column(layout, Column.LONGITUDE);
        int placeholders = 0;
        for (int i = 0; i < ROWS; i++) {
            double latitude = Double.parseDouble(latitudes.get(i));
            double longitude = Double.parseDouble(longitudes.get(i));
            if (latitudes.get(i).equals("42.3594") && longitudes.get(i).equals("-71.0587")) {
                placeholders++;
            }
            assertThat(latitude).isBetween(42.22, 42.40);
            assertThat(longitude).isBetween(-71.19, -70.99);
        }
        assertThat(placeholders / (double) ROWS).isCloseTo(0.03, within(0.01));
    }

    @Test
    void oldExportsRoundCoordinatesToFourDecimalsAndNewOnesDoNot() {
        for (Layout layout : List.of(Layout.SOCRATA_2011, Layout.CKAN_2019)) {
            assertThat(column(layout, Column.LATITUDE))
                    .allSatisfy(v -> assertThat(v).matches("42\\.\\d{1,4}"));
        }
        for (Layout layout : List.of(Layout.CURRENT_2025, Layout.SYSTEM_2024)) {
            assertThat(share(column(layout, Column.LATITUDE), v -> v.matches("42\\.\\d{10,}")))
                    .isGreaterThan(0.9);
        }
    }

    @Test
    void layoutSpecificColumnsAreConsistentWithTheCoordinates() {
        List<String> latitudes = column(Layout.SOCRATA_2011, Column.LATITUDE);
        List<String> longitudes = column(Layout.SOCRATA_2011, Column.LONGITUDE);
        List<String> geocoded = column(Layout.SOCRATA_2011, Column.GEOCODED_LOCATION);
        for (int i = 0; i < ROWS; i++) {
            assertThat(geocoded.get(i)).isEqualTo("(" + latitudes.get(i) + ", " + longitudes.get(i) + ")");
        }
        List<String> currentLatitudes = column(Layout.CURRENT_2025, Column.LATITUDE);
        List<String> currentLongitudes = column(Layout.CURRENT_2025, Column.LONGITUDE);
        List<String> geometries = column(Layout.CURRENT_2025, Column.GEOM_4326);
        for (int i = 0; i < ROWS; i++) {
            assertThat(geometries.get(i))
                    .matches("0101000020E6100000[0-9A-F]{32}")
                    .isEqualTo(PointGeometry.ewkbHex(
                            Double.parseDouble(currentLatitudes.get(i)), Double.parseDouble(currentLongitudes.get(i))));
        }
        assertThat(column(Layout.SOCRATA_2011, Column.PROPERTY_TYPE)).containsOnly("Address", "Intersection", "");
    }

    @Test
    void wardsPrecinctsAndDistrictsShowTheRealFormats() {
        List<String> wards = column(Layout.CKAN_2019, Column.WARD);
        assertThat(wards).allSatisfy(w -> assertThat(w).matches("Ward ([1-9]|1\\d|2[0-2])|[1-9]|1\\d|2[0-2]|0[1-9]| "));
        assertThat(wards).anySatisfy(w -> assertThat(w).matches("0[1-9]"));
        assertThat(share(wards, w -> w.startsWith("Ward "))).isBetween(0.75, 0.9);
        List<String> precincts = column(Layout.CKAN_2019, Column.PRECINCT);
        assertThat(precincts).allSatisfy(p -> assertThat(p).matches("\\d{4}|[1-9]\\d{2,3}\\.0| "));
        assertThat(share(precincts, p -> p.endsWith(".0"))).isCloseTo(0.02, within(0.008));
        List<String> fire = column(Layout.CKAN_2019, Column.FIRE_DISTRICT);
        assertThat(fire).allSatisfy(f -> assertThat(f).matches("\\d{1,2}(\\.0)?| "));
        assertThat(share(fire, f -> f.endsWith(".0"))).isCloseTo(0.02, within(0.008));
        assertThat(column(Layout.CKAN_2019, Column.PWD_DISTRICT))
                .allSatisfy(p -> assertThat(p).matches("1[ABC]|0[2-9]|10[AB]| "));
    }

    @Test
    void locationsKeepDoubleSpacesAndSometimesEscapeTheAmpersand() {
        List<String> ckan = column(Layout.CKAN_2019, Column.LOCATION);
        List<String> socrata = column(Layout.SOCRATA_2011, Column.LOCATION);
        assertThat(ckan).anySatisfy(l -> assertThat(l).matches("\\d+ .+  [A-Za-z ]+  MA  0\\d{4}"));
        assertThat(ckan).anySatisfy(l -> assertThat(l).matches("INTERSECTION of .+ &amp; .+  [A-Za-z ]+  MA  "));
        assertThat(ckan).anySatisfy(l -> assertThat(l).matches("INTERSECTION of .+ & .+  [A-Za-z ]+  MA  "));
        // the 2011 export has no separator after an intersection's missing zip
        assertThat(socrata)
                .filteredOn(l -> l.startsWith("INTERSECTION"))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).endsWith("  MA"));
        assertThat(share(ckan, l -> l.contains("&amp;"))).isCloseTo(0.2 * 0.3, within(0.015));
        List<String> streets = column(Layout.CKAN_2019, Column.STREET_NAME);
        for (int i = 0; i < ROWS; i++) {
            assertThat(streets.get(i).contains("&amp;")).isEqualTo(ckan.get(i).contains("&amp;"));
        }
    }

    @Test
    void tabsInsideFreeTextSurviveTheRoundTrip() {
        assertThat(column(Layout.CKAN_2019, Column.CLOSURE_REASON))
                .anySatisfy(c -> assertThat(c).contains("\t"));
        assertThat(column(Layout.CKAN_2019, Column.SUBMITTED_PHOTO))
                .anySatisfy(p -> assertThat(p).matches("https://\\S+ \\| https://\\S+.*"));
    }

    @Test
    void publishedValuesParseBackToTheCanonicalRecord() {
        List<GeneratedRequest> canonical = new ArrayList<>();
        new SyntheticRequestGenerator(GeneratorSettings.defaults(42), ROWS).forEachRemaining(canonical::add);
        for (Layout layout : Layout.values()) {
            for (int i = 0; i < ROWS; i++) {
                GeneratedRequest expected = canonical.get(i);
                List<String> row = RECORDS.get(layout).get(i + 1).toList();
                Map<String, String> columns = expected.toColumns(layout);
                assertThat(columns.keySet()).containsExactlyElementsOf(layout.header());
                assertThat(columns.values()).containsExactlyElementsOf(row);
                ReferenceNormaliser.assertRecovers(layout, columns, expected);
            }
        }
    }

    @Test
    void damagedCurrentExportLooksLikeTheSpreadsheetSample() throws IOException {
        String damaged = csv(Layout.CURRENT_2025, GeneratorSettings.defaults(42), 2_000, true);
        String realHeader = RealSamples.text(RealSamples.CURRENT_DAMAGED).split("\r\n", 2)[0];
        assertThat(damaged).startsWith(realHeader + "\r\n");
        assertThat(damaged.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(damaged).doesNotEndWith("\r\n");
        String[] lines = damaged.split("\r\n");
        assertThat(lines).hasSize(2_001);
        List<CSVRecord> records = RealSamples.parse(damaged);
        assertThat(records)
                .hasSize(2_001)
                .allSatisfy(r -> assertThat(r.size())
                        .isEqualTo(Layout.CURRENT_2025.header().size()));
        int zip = Layout.CURRENT_2025.columns().indexOf(Column.ZIPCODE);
        int withSuffix = 0;
        for (CSVRecord record : records.subList(1, records.size())) {
            boolean hasZip = !record.get(zip).isEmpty();
            assertThat(record.get(record.size() - 1).endsWith(";;")).isEqualTo(hasZip);
            withSuffix += hasZip ? 1 : 0;
        }
        assertThat(withSuffix / 2_000.0).isBetween(0.7, 0.85);
        // apart from the damage, the rows are those of the clean file
        String clean = csv(Layout.CURRENT_2025, GeneratorSettings.defaults(42), 2_000, false);
        String repaired = (damaged + "\r\n").replace(";;\r\n", "\n").replace("\r\n", "\n");
        assertThat(repaired.equals(clean))
                .as("damaged file minus CRLF and ;; equals the clean file")
                .isTrue();
    }

    @Test
    void onlyTheCurrentLayoutHasADamagedVariant() {
        assertThatThrownBy(() -> new RequestCsvWriter(Layout.CKAN_2019, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("current-2025");
    }

    @Test
    void writesGzipWhenTheFileNameEndsInGz(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("requests.csv");
        Path gzip = dir.resolve("requests.csv.gz");
        assertThat(RequestCsvWriter.write(plain, Layout.CKAN_2019, 1_000, 5)).isEqualTo(1_000);
        assertThat(RequestCsvWriter.write(gzip, Layout.CKAN_2019, 1_000, 5)).isEqualTo(1_000);
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            unzipped = in.readAllBytes();
        }
        assertThat(unzipped).isEqualTo(Files.readAllBytes(plain));
        assertThat(Files.size(gzip)).isLessThan(Files.size(plain) / 3);
        assertThat(new String(unzipped, StandardCharsets.UTF_8))
                .isEqualTo(csv(Layout.CKAN_2019, GeneratorSettings.defaults(5), 1_000, false));
    }

    @Test
    void reportsProgressEveryIntervalAndAtTheEnd() throws IOException {
        List<Long> reported = new ArrayList<>();
        new RequestCsvWriter(Layout.SYSTEM_2024, false)
                .write(
                        new SyntheticRequestGenerator(GeneratorSettings.defaults(1), 20_000),
                        new ByteArrayOutputStream(),
                        false,
                        reported::add);
        assertThat(reported).containsExactly(8_192L, 16_384L, 20_000L);
    }
}
