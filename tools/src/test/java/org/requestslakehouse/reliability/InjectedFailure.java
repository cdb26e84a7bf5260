package org.requestslakehouse.reliability;

/** Thrown where a planned {@link Fault} strikes, so logs and exception histories name what was injected. */
final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(Fault fault) {
        super("Injected failure: " + fault.kind() + (fault.target() == null ? "" : " at " + fault.target()));
    }
}
