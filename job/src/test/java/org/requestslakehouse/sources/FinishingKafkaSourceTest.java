package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.sources.RecordingEnumeratorContext.Told;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.KafkaTestClient.Message;
import org.requestslakehouse.testing.KafkaTestConfigs;

/**
 * The connector's own Kafka enumerator, wrapped as {@link KafkaEventSource} ships it, against a real broker: what
 * each reader is told on a fresh start and after restores, and that unbounded reads keep the connector's
 * enumerator. The coordinator is {@link RecordingEnumeratorContext}, with two readers for a two-partition topic.
 */
class FinishingKafkaSourceTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final Told NO_MORE_SPLITS_0 = new Told(0, "no more splits");
    private static final Told NO_MORE_SPLITS_1 = new Told(1, "no more splits");

    /**
     * The defect this wrapper exists for (FLINK-31006, FLINK-33466). When a connector upgrade makes this fail, the
     * connector signals by itself and the wrapper can go.
     */
    @Test
    void theConnectorAloneNeverEndsABoundedReadRestoredWithEveryPartitionAssigned() throws Exception {
        String topic = topicWithMessages("restored-plain");
        RecordingEnumeratorContext<KafkaPartitionSplit> context = new RecordingEnumeratorContext<>(2);

        try (SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
                bounded(topic).unwrapped().restoreEnumerator(context, allAssigned(topic))) {
            startWithBothReaders(enumerator, context);
        }

        assertThat(context.told()).isEmpty();
    }

    @Test
    void aBoundedReadRestoredWithEveryPartitionAssignedTellsEveryReaderIncludingOneThatRegistersLater()
            throws Exception {
        String topic = topicWithMessages("restored-all-assigned");
        RecordingEnumeratorContext<KafkaPartitionSplit> context = new RecordingEnumeratorContext<>(2);

        try (SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
                bounded(topic).restoreEnumerator(context, allAssigned(topic))) {
            enumerator.start();
            context.register(0);
            enumerator.addReader(0);
            context.runAsyncCalls();
            assertThat(context.told()).containsExactly(NO_MORE_SPLITS_0);

            context.register(1);
            enumerator.addReader(1);

            assertThat(context.told()).containsExactly(NO_MORE_SPLITS_0, NO_MORE_SPLITS_1);
            assertThat(enumerator.snapshotState(3).assignedPartitions())
                    .isEqualTo(allAssigned(topic).assignedPartitions());
        }
    }

    @Test
    void aBoundedReadRestoredBeforeEveryPartitionWasAssignedHandsOutTheRestBeforeTheSignal() throws Exception {
        String topic = topicWithMessages("restored-half-assigned");
        RecordingEnumeratorContext<KafkaPartitionSplit> context = new RecordingEnumeratorContext<>(2);
        KafkaSourceEnumState halfAssigned = new KafkaSourceEnumState(
                Set.of(new TopicPartition(topic, 0)), Set.of(new TopicPartition(topic, 1)), true);

        try (SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
                bounded(topic).restoreEnumerator(context, halfAssigned)) {
            startWithBothReaders(enumerator, context);
        }

        List<Told> told = context.told();
        Told assignment = told.stream()
                .filter(t -> t.what().startsWith("assign"))
                .findFirst()
                .orElseThrow();
        assertThat(assignment.what()).isEqualTo("assign [" + topic + "-1]");
        assertThat(told).hasSize(3).containsOnlyOnce(NO_MORE_SPLITS_0, NO_MORE_SPLITS_1, assignment);
        assertThat(told.indexOf(assignment))
                .as("the split's owner hears of it before the end")
                .isLessThan(told.indexOf(new Told(assignment.subtask(), "no more splits")));
    }

    @Test
    void aFreshBoundedReadTellsEachReaderItsSplitThenTheEndOnce() throws Exception {
        String topic = topicWithMessages("fresh");
        RecordingEnumeratorContext<KafkaPartitionSplit> context = new RecordingEnumeratorContext<>(2);

        try (SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
                bounded(topic).createEnumerator(context)) {
            startWithBothReaders(enumerator, context);
        }

        Map<Integer, List<String>> perReader = new HashMap<>();
        context.told()
                .forEach(t -> perReader
                        .computeIfAbsent(t.subtask(), s -> new java.util.ArrayList<>())
                        .add(t.what()));
        assertThat(perReader.values())
                .as("the connector signals as well; each reader hears it once")
                .allSatisfy(what -> assertThat(what)
                        .hasSize(2)
                        .endsWith("no more splits")
                        .first()
                        .asString()
                        .startsWith("assign"));
        assertThat(perReader.values().stream().map(what -> what.get(0)))
                .containsExactlyInAnyOrder("assign [" + topic + "-0]", "assign [" + topic + "-1]");
    }

    @Test
    void anUnboundedReadKeepsTheConnectorsEnumeratorAndNeverSignals() throws Exception {
        String topic = topicWithMessages("unbounded");
        FinishingKafkaSource<RawEvent> source = KafkaEventSource.build(config(topic, false));
        RecordingEnumeratorContext<KafkaPartitionSplit> context = new RecordingEnumeratorContext<>(2);

        try (SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> fresh = source.createEnumerator(context);
                SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restored =
                        source.restoreEnumerator(context, allAssigned(topic))) {
            assertThat(fresh).isNotInstanceOf(NoMoreSplitsEnumerator.class);
            assertThat(restored).isNotInstanceOf(NoMoreSplitsEnumerator.class);
            startWithBothReaders(restored, context);
        }
        assertThat(context.toldNoMoreSplits()).isEmpty();
    }

    @Test
    void splitsAndCheckpointsAreTheConnectorsOwn() {
        FinishingKafkaSource<RawEvent> source = bounded("any");

        assertThat(source.getSplitSerializer())
                .isInstanceOf(source.unwrapped().getSplitSerializer().getClass());
        assertThat(source.getEnumeratorCheckpointSerializer())
                .isInstanceOf(
                        source.unwrapped().getEnumeratorCheckpointSerializer().getClass());
        assertThat(source.getEnumeratorCheckpointSerializer().getVersion())
                .isEqualTo(
                        source.unwrapped().getEnumeratorCheckpointSerializer().getVersion());
        assertThat(source.getProducedType()).isEqualTo(source.unwrapped().getProducedType());
    }

    private static void startWithBothReaders(
            SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator,
            RecordingEnumeratorContext<KafkaPartitionSplit> context) {
        enumerator.start();
        for (int subtask = 0; subtask < 2; subtask++) {
            context.register(subtask);
            enumerator.addReader(subtask);
        }
        context.runAsyncCalls();
    }

    private static KafkaSourceEnumState allAssigned(String topic) {
        return new KafkaSourceEnumState(
                Set.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)), Set.of(), true);
    }

    private static String topicWithMessages(String topic) {
        KAFKA.createTopic(topic, 2);
        KAFKA.produce(
                topic,
                List.of(new Message("a".getBytes(), "{}".getBytes()), new Message("b".getBytes(), "{}".getBytes())));
        return topic;
    }

    private static FinishingKafkaSource<RawEvent> bounded(String topic) {
        return KafkaEventSource.build(config(topic, true));
    }

    private static KafkaConfig config(String topic, boolean bounded) {
        return KafkaTestConfigs.fromSettings(Map.of(
                "bootstrap-servers", KAFKA.bootstrapServers(),
                "topics", topic,
                "bounded", String.valueOf(bounded)));
    }
}
