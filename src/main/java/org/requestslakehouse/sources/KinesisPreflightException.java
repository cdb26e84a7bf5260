package org.requestslakehouse.sources;

/** The configured Kinesis stream cannot serve the job: unreachable endpoint, no credentials, no access, no stream. */
public class KinesisPreflightException extends RuntimeException {
    public KinesisPreflightException(String message, Throwable cause) {
        super(message, cause);
    }
}
