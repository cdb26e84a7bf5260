package org.requestslakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.requestslakehouse.gold.Versions.closed;
import static org.requestslakehouse.gold.Versions.emittedAt;
import static org.requestslakehouse.gold.Versions.open;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.runtime.partitioner.ForwardPartitioner;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.config.GoldConfig;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.pipeline.StreamTimeAssigner;
import org.requestslakehouse.pipeline.WatermarkPolicy;
import org.requestslakehouse.silver.CaseIdKeySelector;
import org.requestslakehouse.silver.LatestVersionFilter;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.BostonGold;
import org.requestslakehouse.testing.TestJobs;

/**
 * Gold end to end behind the silver latest-version filter, on a mini-cluster: the upserted result must equal a
 * batch recomputation over the final version of every case.
 */
class GoldTopologyTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final String PWD = "PWDx";
    private static final String POTHOLE = "Request for Pothole Repair";

    /** Arrival order. Times are on 2024-03-10, the day Boston springs forward (a 23-hour day). */
    private static final List<ServiceRequest> VERSIONS = List.of(
            open(4, "2024-03-10T04:30:00Z", "Roxbury", PWD, POTHOLE),
            open(1, "2024-03-10T06:15:00Z", "Roxbury", PWD, POTHOLE),
            open(2, "2024-03-10T06:40:00Z", " Dorchester ", PWD, POTHOLE),
            open(6, "2024-03-10T06:50:00Z", "Roxbury", PWD, POTHOLE),
            // Stale: an older version of the case above, arriving late, so silver and gold ignore it.
            open(6, "2024-03-10T06:48:00Z", "Mattapan", PWD, POTHOLE),
            closed(
                    3,
                    "2024-03-10T06:05:00Z",
                    "2024-03-10T07:05:00Z",
                    true,
                    1.0,
                    "Roxbury",
                    "BTDT",
                    "Street Light Outages"),
            closed(2, "2024-03-10T06:40:00Z", "2024-03-10T07:10:00Z", false, 0.5, "Dorchester", PWD, POTHOLE),
            // Corrected closure that also moves the case to another neighborhood.
            closed(
                    3,
                    "2024-03-10T06:05:00Z",
                    "2024-03-10T07:50:00Z",
                    false,
                    1.75,
                    "South End",
                    "BTDT",
                    "Street Light Outages"),
            closed(1, "2024-03-10T06:15:00Z", "2024-03-10T08:30:00Z", true, 2.25, "Roxbury", PWD, POTHOLE),
            closed(1, "2024-03-10T06:15:00Z", "2024-03-10T08:30:00Z", true, 2.25, "Roxbury", PWD, POTHOLE),
            // Reopened.
            emittedAt(open(2, "2024-03-10T06:40:00Z", "Dorchester", PWD, POTHOLE), "2024-03-10T09:00:00Z"),
            // open_ts corrected by an hour: silver gets a tombstone, gold moves the opened part.
            closed(4, "2024-03-10T05:30:00Z", "2024-03-11T03:30:00Z", null, 22.0, "Roxbury", PWD, POTHOLE),
            closed(5, "2024-03-11T04:10:00Z", "2024-03-11T04:40:00Z", true, 0.5, null, null, "Needle Pickup"));

    private static final List<ServiceRequest> FINAL_VERSIONS = List.of(
            VERSIONS.get(8), VERSIONS.get(10), VERSIONS.get(7), VERSIONS.get(11), VERSIONS.get(12), VERSIONS.get(3));

    @Test
    void upsertedGoldEqualsTheBatchRecomputationOfTheFinalVersions() throws Exception {
        GoldConfig gold = new GoldConfig(
                true, Duration.ofMillis(100), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(180));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Outputs out = run(env, WatermarkPolicy.BOUNDED_OUT_OF_ORDERNESS.strategy(gold), gold);

        RecomputedGold expected = new GoldRecomputation(BOSTON).recompute(FINAL_VERSIONS);
        assertThat(BostonGold.compare(expected, out.hourly, out.daily)).isEmpty();

        assertThat(nonZero(out.hourly, r -> r.opened + r.closed))
                .extracting(
                        r -> r.windowStart,
                        r -> r.neighborhood,
                        r -> r.opened,
                        r -> r.closed,
                        r -> r.closedOnTime,
                        r -> r.closedOverdue,
                        r -> r.resolutionHoursP50,
                        r -> r.resolutionHoursP90)
                .containsExactlyInAnyOrder(
                        tuple(hour("2024-03-10T05"), "Roxbury", 1L, 0L, 0L, 0L, null, null),
                        tuple(hour("2024-03-10T06"), "Roxbury", 2L, 0L, 0L, 0L, null, null),
                        tuple(hour("2024-03-10T06"), "Dorchester", 1L, 0L, 0L, 0L, null, null),
                        tuple(hour("2024-03-10T06"), "South End", 1L, 0L, 0L, 0L, null, null),
                        tuple(hour("2024-03-10T07"), "South End", 0L, 1L, 0L, 1L, 1.75, 1.75),
                        tuple(hour("2024-03-10T08"), "Roxbury", 0L, 1L, 1L, 0L, 2.25, 2.25),
                        tuple(hour("2024-03-11T03"), "Roxbury", 0L, 1L, 0L, 0L, 22.0, 22.0),
                        tuple(hour("2024-03-11T04"), "UNKNOWN", 1L, 1L, 1L, 0L, 0.5, 0.5));
        assertThat(out.hourly)
                .as("retracted windows were overwritten with zeros")
                .filteredOn(r -> r.opened + r.closed == 0)
                .extracting(r -> r.windowStart, r -> r.neighborhood)
                .contains(tuple(hour("2024-03-10T04"), "Roxbury"), tuple(hour("2024-03-10T07"), "Dorchester"));

        assertThat(nonZero(out.daily, r -> r.opened + r.closed))
                .extracting(
                        r -> r.day,
                        r -> r.department,
                        r -> r.type,
                        r -> r.opened,
                        r -> r.closed,
                        r -> r.closedOnTime,
                        r -> r.closedOverdue,
                        r -> r.onTimeRate,
                        r -> r.meanResolutionHours,
                        r -> r.resolutionHoursP50,
                        r -> r.resolutionHoursP90)
                .containsExactlyInAnyOrder(
                        tuple(day("2024-03-10"), PWD, POTHOLE, 4L, 2L, 1L, 0L, 1.0, 12.125, 2.25, 22.0),
                        tuple(day("2024-03-10"), "BTDT", "Street Light Outages", 1L, 1L, 0L, 1L, 0.0, 1.75, 1.75, 1.75),
                        tuple(day("2024-03-11"), "UNKNOWN", "Needle Pickup", 1L, 1L, 1L, 0L, 1.0, 0.5, 0.5, 0.5));

        assertThat(out.watermarks)
                .extracting(w -> w.tableName, w -> w.completeThrough)
                .containsExactlyInAnyOrder(
                        tuple("requests_hourly", Instant.parse("2024-03-11T05:00:00Z")),
                        tuple("sla_daily", Instant.parse("2024-03-12T04:00:00Z")));
        assertThat(out.lateCorrections).isEmpty();
    }

    @Test
    void aCorrectionPastAllowedLatenessIsRecordedAndAccountsForTheWholeDifference() throws Exception {
        GoldConfig gold =
                new GoldConfig(true, Duration.ofMillis(100), Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<ServiceRequest> versions = List.of(
                open(10, "2024-03-10T06:15:00Z", "Roxbury", PWD, POTHOLE),
                open(11, "2024-03-10T12:00:00Z", "Roxbury", PWD, POTHOLE),
                emittedAt(open(10, "2024-03-10T06:15:00Z", "Dorchester", PWD, POTHOLE), "2024-03-10T12:30:00Z"));
        WatermarkStrategy<ServiceRequest> everyEvent = WatermarkStrategy.<ServiceRequest>forGenerator(
                        context -> new EveryEventWatermarks())
                .withTimestampAssigner(new StreamTimeAssigner());
        Outputs out = run(env, versions, everyEvent, gold);

        assertThat(out.lateCorrections)
                .extracting(
                        c -> c.tableName,
                        c -> c.windowStart,
                        c -> c.windowKey,
                        c -> c.caseEnquiryId,
                        c -> c.measure,
                        c -> c.delta,
                        c -> c.eventTs,
                        c -> c.watermark)
                .containsExactlyInAnyOrder(
                        tuple(
                                "requests_hourly",
                                hour("2024-03-10T06"),
                                "city=boston|neighborhood=Roxbury",
                                10L,
                                "OPENED",
                                -1,
                                Instant.parse("2024-03-10T06:15:00Z"),
                                Instant.parse("2024-03-10T12:00:00Z")),
                        tuple(
                                "requests_hourly",
                                hour("2024-03-10T06"),
                                "city=boston|neighborhood=Dorchester",
                                10L,
                                "OPENED",
                                1,
                                Instant.parse("2024-03-10T06:15:00Z"),
                                Instant.parse("2024-03-10T12:00:00Z")));
        RecomputedGold expected = new GoldRecomputation(BOSTON).recompute(List.of(versions.get(1), versions.get(2)));
        assertThat(BostonGold.compare(expected, out.hourly, out.daily))
                .containsExactly(
                        "requests_hourly [2024-03-10T06:00:00Z, boston, Dorchester] (no row): opened expected 1, actual 0",
                        "requests_hourly [2024-03-10T06:00:00Z, boston, Roxbury]: opened expected 0, actual 1");
    }

    @Test
    void everyGoldOperatorHasAStableUidAndTheCompletenessOperatorsRunAlone() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<ServiceRequest> accepted = env.fromData(VERSIONS, TypeInformation.of(ServiceRequest.class))
                .keyBy(new CaseIdKeySelector())
                .process(new LatestVersionFilter(Duration.ZERO))
                .uid("silver-latest-version");
        GoldTopology.attach(accepted, GoldConfig.defaults(), BOSTON, Duration.ZERO);

        Map<String, StreamNode> byUid = new LinkedHashMap<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            if (node.getTransformationUID() != null) {
                byUid.put(node.getTransformationUID(), node);
            }
        }

        assertThat(byUid)
                .containsKeys(
                        "gold-lifecycle",
                        "gold-hourly-combine",
                        "gold-daily-combine",
                        "gold-hourly-window",
                        "gold-daily-window",
                        "gold-hourly-completeness",
                        "gold-daily-completeness");
        assertThat(byUid.get("gold-lifecycle").getOperatorName()).isEqualTo("gold-lifecycle");
        assertThat(byUid.get("gold-lifecycle").getInEdges())
                .as("reinterpreted as keyed: no second shuffle by case id")
                .allSatisfy(edge -> assertThat(edge.getPartitioner()).isInstanceOf(ForwardPartitioner.class));
        for (String combine : List.of("gold-hourly-combine", "gold-daily-combine")) {
            assertThat(byUid.get(combine).getInEdges())
                    .as("combined in the lifecycle's task, before the keyed exchange")
                    .singleElement()
                    .satisfies(edge -> assertThat(edge.getPartitioner()).isInstanceOf(ForwardPartitioner.class));
        }
        assertThat(byUid.get("gold-hourly-completeness").getParallelism()).isEqualTo(1);
        assertThat(byUid.get("gold-daily-completeness").getParallelism()).isEqualTo(1);
    }

    @Test
    void grainsNameTheTablesTheSinksWrite() {
        assertThat(new HourlyByNeighborhood().tableName()).isEqualTo(LakehouseTable.REQUESTS_HOURLY.tableName());
        assertThat(new DailyByDepartmentAndType(BOSTON).tableName()).isEqualTo(LakehouseTable.SLA_DAILY.tableName());
    }

    private Outputs run(StreamExecutionEnvironment env, WatermarkStrategy<ServiceRequest> watermarks, GoldConfig gold)
            throws Exception {
        return run(env, VERSIONS, watermarks, gold);
    }

    /** The lead's wiring in miniature: event time, then silver's keyed latest-version filter, then gold. */
    private Outputs run(
            StreamExecutionEnvironment env,
            List<ServiceRequest> versions,
            WatermarkStrategy<ServiceRequest> watermarks,
            GoldConfig gold)
            throws Exception {
        DataStream<ServiceRequest> accepted = env.fromData(versions, TypeInformation.of(ServiceRequest.class))
                .assignTimestampsAndWatermarks(watermarks)
                .keyBy(new CaseIdKeySelector())
                .process(new LatestVersionFilter(Duration.ZERO));
        GoldStreams streams = GoldTopology.attach(accepted, gold, BOSTON, Duration.ZERO);

        try (CloseableIterator<HourlyByNeighborhood.Row> hourly =
                        streams.rows(BostonGold.HOURLY).collectAsync();
                CloseableIterator<DailyByDepartmentAndType.Row> daily =
                        streams.rows(BostonGold.DAILY).collectAsync();
                CloseableIterator<GoldWatermark> marks = streams.watermarks().collectAsync();
                CloseableIterator<LateCorrection> late =
                        streams.lateCorrections().collectAsync()) {
            env.execute("gold-topology-test");
            return new Outputs(
                    lastPerKey(hourly, BostonGold.HOURLY::keyOfRow),
                    lastPerKey(daily, BostonGold.DAILY::keyOfRow),
                    drain(marks),
                    drain(late));
        }
    }

    /** What an upsert sink would hold: the last row emitted for each key. */
    private static <K, R> List<R> lastPerKey(CloseableIterator<R> rows, Function<R, K> keyOf) {
        Map<K, R> table = new LinkedHashMap<>();
        rows.forEachRemaining(r -> table.put(keyOf.apply(r), r));
        return new ArrayList<>(table.values());
    }

    private static <T> List<T> drain(CloseableIterator<T> items) {
        List<T> all = new ArrayList<>();
        items.forEachRemaining(all::add);
        return all;
    }

    private static <R> List<R> nonZero(List<R> rows, Function<R, Long> total) {
        return rows.stream().filter(r -> total.apply(r) != 0).toList();
    }

    private static Instant hour(String utcHour) {
        return Instant.parse(utcHour + ":00:00Z");
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    private record Outputs(
            List<HourlyByNeighborhood.Row> hourly,
            List<DailyByDepartmentAndType.Row> daily,
            List<GoldWatermark> watermarks,
            List<LateCorrection> lateCorrections) {}
}
