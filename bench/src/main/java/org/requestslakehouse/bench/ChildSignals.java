package org.requestslakehouse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * How a benchmark child tells its parent what it is doing: one line {@code @bench <event> <epoch millis> [detail]}
 * on standard output per event, with the child's own clock reading, so the parent's timing does not depend on how
 * fast it reads the pipe. The parent answers {@value #STOP} on standard input when it has taken its measurements,
 * so that the child is still alive (and its {@code /proc} entry readable) while it does.
 */
public final class ChildSignals {
    static final String PREFIX = "@bench ";
    static final String STOP = "stop";

    private ChildSignals() {}

    /** One announcement, parsed. */
    public record Signal(String event, long epochMillis, String detail) {
        static Signal parse(String line) {
            String[] parts = line.substring(PREFIX.length()).split(" ", 3);
            return new Signal(parts[0], Long.parseLong(parts[1]), parts.length > 2 ? parts[2] : "");
        }
    }

    public static void announce(String event, String detail) {
        System.out.println(PREFIX + event + " " + System.currentTimeMillis() + (detail.isEmpty() ? "" : " " + detail));
        System.out.flush();
    }

    /** Blocks until the parent says {@value #STOP} or closes standard input (it died). */
    public static void awaitStop() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().equals(STOP)) {
                return;
            }
        }
    }

    static boolean isSignal(String line, String event) {
        return line.startsWith(PREFIX + event + " ");
    }
}
