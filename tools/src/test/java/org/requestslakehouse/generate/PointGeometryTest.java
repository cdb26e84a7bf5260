package org.requestslakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class PointGeometryTest {

    @Test
    void encodesEveryPointOfTheRealCurrentExportExactlyAsTheCityDoes() throws Exception {
        List<CSVRecord> records = RealSamples.parse(RealSamples.text(RealSamples.CURRENT_DAMAGED));
        List<String> header = records.get(0).toList();
        int latitude = header.indexOf("latitude");
        int longitude = header.indexOf("longitude");
        int geom = header.indexOf("geom_4326");
        assertThat(records).hasSize(30);
        for (CSVRecord row : records.subList(1, records.size())) {
            assertThat(PointGeometry.ewkbHex(
                            Double.parseDouble(row.get(latitude)), Double.parseDouble(row.get(longitude))))
                    .isEqualTo(row.get(geom));
        }
    }

    @Test
    void placeholderPointHasItsOwnEncoding() {
        assertThat(PointGeometry.ewkbHex(Place.PLACEHOLDER_LATITUDE, Place.PLACEHOLDER_LONGITUDE))
                .hasSize(50)
                .startsWith("0101000020E6100000")
                .isNotEqualTo(PointGeometry.ewkbHex(42.3594, -71.0588));
    }
}
