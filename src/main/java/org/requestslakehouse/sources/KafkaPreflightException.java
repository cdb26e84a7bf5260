package org.requestslakehouse.sources;

/** The configured Kafka cluster cannot serve the job: unreachable, rejecting the credentials, or missing topics. */
public class KafkaPreflightException extends RuntimeException {
    public KafkaPreflightException(String message, Throwable cause) {
        super(message, cause);
    }
}
