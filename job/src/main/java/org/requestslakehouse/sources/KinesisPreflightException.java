package org.requestslakehouse.sources;

import org.requestslakehouse.config.Redaction;

/** The configured Kinesis stream cannot serve the job: unreachable endpoint, no credentials, no access, no stream. */
public class KinesisPreflightException extends RuntimeException {
    public KinesisPreflightException(String message, Throwable cause) {
        // The message quotes settings (URIs, endpoints) and driver errors, which may carry credentials.
        super(Redaction.text(message), cause);
    }
}
