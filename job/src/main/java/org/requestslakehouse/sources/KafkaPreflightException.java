package org.requestslakehouse.sources;

import org.requestslakehouse.config.Redaction;

/** The configured Kafka cluster cannot serve the job: unreachable, rejecting the credentials, or missing topics. */
public class KafkaPreflightException extends RuntimeException {
    public KafkaPreflightException(String message, Throwable cause) {
        // The message quotes settings (URIs, endpoints) and driver errors, which may carry credentials.
        super(Redaction.text(message), cause);
    }
}
