package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.requestslakehouse.model.ServiceRequest;

class BostonBoundsTest {

    @ParameterizedTest(name = "({0}, {1}) -> ({2}, {3}) {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "42.2715           | -71.0772           | 42.2715           | -71.0772           | ''",
                "42.32926956819621 | -71.09239058822217 | 42.32926956819621 | -71.09239058822217 | ''",
                // a real point that shares the placeholder's latitude (row 101004113298 of the 2022 sample)
                "42.3594           | -71.07             | 42.3594           | -71.07             | ''",
                "42.3594           | -71.0587           | null              | null               | placeholder_coordinates",
                "42.35940          | -71.05870          | null              | null               | placeholder_coordinates",
                "0                 | 0                  | null              | null               | coordinates_out_of_bounds",
                "-71.0587          | 42.3594            | null              | null               | coordinates_out_of_bounds",
                "42.2199           | -71.1              | null              | null               | coordinates_out_of_bounds",
                "42.35             | -70.9              | null              | null               | coordinates_out_of_bounds",
                "42.22             | -71.20             | 42.22             | -71.20             | ''",
                "42.41             | -70.95             | 42.41             | -70.95             | ''",
                "abc               | -71.0772           | null              | null               | invalid_coordinates",
                "42.2715           | ''                 | null              | null               | invalid_coordinates",
                "''                | ''                 | null              | null               | ''",
                "' '               | ' '                | null              | null               | ''",
            })
    void coordinates(String latitude, String longitude, Double expectedLat, Double expectedLon, String flag) {
        ServiceRequest request = new ServiceRequest();
        DqFlags flags = new DqFlags();

        BostonBounds.apply(latitude, longitude, request, flags);

        assertThat(request.latitude).isEqualTo(expectedLat);
        assertThat(request.longitude).isEqualTo(expectedLon);
        assertThat(flags.toSortedArray()).isEqualTo(flag.isEmpty() ? new String[0] : new String[] {flag});
    }
}
