package org.requestslakehouse.dashboard;

/** A request the API refuses, with the HTTP status and a message that is safe to show the client. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    private ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "Method " + method + " is not allowed; use GET");
    }

    public int status() {
        return status;
    }
}
