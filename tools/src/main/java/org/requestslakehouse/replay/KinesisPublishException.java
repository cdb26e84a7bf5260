package org.requestslakehouse.replay;

import java.io.IOException;

/** Events could not be written to Kinesis; the replay must not report success. */
public class KinesisPublishException extends IOException {
    public KinesisPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
