package org.requestslakehouse.catalog;

/** The configured catalog or its object store cannot serve the job: unreachable, refusing, or misconfigured. */
public class CatalogPreflightException extends RuntimeException {
    public CatalogPreflightException(String message, Throwable cause) {
        super(message, cause);
    }
}
