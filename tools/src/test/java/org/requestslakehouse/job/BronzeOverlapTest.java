package org.requestslakehouse.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.io.TaskWriter;
import org.apache.iceberg.io.WriteResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.cli.RunCommand;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import org.requestslakehouse.sinks.iceberg.RawEventConverter;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.TestJobs;

/**
 * The bronze rows a fresh Kafka start would archive again: those of the configured topic at or after the offset
 * each partition's read starts from, and no others.
 */
class BronzeOverlapTest {
    private static final Duration BUDGET = Duration.ofSeconds(30);
    private static final String TOPIC = "overlap";

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path tmp;

    @Test
    void countsTheArchivedOffsetsFromWhereEachPartitionsReadStarts() throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(new ProducerRecord<>(TOPIC, 0, null, ("p0-" + i).getBytes(UTF_8)));
        }
        for (int i = 0; i < 4; i++) {
            records.add(new ProducerRecord<>(TOPIC, 1, null, ("p1-" + i).getBytes(UTF_8)));
        }
        KAFKA.client().produceRecords(records);
        // Bronze holds all ten, plus rows of another topic and of a CSV file that a Kafka run does not read.
        List<RawEvent> bronze = new ArrayList<>();
        for (int offset = 0; offset < 6; offset++) {
            bronze.add(kafkaRow(TOPIC, 0, offset));
        }
        for (int offset = 0; offset < 4; offset++) {
            bronze.add(kafkaRow(TOPIC, 1, offset));
        }
        for (int offset = 0; offset < 3; offset++) {
            bronze.add(kafkaRow("other-topic", 0, offset));
        }
        bronze.add(new RawEvent("csv", "/data/" + TOPIC + ".csv", null, "2", null, 0L, "{}".getBytes(UTF_8)));
        append(config("earliest"), bronze);
        commitOffsets("resumers", Map.of(new TopicPartition(TOPIC, 0), 4L, new TopicPartition(TOPIC, 1), 1L));

        BronzeOverlap.Count fromEarliest =
                BronzeOverlap.count(config("earliest"), BUDGET).orElseThrow();
        assertThat(fromEarliest)
                .isEqualTo(new BronzeOverlap.Count(
                        "bronze.raw_events", 10, true, "Kafka topic overlap from the earliest offsets"));
        assertThat(fromEarliest.warning())
                .contains(
                        "Warning: bronze.raw_events already holds 10 rows from the positions"
                                + " this fresh start reads (Kafka topic overlap from the earliest offsets); this run archives them a second"
                                + " time. To continue the job that wrote them, run with --resume latest and its --checkpoint-dir instead.");

        // Partition 0 resumes at offset 4 (offsets 4 and 5 archived), partition 1 at offset 1 (1, 2 and 3).
        assertThat(BronzeOverlap.count(config("committed"), BUDGET))
                .get()
                .extracting(BronzeOverlap.Count::rows)
                .isEqualTo(5L);
        assertThat(BronzeOverlap.count(config("latest"), BUDGET))
                .as("only new messages are read")
                .isEmpty();
    }

    /**
     * Bronze holds many rows of the topic's two partitions; the count must be exact and within the budget run uses.
     * {@code -Doverlap.rows=1000000} is the volume run for the figures in docs/reliability.md.
     */
    @Test
    void countsALargeBronzeWithinRunsBudget() throws Exception {
        long rows = Long.getLong("overlap.rows", 20_000);
        KAFKA.createTopic(TOPIC, 2);
        append(
                config("earliest"),
                LongStream.range(0, rows)
                        .mapToObj(i -> kafkaRow(TOPIC, (int) (i % 2), i / 2))
                        .toList());

        long start = System.nanoTime();
        BronzeOverlap.Count count = BronzeOverlap.count(config("earliest"), RunCommand.OVERLAP_CHECK_BUDGET)
                .orElseThrow();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf(
                Locale.ROOT,
                "Bronze overlap check: %,d of %,d rows counted in %d ms (complete: %s)%n",
                count.rows(),
                rows,
                took.toMillis(),
                count.complete());
        assertThat(count.complete()).isTrue();
        assertThat(count.rows()).isEqualTo(rows);
    }

    @Test
    void aKinesisStreamCountsFromItsInitialPosition() throws Exception {
        long t0 = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
        List<RawEvent> bronze = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bronze.add(new RawEvent(
                    "kinesis",
                    "requests",
                    "shardId-000000000000",
                    "4960" + i,
                    t0 + i * 60_000L,
                    0L,
                    "{}".getBytes(UTF_8)));
        }
        bronze.add(
                new RawEvent("kinesis", "other-stream", "shardId-000000000000", "49601", t0, 0L, "{}".getBytes(UTF_8)));
        append(kinesis(Map.of()), bronze);

        assertThat(BronzeOverlap.count(kinesis(Map.of()), BUDGET))
                .contains(new BronzeOverlap.Count(
                        "bronze.raw_events",
                        5,
                        true,
                        "Kinesis stream requests from TRIM_HORIZON, as far as the stream still retains them"));
        // Records at 12:02, 12:03 and 12:04 are at or after the timestamp.
        assertThat(BronzeOverlap.count(
                        kinesis(Map.of(
                                "kinesis.initial-position",
                                "at-timestamp",
                                "kinesis.initial-timestamp",
                                "2026-03-01T12:02:00Z")),
                        BUDGET))
                .get()
                .extracting(BronzeOverlap.Count::rows)
                .isEqualTo(3L);
        assertThat(BronzeOverlap.count(kinesis(Map.of("kinesis.initial-position", "latest")), BUDGET))
                .isEmpty();
    }

    @Test
    void aWarehouseWithoutBronzeHasNothingToWarnAbout() {
        assertThat(BronzeOverlap.count(config("earliest"), BUDGET)).isEmpty();
    }

    private JobConfig config(String startingOffsets) {
        Map<String, String> settings = TestJobs.kafkaSource(KAFKA.bootstrapServers(), TOPIC);
        settings.put("kafka.group-id", "resumers");
        settings.put("kafka.starting-offsets", startingOffsets);
        settings.put("catalog.warehouse", tmp.resolve("warehouse").toString());
        return ConfigLoader.load(null, settings);
    }

    private JobConfig kinesis(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("source.type", "kinesis");
        settings.put("kinesis.stream", "requests");
        settings.put("kinesis.region", "us-east-1");
        settings.put("catalog.warehouse", tmp.resolve("warehouse").toString());
        return ConfigLoader.load(null, settings);
    }

    private static RawEvent kafkaRow(String topic, int partition, long offset) {
        return new RawEvent(
                "kafka", topic, Integer.toString(partition), Long.toString(offset), 0L, 0L, "{}".getBytes(UTF_8));
    }

    /** One commit to bronze, written as the job's sink writes it (its converter, Iceberg's Flink task writer). */
    private static void append(JobConfig config, List<RawEvent> rows) throws Exception {
        Catalog catalog = CatalogFactory.open(config.catalog());
        try {
            LakehouseTables tables = new LakehouseTables(config.catalog());
            tables.createMissing(catalog);
            Table table = catalog.loadTable(tables.identifier(LakehouseTable.RAW_EVENTS));
            RawEventConverter converter = new RawEventConverter();
            RowDataTaskWriterFactory factory = new RowDataTaskWriterFactory(
                    table,
                    converter.rowType(),
                    TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT,
                    FileFormat.PARQUET,
                    table.properties(),
                    null,
                    false);
            factory.initialize(0, 0);
            TaskWriter<RowData> writer = factory.create();
            for (RawEvent row : rows) {
                writer.write(converter.map(row));
            }
            WriteResult written = writer.complete();
            RowDelta delta = table.newRowDelta();
            for (var file : written.dataFiles()) {
                delta.addRows(file);
            }
            delta.commit();
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    private static void commitOffsets(String group, Map<TopicPartition, Long> offsets) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(offsets.keySet());
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            offsets.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
            consumer.commitSync(commit, Duration.ofSeconds(30));
        }
    }
}
