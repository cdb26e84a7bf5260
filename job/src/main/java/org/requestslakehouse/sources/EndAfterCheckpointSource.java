package org.requestslakehouse.sources;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded source whose readers end their input only once a checkpoint covers everything they read
 * ({@link EndAfterCheckpointReader}), so a run killed between Iceberg's end-of-input commit and the final
 * checkpoint re-reads nothing when it resumes. Enumerator, splits and serializers are the wrapped source's own, so
 * checkpoints restore across the wrapper (same operator uid). Use it only in a job that checkpoints.
 */
public final class EndAfterCheckpointSource<T, SplitT extends SourceSplit, EnumChkT>
        implements Source<T, SplitT, EnumChkT>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final Source<T, SplitT, EnumChkT> source;
    private final TypeInformation<T> producedType;

    public EndAfterCheckpointSource(Source<T, SplitT, EnumChkT> source, TypeInformation<T> producedType) {
        if (source.getBoundedness() != Boundedness.BOUNDED) {
            throw new IllegalArgumentException("only a bounded source has an end to hold back");
        }
        this.source = source;
        this.producedType = producedType;
    }

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> context) throws Exception {
        return source.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(
            SplitEnumeratorContext<SplitT> context, EnumChkT checkpoint) throws Exception {
        return source.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception {
        return new EndAfterCheckpointReader<>(source.createReader(readerContext));
    }

    @Override
    public SimpleVersionedSerializer<SplitT> getSplitSerializer() {
        return source.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return producedType;
    }
}
