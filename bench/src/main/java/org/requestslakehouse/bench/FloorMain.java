package org.requestslakehouse.bench;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.util.Collector;
import org.apache.iceberg.catalog.Catalog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectedEvent;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.parsing.ParseOutcome;
import org.requestslakehouse.parsing.RequestEventParser;
import org.requestslakehouse.sinks.iceberg.IcebergSinks;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import org.requestslakehouse.sinks.iceberg.RawEventConverter;
import org.requestslakehouse.sinks.iceberg.RejectedEventConverter;
import org.requestslakehouse.sinks.iceberg.ServiceRequestConverter;
import org.requestslakehouse.sources.RawEventKafkaDeserializer;

/**
 * The floor: the job's bronze and silver work with no framework, on one thread, in its own JVM. A plain Kafka
 * consumer reads the topic to its end; each record becomes a {@link RawEvent} through the job's deserializer, is
 * parsed, normalised and enriched by the job's parser and written through the job's converters to bronze, silver
 * (upserts by case) or the quarantine, and each table gets one commit at the end. What the job adds on top of this
 * (state per case, gold, checkpoints, the network between operators) is what the ratio to the floor measures.
 *
 * <p>Arguments: {@code <bootstrap servers> <topic> <warehouse>}. Announces {@code running} when it starts reading
 * and {@code finished <events>} after the commits (see {@link ChildSignals}).
 */
public final class FloorMain {
    private static final Duration POLL = Duration.ofMillis(500);

    private FloorMain() {}

    public static void main(String[] args) throws Exception {
        String bootstrapServers = args[0];
        String topic = args[1];
        JobConfig config = BenchConfigs.kafkaToWarehouse(bootstrapServers, topic, Paths.get(args[2]));
        // Creates the tables exactly as the job does.
        IcebergSinks.create(config.catalog());
        Catalog catalog = CatalogFactory.open(config.catalog());
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            LakehouseTables tables = new LakehouseTables(config.catalog());
            FloorTableWriter<RawEvent> bronze = new FloorTableWriter<>(
                    catalog, tables, new RawEventConverter(config.parse().forcedCity()));
            FloorTableWriter<ServiceRequest> silver =
                    new FloorTableWriter<>(catalog, tables, new ServiceRequestConverter());
            FloorTableWriter<RejectedEvent> rejected =
                    new FloorTableWriter<>(catalog, tables, new RejectedEventConverter());
            RequestEventParser parser = new RequestEventParser(config.parse());
            RawEventKafkaDeserializer deserializer = new RawEventKafkaDeserializer();
            LastEvent last = new LastEvent();

            Map<TopicPartition, Long> end = assignAll(consumer, topic);
            ChildSignals.announce("running", "");
            long events = 0;
            while (!reached(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    deserializer.deserialize(record, last);
                    RawEvent raw = last.event;
                    bronze.write(raw);
                    long now = System.currentTimeMillis();
                    ParseOutcome outcome = parser.parse(raw, now);
                    if (outcome.isAccepted()) {
                        silver.write(outcome.request());
                    } else {
                        rejected.write(RejectedEvent.of(raw, outcome.reason(), outcome.detail(), outcome.city(), now));
                    }
                    events++;
                }
            }
            bronze.commit();
            silver.commit();
            rejected.commit();
            ChildSignals.announce("finished", Long.toString(events));
        } finally {
            CatalogFactory.close(catalog);
        }
        ChildSignals.awaitStop();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Every partition from its first offset; returns where each ends now (nothing is produced any more). */
    private static Map<TopicPartition, Long> assignAll(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new HashMap<>(consumer.endOffsets(partitions));
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The deserializer's output for one record: it always emits exactly one event. */
    private static final class LastEvent implements Collector<RawEvent> {
        RawEvent event;

        @Override
        public void collect(RawEvent record) {
            event = record;
        }

        @Override
        public void close() {}
    }
}
