package org.requestslakehouse.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/**
 * The dashboard: the JDK's HTTP server on the loopback interface, serving the page and its JSON API from the
 * lakehouse tables, read through the catalog. Works against a warehouse a job is writing to at the same time.
 */
public final class DashboardServer implements AutoCloseable {
    /** A page refresh fires five requests at once; more threads than that would only contend on the caches. */
    private static final int THREADS = 4;

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final IcebergLakehouseView view;

    private DashboardServer(HttpServer server, ExecutorService executor, IcebergLakehouseView view) {
        this.server = server;
        this.executor = executor;
        this.view = view;
    }

    /**
     * @param port           0 for any free port
     * @param zone           the zone gold's days are counted in (parse.time-zone)
     * @param refreshSeconds how often the page reloads its data
     */
    public static DashboardServer start(CatalogConfig catalog, ZoneId zone, int port, int refreshSeconds) {
        // The JDK server sends a response's headers and body in separate writes; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK, about 40 ms on every response. Read once, when the
        // server's configuration class loads, so it must be set before the first server is created.
        System.getProperties().putIfAbsent(NO_DELAY, "true");
        IcebergLakehouseView view = new IcebergLakehouseView(catalog);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, new DashboardThreads());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            GoldQueries queries = new GoldQueries(view, zone, catalog, refreshSeconds);
            CaseLookup cases = new CaseLookup(
                    view.catalog(), new LakehouseTables(catalog).identifier(LakehouseTable.SERVICE_REQUESTS));
            server.createContext("/api/", new ApiHandler(queries, cases));
            server.createContext("/", new StaticAssets());
            server.setExecutor(executor);
            server.start();
            return new DashboardServer(server, executor, view);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            view.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot listen on localhost:" + port, io);
            }
            throw (RuntimeException) e;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url() {
        return URI.create("http://localhost:" + port() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        view.close();
    }

    /** Daemon threads: an open browser tab must not keep the JVM alive after the command is stopped. */
    private static final class DashboardThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "dashboard-http-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
