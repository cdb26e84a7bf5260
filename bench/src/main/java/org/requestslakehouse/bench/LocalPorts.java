package org.requestslakehouse.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free ports on localhost for the children's REST endpoints. */
final class LocalPorts {
    private LocalPorts() {}

    /**
     * A port free now. Another process could take it before the child binds it; the child would then fail to
     * start with a bind error naming the port, and the window is milliseconds.
     */
    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
