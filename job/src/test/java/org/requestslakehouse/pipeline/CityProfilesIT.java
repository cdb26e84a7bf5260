package org.requestslakehouse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.parsing.CityFixtures;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.ExpectedLakehouse;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.TestJobs;
import org.requestslakehouse.verify.GoldVerifier;

/**
 * New York's real sample and its spreadsheet re-save, and Chicago's Open311 requests, through the whole job (file
 * source, default settings: the city is recognised per message), read back from Iceberg. Expectations are computed independently, row by row.
 */
class CityProfilesIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    @Test
    void newYorkLandsExactlyAndGoldVerifies(@TempDir Path warehouse) throws Exception {
        List<Path> files =
                List.of(CityFixtures.path(CityFixtures.NYC_SAMPLE), CityFixtures.path(CityFixtures.NYC_RESAVED));
        ExpectedLakehouse expected = ExpectedLakehouse.of(files);
        JobConfig config = TestJobs.config(warehouse, TestJobs.csvSource(files));

        TestJobs.runBounded(config);

        LakehouseAssertions.assertLandedExactly(config.catalog(), expected);
        assertThat(expected.rows()).isEqualTo(72);
        // the re-save repeats the sample's first 12 requests: one silver row per request
        assertThat(expected.validRequests()).hasSize(60);
        assertThat(expected.rejections()).isEmpty();
        assertThat(LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS))
                .extracting(r -> r.getField("source_layout"))
                .containsOnly("NYC_PORTAL");
        assertThat(GoldVerifier.verify(config, System.out)).isTrue();
    }

    @Test
    void chicagosOpen311RequestsLandExactlyWithTheirPublishedIdsAndGoldVerifies(@TempDir Path warehouse)
            throws Exception {
        List<Path> files = List.of(CityFixtures.path(CityFixtures.CHICAGO_OPEN311));
        ExpectedLakehouse expected = ExpectedLakehouse.of(files);
        JobConfig config = TestJobs.config(warehouse, TestJobs.csvSource(files));

        TestJobs.runBounded(config);

        LakehouseAssertions.assertLandedExactly(config.catalog(), expected);
        assertThat(expected.rows()).isEqualTo(50);
        assertThat(expected.validRequests()).hasSize(50).contains("open311/SR19-00134785");
        assertThat(expected.rejections()).isEmpty();
        assertThat(LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS))
                .extracting(r -> r.getField("source_layout"), r -> r.getField("city"))
                .containsOnly(tuple("GEOREPORT_V2", "open311"));
        assertThat(GoldVerifier.verify(config, System.out)).isTrue();
    }
}
