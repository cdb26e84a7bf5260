package org.requestslakehouse.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Collects what an unbounded MiniCluster job emits, for tests that cancel the job once enough arrived. The sink
 * instance is serialised into the job; its id finds the shared list again inside the same JVM.
 */
public final class CollectingSink<T> implements Sink<T> {

    private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public CollectingSink() {
        RESULTS.put(id, new CopyOnWriteArrayList<>());
    }

    @SuppressWarnings("unchecked")
    public List<T> collected() {
        return (List<T>) (List<?>) RESULTS.get(id);
    }

    /** Frees the collected elements once the test is done with them. */
    public void clear() {
        RESULTS.remove(id);
    }

    @Override
    @Deprecated
    public SinkWriter<T> createWriter(InitContext context) {
        return new Writer<>(RESULTS.get(id));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(RESULTS.get(id));
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final List<Object> target;

        Writer(List<Object> target) {
            this.target = target;
        }

        @Override
        public void write(T element, Context context) {
            target.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    }
}
