package org.requestslakehouse.replay;

/** Where replayed events go. Sends may be asynchronous; {@link #flush} returns once everything sent is acknowledged. */
public interface EventPublisher extends AutoCloseable {
    /** @param partitionKey the case id: all events of one case go to one partition/shard, in order */
    void publish(String partitionKey, byte[] event) throws Exception;

    void flush() throws Exception;

    @Override
    void close() throws Exception;
}
