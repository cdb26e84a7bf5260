package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.LateCorrection;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.sinks.iceberg.IcebergSinks;
import org.requestslakehouse.testing.ServiceRequests;
import org.requestslakehouse.testing.TestJobs;
import picocli.CommandLine;

class SqlCommandTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    @TempDir
    static Path warehouse;

    /** Written once through the real sinks; every test only reads. */
    @BeforeAll
    static void writeTables() throws Exception {
        CatalogConfig config =
                CatalogConfig.from(new PropertyGroup("catalog", Map.of("warehouse", warehouse.toString())));
        IcebergSinks sinks = IcebergSinks.create(config);
        StreamExecutionEnvironment env = TestJobs.environment();
        sinks.silver(env.fromData(
                TypeInformation.of(ServiceRequest.class),
                request(
                        1L,
                        "2022-01-19T14:02:33.123456Z",
                        new String[] {"ZIP_LEADING_ZERO_RESTORED", "WARD_PREFIX_STRIPPED"},
                        true),
                request(2L, "2022-02-02T08:00:00Z", new String[0], null)));
        sinks.lateCorrections(env.fromData(
                TypeInformation.of(LateCorrection.class),
                late(-1, "neighborhood=Roxbury, \"Dudley\" Sq", "CLOSED"),
                late(1, "neighborhood=Back Bay", null)));
        sinks.watermarks(env.fromData(
                TypeInformation.of(GoldWatermark.class),
                new GoldWatermark("requests_hourly", Instant.parse("2022-01-19T14:00:00Z"), null)));
        env.execute("sql-command-fixture");
    }

    @Test
    void csvHasAHeaderAndQuotesFieldsPerRfc4180() {
        Result result = run(
                "--format",
                "csv",
                "SELECT table_name, window_key, delta, measure, window_start FROM gold.late_corrections ORDER BY delta");
        assertThat(result.exitCode).isZero();
        assertThat(result.err).isEmpty();
        assertThat(result.out)
                .isEqualTo("table_name,window_key,delta,measure,window_start\r\n"
                        + "requests_hourly,\"neighborhood=Roxbury, \"\"Dudley\"\" Sq\",-1,CLOSED,2022-01-19T14:00:00Z\r\n"
                        + "requests_hourly,neighborhood=Back Bay,1,,2022-01-19T14:00:00Z\r\n");
    }

    @Test
    void csvCountOverUnqualifiedSilverTable() {
        Result result = run("--format", "CSV", "SELECT count(*) AS n FROM service_requests");
        assertThat(result.exitCode).isZero();
        assertThat(result.out).isEqualTo("n\r\n2\r\n");
    }

    @Test
    void jsonPrintsOneObjectPerLineWithArraysAndTimestamps() {
        Result result = run(
                "--format",
                "json",
                "SELECT case_enquiry_id, open_ts, dq_flags, closed_on_time, ward FROM silver.service_requests ORDER BY case_enquiry_id");
        assertThat(result.exitCode).isZero();
        assertThat(result.out.lines())
                .containsExactly(
                        "{\"case_enquiry_id\":1,\"open_ts\":\"2022-01-19T14:02:33.123456Z\","
                                + "\"dq_flags\":[\"ZIP_LEADING_ZERO_RESTORED\",\"WARD_PREFIX_STRIPPED\"],\"closed_on_time\":true,\"ward\":20}",
                        "{\"case_enquiry_id\":2,\"open_ts\":\"2022-02-02T08:00:00Z\",\"dq_flags\":[],\"closed_on_time\":null,\"ward\":20}");
    }

    @Test
    void tableAlignsColumns() {
        // WATERMARKS is a Flink SQL keyword, hence the backticks.
        Result result = run("SELECT table_name, complete_through, updated_at FROM gold.`watermarks`");
        assertThat(result.exitCode).isZero();
        assertThat(result.out.lines())
                .containsExactly(
                        "table_name      | complete_through     | updated_at",
                        "----------------+----------------------+-----------",
                        "requests_hourly | 2022-01-19T14:00:00Z | NULL",
                        "(1 row)");
    }

    /** The command must not return before the INSERT job has committed. */
    @Test
    void insertIsCommittedWhenTheCommandReturns() {
        Result insert = run("INSERT INTO silver.rejected_events VALUES ('MALFORMED_JSON', 'truncated', 'csv', 'f.csv',"
                + " CAST(NULL AS STRING), '1', TO_TIMESTAMP_LTZ(1000, 3), TO_TIMESTAMP_LTZ(2000, 3), X'7B',"
                + " CAST(NULL AS STRING))");
        assertThat(insert.exitCode).as(insert.err).isZero();

        Result select = run(
                "--format",
                "csv",
                "SELECT reason_code, source_partition, rejected_at, payload FROM silver.rejected_events");
        assertThat(select.out)
                .isEqualTo("reason_code,source_partition,rejected_at,payload\r\n"
                        + "MALFORMED_JSON,,1970-01-01T00:00:02Z,ew==\r\n");
    }

    @Test
    void badSqlFailsWithOneLineOnStderr() {
        Result result = run("SELEKT 1");
        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.out).isEmpty();
        assertThat(result.err.lines()).singleElement().asString().startsWith("sql: SQL parse failed.");
    }

    @Test
    void missingTableFailsWithOneLineOnStderrListingTheTablesThere() {
        Result result = run("SELECT * FROM gold.nope");
        assertThat(result.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.out).isEmpty();
        assertThat(result.err.lines())
                .singleElement()
                .asString()
                .startsWith("sql: ")
                .contains("Object 'nope' not found within 'lakehouse.gold'")
                .endsWith("; the warehouse at catalog.warehouse=" + warehouse
                        + " (catalog.type=hadoop) has bronze.raw_events,"
                        + " silver.service_requests, silver.rejected_events, gold.requests_hourly, gold.sla_daily, gold.watermarks,"
                        + " gold.late_corrections");
    }

    @Test
    void unknownFormatIsAUsageError() {
        Result result = run("--format", "xml", "SELECT 1");
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("expected table, csv or json but was 'xml'");
    }

    @Test
    void configurationMistakesReachMainsHandler() {
        SqlCommand command = new SqlCommand();
        new CommandLine(command).parseArgs("--catalog-type", "glue", "--warehouse", warehouse.toString(), "SELECT 1");
        assertThatThrownBy(command::call)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value '" + warehouse + "' for catalog.warehouse");
    }

    @Test
    void catalogPrefixIsStrippedForCatalogConfig() {
        assertThat(SqlCommand.keysWithoutCatalogPrefix(Map.of("catalog.warehouse", "/w", "catalog.jdbc.uri", "jdbc:x")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("warehouse", "/w", "jdbc.uri", "jdbc:x"));
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withWarehouse = new String[args.length + 2];
        withWarehouse[0] = "--warehouse";
        withWarehouse[1] = warehouse.toString();
        System.arraycopy(args, 0, withWarehouse, 2, args.length);
        int exitCode = new CommandLine(new SqlCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(withWarehouse);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {}

    private static ServiceRequest request(long caseId, String openTs, String[] dqFlags, Boolean closedOnTime) {
        ServiceRequest r = ServiceRequests.identify(new ServiceRequest(), caseId);
        r.openTs = Instant.parse(openTs);
        r.caseStatus = closedOnTime == null ? "OPEN" : "CLOSED";
        r.closedOnTime = closedOnTime;
        r.ward = 20;
        r.dqFlags = dqFlags;
        r.extraFields = "{}";
        r.ingestedAtMillis = 1_650_000_000_000L;
        return r;
    }

    private static LateCorrection late(int delta, String windowKey, String measure) {
        LateCorrection c = new LateCorrection();
        c.tableName = "requests_hourly";
        c.windowStart = Instant.parse("2022-01-19T14:00:00Z");
        c.windowKey = windowKey;
        c.caseEnquiryId = 7L;
        c.measure = measure;
        c.delta = delta;
        return c;
    }
}
