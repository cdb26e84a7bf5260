package org.requestslakehouse.metrics;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.MetricGroup;

/**
 * Where the job's own metrics are registered. Managed Service for Apache Flink sends to CloudWatch only the
 * metrics registered under a group named {@value #CLOUDWATCH_GROUP}, and turns every key/value group below it into
 * a CloudWatch dimension; locally the same group is part of the Prometheus metric name and key/value groups become
 * labels. One place, so every metric of the job reaches both and nobody forgets the group.
 */
public final class JobMetrics {
    /** The group name MSF forwards to CloudWatch (namespace {@code AWS/KinesisAnalytics}). */
    public static final String CLOUDWATCH_GROUP = "kinesisanalytics";

    private JobMetrics() {}

    public static MetricGroup of(RuntimeContext context) {
        return context.getMetricGroup().addGroup(CLOUDWATCH_GROUP);
    }
}
