package org.requestslakehouse.reliability;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * An identity map at a named place of the topology that fails when {@link Faults} has a fault due there: on a
 * record ({@link FaultKind#TASK_EXCEPTION}) or while the checkpoint is taken ({@link FaultKind#CHECKPOINT_FAILURE},
 * {@link FaultKind#CHECKPOINT_EXPIRY}).
 * It runs at the parallelism of its input, so it chains to the operator before it: a fault here fails that
 * operator's task, exactly as an exception inside the operator would, without a test hook in production code.
 */
final class FaultPoint<T> extends RichMapFunction<T, T> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final boolean countsProgress;

    private FaultPoint(String location, boolean countsProgress) {
        this.location = location;
        this.countsProgress = countsProgress;
    }

    /** A fault point right after the source, which also counts the records that left it. */
    static <T> DataStream<T> afterSource(DataStream<T> source) {
        return insert(source, new FaultPoint<>(FaultLocations.AFTER_SOURCE, true));
    }

    static <T> DataStream<T> before(String location, DataStream<T> input) {
        return insert(input, new FaultPoint<>(location, false));
    }

    private static <T> DataStream<T> insert(DataStream<T> input, FaultPoint<T> point) {
        return input.map(point)
                .returns(input.getType())
                .name("fault-point-" + point.location)
                .uid("fault-point-" + point.location)
                .setParallelism(input.getParallelism());
    }

    @Override
    public T map(T value) {
        if (countsProgress) {
            Faults.recordLeftSource();
        }
        Faults.onRecord(location);
        return value;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws InterruptedException {
        Faults.onSnapshot(location, context.getCheckpointId());
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        // Stateless: only its snapshotState call matters.
    }
}
