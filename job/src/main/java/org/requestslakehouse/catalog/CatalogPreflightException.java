package org.requestslakehouse.catalog;

import org.requestslakehouse.config.Redaction;

/** The configured catalog or its object store cannot serve the job: unreachable, refusing, or misconfigured. */
public class CatalogPreflightException extends RuntimeException {
    public CatalogPreflightException(String message, Throwable cause) {
        // The message quotes settings (URIs, endpoints) and driver errors, which may carry credentials.
        super(Redaction.text(message), cause);
    }
}
