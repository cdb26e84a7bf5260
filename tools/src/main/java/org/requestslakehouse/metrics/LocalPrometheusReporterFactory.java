package org.requestslakehouse.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.Properties;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.prometheus.AbstractPrometheusReporter;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.util.NetUtils;

/**
 * Flink's Prometheus reporter with a {@code host} option. Flink 1.20's {@code PrometheusReporterFactory} has only
 * {@code port} and binds every interface, which on a laptop or a shared host publishes the job's metrics (table
 * names, rates, lag) to the network. This one binds {@code host} ({@value #DEFAULT_HOST} unless configured, e.g.
 * {@code metrics.reporter.prom.host: 0.0.0.0} for a scraper on another machine) and otherwise is Flink's reporter:
 * same metric names, same port-range option.
 */
public class LocalPrometheusReporterFactory implements MetricReporterFactory {

    public static final String ARG_HOST = "host";
    public static final String ARG_PORT = "port";
    public static final String DEFAULT_HOST = "localhost";
    public static final String DEFAULT_PORT = "9249";

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        MetricConfig config = (MetricConfig) properties;
        String host = config.getString(ARG_HOST, DEFAULT_HOST);
        return new Reporter(host, NetUtils.getPortRangeFromString(config.getString(ARG_PORT, DEFAULT_PORT)));
    }

    /** Flink's collectors and metric naming, served on {@code host}. */
    public static final class Reporter extends AbstractPrometheusReporter {

        private final HTTPServer server;
        private final InetSocketAddress address;

        Reporter(String host, Iterator<Integer> ports) {
            this.server = start(host, ports, registry(this));
            this.address = new InetSocketAddress(host, server.getPort());
            log.info("Started Prometheus reporter on {}", address);
        }

        private static HTTPServer start(String host, Iterator<Integer> ports, CollectorRegistry registry) {
            while (ports.hasNext()) {
                try {
                    return new HTTPServer(new InetSocketAddress(host, ports.next()), registry);
                } catch (IOException taken) {
                    // try the next port of the range, as Flink's reporter does
                }
            }
            throw new IllegalStateException("Could not start the Prometheus reporter on " + host
                    + " at any port of metrics.reporter.<name>." + ARG_PORT);
        }

        /** Where the scrape endpoint listens. */
        public InetSocketAddress address() {
            return address;
        }

        @Override
        public void close() {
            server.stop();
            super.close();
        }

        /**
         * The registry Flink's reporter fills is package-private; reading it keeps Flink's collectors rather than a
         * copy of them. ReporterBindingTest fails if a Flink upgrade renames it.
         */
        private static CollectorRegistry registry(AbstractPrometheusReporter reporter) {
            try {
                Field field = AbstractPrometheusReporter.class.getDeclaredField("registry");
                field.setAccessible(true);
                return (CollectorRegistry) field.get(reporter);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("This Flink version's Prometheus reporter has no registry field", e);
            }
        }
    }
}
