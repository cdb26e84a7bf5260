package org.requestslakehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.runtime.metrics.ReporterSetup;
import org.apache.flink.runtime.metrics.filter.MetricFilter;
import org.apache.flink.runtime.metrics.groups.FrontMetricGroup;
import org.apache.flink.runtime.metrics.groups.ReporterScopedSettings;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.junit.jupiter.api.Test;

/** The shipped flink-conf exposes metrics to this machine only, unless a user sets the reporter's host. */
class PrometheusReporterBindingTest {

    @Test
    void theShippedConfigurationServesPrometheusOnLoopbackOnly() throws Exception {
        Configuration conf = GlobalConfiguration.loadConfiguration("flink-conf");

        // The way Flink's metric registry finds and creates reporters, from the same file.
        List<ReporterSetup> reporters = ReporterSetup.fromConfiguration(conf, null);

        assertThat(reporters).extracting(ReporterSetup::getName).containsExactly("prom");
        MetricReporter reporter = reporters.get(0).getReporter();
        try {
            assertThat(reporter).isInstanceOf(LocalPrometheusReporterFactory.Reporter.class);
            LocalPrometheusReporterFactory.Reporter prometheus = (LocalPrometheusReporterFactory.Reporter) reporter;
            assertThat(prometheus.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(prometheus.address().getPort()).isBetween(9249, 9259);
            assertThat(scrape(prometheus, "localhost")).isEqualTo(200);
        } finally {
            reporter.close();
        }
    }

    @Test
    void aConfiguredHostIsUsedAndFlinksCollectorsAreServed() throws Exception {
        MetricConfig config = new MetricConfig();
        config.setProperty("host", "127.0.0.1");
        config.setProperty("port", "0");
        LocalPrometheusReporterFactory.Reporter reporter = (LocalPrometheusReporterFactory.Reporter)
                new LocalPrometheusReporterFactory().createMetricReporter(config);
        try {
            SimpleCounter counter = new SimpleCounter();
            counter.inc(7);
            // Reporters are handed front groups, which know the logical scope Prometheus names are made of.
            FrontMetricGroup<?> group = new FrontMetricGroup<>(
                    new ReporterScopedSettings(0, '.', MetricFilter.NO_OP_FILTER, Set.of(), Map.of()),
                    UnregisteredMetricGroups.createUnregisteredTaskManagerMetricGroup());
            reporter.notifyOfAddedMetric(counter, "eventsParsed", group);

            assertThat(reporter.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            HttpResponse<String> response = get(reporter, "127.0.0.1");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).containsPattern("(?m)^flink_.*eventsParsed\\{.*\\} 7\\.0$");
        } finally {
            reporter.close();
        }
    }

    private static int scrape(LocalPrometheusReporterFactory.Reporter reporter, String host) throws Exception {
        return get(reporter, host).statusCode();
    }

    private static HttpResponse<String> get(LocalPrometheusReporterFactory.Reporter reporter, String host)
            throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(
                HttpRequest.newBuilder(URI.create(
                                "http://" + host + ":" + reporter.address().getPort() + "/metrics"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
