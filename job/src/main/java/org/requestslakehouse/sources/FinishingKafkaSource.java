package org.requestslakehouse.sources;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.lineage.LineageVertex;
import org.apache.flink.streaming.api.lineage.LineageVertexProvider;

/**
 * A {@link KafkaSource} whose bounded reads end after a restore too, and end safely: its enumerator is wrapped in
 * {@link NoMoreSplitsEnumerator}, and in a checkpointed job its readers in {@link EndAfterCheckpointReader}. Splits,
 * reader state and both serializers are the Kafka source's own, so a checkpoint of a job that used the plain
 * source restores into this one (same operator uid) and back. Unbounded sources are the connector's, unchanged.
 */
public final class FinishingKafkaSource<T>
        implements Source<T, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<T>, LineageVertexProvider {
    private static final long serialVersionUID = 1L;

    private final KafkaSource<T> source;
    private final boolean checkpointed;

    /** {@code checkpointed}: the job takes checkpoints, so a bounded read may wait for one before it ends. */
    public FinishingKafkaSource(KafkaSource<T> source, boolean checkpointed) {
        this.source = source;
        this.checkpointed = checkpointed;
    }

    /** The connector's source as it is, to show in tests what the wrapper changes. */
    KafkaSource<T> unwrapped() {
        return source;
    }

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context) throws Exception {
        if (getBoundedness() != Boundedness.BOUNDED) {
            return source.createEnumerator(context);
        }
        return new NoMoreSplitsEnumerator<>(context, source::createEnumerator);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState state) throws Exception {
        if (getBoundedness() != Boundedness.BOUNDED) {
            return source.restoreEnumerator(context, state);
        }
        return new NoMoreSplitsEnumerator<>(context, wrapped -> source.restoreEnumerator(wrapped, state));
    }

    @Override
    public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext readerContext) throws Exception {
        SourceReader<T, KafkaPartitionSplit> reader = source.createReader(readerContext);
        return getBoundedness() == Boundedness.BOUNDED && checkpointed
                ? new EndAfterCheckpointReader<>(reader)
                : reader;
    }

    @Override
    public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
        return source.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return source.getProducedType();
    }

    @Override
    public LineageVertex getLineageVertex() {
        return source.getLineageVertex();
    }
}
