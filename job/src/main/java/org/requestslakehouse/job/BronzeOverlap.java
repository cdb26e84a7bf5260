package org.requestslakehouse.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.config.KinesisConfig;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import org.requestslakehouse.sources.CsvBulkFormat;
import org.requestslakehouse.sources.CsvEventSource;
import org.requestslakehouse.sources.KafkaClientProperties;
import org.requestslakehouse.sources.RawEventKafkaDeserializer;
import org.requestslakehouse.sources.RawEventKinesisDeserializer;

/**
 * Before a fresh start: how many rows bronze already holds from the source positions this run is about to read
 * (Kafka topic, partition and offset from the configured starting offsets on; CSV files; a Kinesis stream read
 * from TRIM_HORIZON or a timestamp). Bronze is append-only, so each of them would be archived a second time. The
 * scan reads only the source columns, skips files whose column bounds exclude the source, and stops at a deadline,
 * so a large bronze table costs at most the budget.
 */
public final class BronzeOverlap {
    private static final List<String> SOURCE_COLUMNS =
            List.of("source_type", "source_name", "source_partition", "source_position", "source_ts");
    /** Rows between deadline checks: a clock read per row would cost more than the row. */
    private static final int ROWS_PER_CLOCK_READ = 4096;

    private BronzeOverlap() {}

    /**
     * @param positions what the run reads, in words, e.g. "Kafka topic t from the earliest offsets"
     * @param complete  false when the budget ran out: {@code rows} is then a lower bound
     */
    public record Count(String table, long rows, boolean complete, String positions) {
        /** The warning for the console, or empty when bronze holds none of these positions. */
        public Optional<String> warning() {
            if (rows == 0) {
                return Optional.empty();
            }
            return Optional.of(String.format(
                    Locale.ROOT,
                    "Warning: %s already holds %s%,d rows from the positions this fresh"
                            + " start reads (%s); this run archives them a second time. To continue the job that wrote them,"
                            + " run with --resume latest and its --checkpoint-dir instead.",
                    table,
                    complete ? "" : "at least ",
                    rows,
                    positions));
        }
    }

    /** What a fresh start reads, as a bronze filter (prunes files) and an exact test per row. */
    record Positions(String description, Expression filter, Predicate<Record> matches) {}

    /** Empty when the run reads nothing bronze can hold yet (a start from the latest offsets) or bronze does not exist. */
    public static Optional<Count> count(JobConfig config, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        Catalog catalog = CatalogFactory.open(config.catalog());
        try {
            TableIdentifier bronze = new LakehouseTables(config.catalog()).identifier(LakehouseTable.RAW_EVENTS);
            if (!catalog.tableExists(bronze)) {
                return Optional.empty();
            }
            Table table = catalog.loadTable(bronze);
            if (table.currentSnapshot() == null) {
                return Optional.empty();
            }
            return positions(config, budget).map(p -> scan(table, bronze.toString(), p, deadline));
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    static Optional<Positions> positions(JobConfig config, Duration budget) {
        return switch (config.source().type()) {
            case CSV -> Optional.of(csv(config.source().csvPaths()));
            case KAFKA -> kafka(config.kafka(), budget);
            case KINESIS -> kinesis(config.kinesis());
        };
    }

    static Count scan(Table table, String name, Positions positions, long deadlineNanos) {
        long rows = 0;
        long seen = 0;
        try (CloseableIterable<Record> records = IcebergGenerics.read(table)
                .where(positions.filter())
                .select(SOURCE_COLUMNS)
                .build()) {
            for (Record record : records) {
                if (positions.matches().test(record)) {
                    rows++;
                }
                if (++seen % ROWS_PER_CLOCK_READ == 0 && System.nanoTime() > deadlineNanos) {
                    return new Count(name, rows, false, positions.description());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
        return new Count(name, rows, true, positions.description());
    }

    /** A fresh CSV run reads every file whole: every bronze row of those files is read again. */
    static Positions csv(List<String> paths) {
        Expression anyPath = Expressions.alwaysFalse();
        List<String> names = new ArrayList<>();
        for (String path : paths) {
            String name = CsvEventSource.sourceName(path);
            names.add(name);
            // A directory's files are named below it; a file's name is the name itself.
            anyPath = Expressions.or(
                    anyPath,
                    Expressions.or(
                            Expressions.equal("source_name", name), Expressions.startsWith("source_name", name + "/")));
        }
        return new Positions(
                "CSV " + String.join(", ", names),
                Expressions.and(Expressions.equal("source_type", CsvBulkFormat.SOURCE_TYPE), anyPath),
                record -> true);
    }

    static Optional<Positions> kinesis(KinesisConfig config) {
        Expression stream = Expressions.and(
                Expressions.equal("source_type", RawEventKinesisDeserializer.SOURCE_TYPE),
                Expressions.equal("source_name", config.stream()));
        return switch (config.initialPosition()) {
            case LATEST -> Optional.empty();
            // Rows older than the stream's retention are no longer readable: the count is an upper bound.
            case TRIM_HORIZON ->
                Optional.of(new Positions(
                        "Kinesis stream " + config.stream()
                                + " from TRIM_HORIZON, as far as the stream still retains them",
                        stream,
                        record -> true));
            case AT_TIMESTAMP -> {
                Instant from = Instant.ofEpochMilli(config.initialTimestamp());
                OffsetDateTime fromTs = from.atOffset(ZoneOffset.UTC);
                yield Optional.of(new Positions(
                        "Kinesis stream " + config.stream() + " from " + from,
                        Expressions.and(
                                stream, Expressions.greaterThanOrEqual("source_ts", from.toEpochMilli() * 1000)),
                        record -> record.getField("source_ts") != null
                                && !((OffsetDateTime) record.getField("source_ts")).isBefore(fromTs)));
            }
        };
    }

    /**
     * Asks the brokers where each partition's read starts, the way the source resolves kafka.starting-offsets on a
     * fresh start (a group without committed offsets starts from the earliest).
     */
    static Optional<Positions> kafka(KafkaConfig config, Duration timeout) {
        if (config.startingOffsets() == KafkaConfig.StartingOffsets.LATEST) {
            return Optional.empty();
        }
        Properties p = KafkaClientProperties.consumer(config);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<TopicPartition, Long> start;
        String topics;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, config, timeout);
            start = startOffsets(consumer, config, partitions, timeout);
            topics = config.topicPattern() != null
                    ? "Kafka topics matching " + config.topicPattern()
                    : "Kafka topic" + (config.topics().size() > 1 ? "s " : " ") + String.join(", ", config.topics());
        }
        Expression filter = Expressions.equal("source_type", RawEventKafkaDeserializer.SOURCE_TYPE);
        if (config.topicPattern() == null) {
            filter = Expressions.and(
                    filter, Expressions.in("source_name", config.topics().toArray()));
        }
        String from = config.startingOffsets().name().toLowerCase(Locale.ROOT);
        return Optional.of(new Positions(topics + " from the " + from + " offsets", filter, record -> {
            Long first = start.get(new TopicPartition((String) record.getField("source_name"), Integer.parseInt((String)
                    record.getField("source_partition"))));
            return first != null && Long.parseLong((String) record.getField("source_position")) >= first;
        }));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, KafkaConfig config, Duration timeout) {
        Map<String, List<PartitionInfo>> byTopic = new HashMap<>();
        if (config.topicPattern() != null) {
            Pattern pattern = Pattern.compile(config.topicPattern());
            consumer.listTopics(timeout).forEach((topic, infos) -> {
                if (pattern.matcher(topic).matches()) {
                    byTopic.put(topic, infos);
                }
            });
        } else {
            for (String topic : config.topics()) {
                byTopic.put(topic, consumer.partitionsFor(topic, timeout));
            }
        }
        List<TopicPartition> partitions = new ArrayList<>();
        byTopic.values()
                .forEach(infos -> infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition()))));
        return partitions;
    }

    private static Map<TopicPartition, Long> startOffsets(
            KafkaConsumer<?, ?> consumer, KafkaConfig config, Collection<TopicPartition> partitions, Duration timeout) {
        Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> start = new HashMap<>(earliest);
        switch (config.startingOffsets()) {
            case EARLIEST, LATEST -> {}
            case COMMITTED -> {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), timeout);
                committed.forEach((tp, offset) -> {
                    if (offset != null) {
                        start.put(tp, offset.offset());
                    }
                });
            }
            case TIMESTAMP -> {
                Map<TopicPartition, Long> at = new HashMap<>();
                partitions.forEach(tp -> at.put(tp, config.startingTimestamp()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at, timeout);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
                // No message at or after the timestamp: the read starts at the end, like the source's initializer.
                partitions.forEach(tp ->
                        start.put(tp, found.get(tp) != null ? found.get(tp).offset() : end.get(tp)));
            }
        }
        return start;
    }
}
