package org.requestslakehouse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.sinks.iceberg.IcebergSinks;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.HostileEvents;
import org.requestslakehouse.testing.HostileEvents.Generated;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.Mutation;

/**
 * The whole pipeline, Iceberg tables included, under a seeded stream of 30,000 messages in 24 classes
 * ({@link Mutation}): 30% plain valid events, the rest unusual or hostile (truncated and invalid JSON, wrong types,
 * huge strings and payloads up to 1 MiB, deep nesting, invalid UTF-8, control characters, dates out of range,
 * numbers as strings, duplicate keys, empty objects, new columns...); about half are rejected. With restarts
 * disabled, any failure caused by input fails the test. Every message
 * must be in bronze byte for byte, and each one either in silver or in rejected_events with the exact reason of
 * its class; new columns must arrive in extra_fields in the same run.
 */
class HostileInputIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final long SEED = 20_260_101L;
    private static final int MESSAGES = 30_000;
    private static final long FIRST_CASE_ID = 900_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHostileStreamNeverFailsTheJobAndEveryMessageIsAccountedForWithItsReason(@TempDir Path warehouse)
            throws Exception {
        JobConfig config = ConfigLoader.load(
                null,
                Map.of(
                        "source.type", "kafka",
                        "catalog.warehouse", warehouse.toString(),
                        "job.checkpoint-interval", "1 s",
                        "gold.emit-interval", "500 ms"));
        HostileEvents events = HostileEvents.fromRealSamples(config.parse());
        Expected expected = Expected.of(events);

        run(config, events);

        List<Record> bronze = LakehouseAssertions.rows(config.catalog(), LakehouseTable.RAW_EVENTS);
        List<Record> silver = LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS);
        List<Record> rejected = LakehouseAssertions.rows(config.catalog(), LakehouseTable.REJECTED_EVENTS);

        assertThat(bronze).hasSize(MESSAGES);
        assertThat(digestsByPosition(bronze)).isEqualTo(expected.digests);
        assertThat(rejected).hasSize(expected.reasons.size());
        assertThat(rejected.stream()
                        .collect(Collectors.toMap(HostileInputIT::position, r -> (String) r.getField("reason_code"))))
                .isEqualTo(expected.reasons);
        assertThat(digestsByPosition(rejected)).isEqualTo(expected.rejectedDigests());
        assertThat(silver).hasSize(expected.acceptedCaseIds.size());
        assertThat(silver.stream()
                        .map(r -> (Long) r.getField("case_enquiry_id"))
                        .collect(Collectors.toSet()))
                .isEqualTo(expected.acceptedCaseIds);
        for (Record row : silver) {
            Set<String> newColumns = expected.newColumns.get((Long) row.getField("case_enquiry_id"));
            if (newColumns != null) {
                assertThat(fieldNames(JSON.readTree((String) row.getField("extra_fields"))))
                        .containsAll(newColumns);
            }
        }
        assertThat(expected.newColumns).isNotEmpty();
        System.out.printf(
                "hostile input: %d messages, %d accepted, %d rejected %s%n",
                MESSAGES, expected.acceptedCaseIds.size(), expected.reasons.size(), expected.countsByReason());
    }

    private static void run(JobConfig config, HostileEvents events) throws Exception {
        Configuration conf = new Configuration();
        // A failure caused by any message must fail the test, not be retried away.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                JobEnvironments.configurePipeline(StreamExecutionEnvironment.getExecutionEnvironment(conf));
        env.setParallelism(2);
        env.enableCheckpointing(config.runtime().checkpointInterval().toMillis());
        DataStream<RawEvent> stream = env.fromSource(
                        new DataGeneratorSource<>(
                                new HostileEventFunction(events, SEED, FIRST_CASE_ID),
                                MESSAGES,
                                TypeInformation.of(RawEvent.class)),
                        WatermarkStrategy.noWatermarks(),
                        "hostile-events")
                .uid("hostile-events");
        // The streaming watermark policy, as for Kafka: hostile timestamps reach the windows and late-data paths too.
        LakehousePipeline.build(
                stream, WatermarkPolicy.BOUNDED_OUT_OF_ORDERNESS, IcebergSinks.create(config.catalog()), config);
        env.execute("hostile-input");
    }

    private static Map<Long, String> digestsByPosition(List<Record> rows) {
        Map<Long, String> digests = new HashMap<>();
        for (Record r : rows) {
            ByteBuffer payload = (ByteBuffer) r.getField("payload");
            byte[] bytes = null;
            if (payload != null) {
                bytes = new byte[payload.remaining()];
                payload.duplicate().get(bytes);
            }
            digests.put(position(r), digest(bytes));
        }
        return digests;
    }

    private static long position(Record r) {
        return Long.parseLong((String) r.getField("source_position"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String digest(byte[] payload) {
        if (payload == null) {
            return "null";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload)) + "/"
                    + payload.length;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What every message must become, from the class it was built as: no parser involved. */
    private static final class Expected {
        final Map<Long, String> digests = new HashMap<>();
        final Map<Long, String> reasons = new HashMap<>();
        final Set<Long> acceptedCaseIds = new HashSet<>();
        final Map<Long, Set<String>> newColumns = new HashMap<>();

        static Expected of(HostileEvents events) throws Exception {
            Expected e = new Expected();
            for (long index = 0; index < MESSAGES; index++) {
                long caseId = FIRST_CASE_ID + index;
                Generated g = events.generate(SEED, index, caseId);
                e.digests.put(index, digest(g.payload()));
                if (g.mutation().accepted()) {
                    e.acceptedCaseIds.add(caseId);
                    if (g.mutation() == Mutation.NEW_COLUMNS) {
                        Set<String> added = fieldNames(JSON.readTree(g.payload())).stream()
                                .filter(k -> k.startsWith("zz_new_column_"))
                                .collect(Collectors.toSet());
                        e.newColumns.put(caseId, added);
                    }
                } else {
                    e.reasons.put(index, g.mutation().expected().name());
                }
            }
            return e;
        }

        Map<Long, String> rejectedDigests() {
            Map<Long, String> rejected = new HashMap<>(digests);
            rejected.keySet().retainAll(reasons.keySet());
            return rejected;
        }

        Map<RejectReason, Long> countsByReason() {
            Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
            reasons.values().forEach(r -> counts.merge(RejectReason.valueOf(r), 1L, Long::sum));
            return counts;
        }
    }
}
