package org.requestslakehouse.replay;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** JSON lines to stdout or a file: for inspecting what a replay would send, or feeding another tool. */
public final class StreamEventPublisher implements EventPublisher {
    private final OutputStream out;
    private final boolean closeUnderlying;

    public StreamEventPublisher(OutputStream out, boolean closeUnderlying) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.closeUnderlying = closeUnderlying;
    }

    @Override
    public void publish(String partitionKey, byte[] event) throws IOException {
        out.write(event);
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
        if (closeUnderlying) {
            out.close();
        }
    }
}
