package org.requestslakehouse.gold.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.CharacterFilter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;

/**
 * A task metric group backed by a registry that records every metric a harness test's function registers, with
 * its full logical scope and variables, the way a reporter (Prometheus, CloudWatch on MSF) would see it.
 */
public final class InterceptedMetrics {
    /** One registration as a reporter sees it. */
    public record Registered(String scope, String name, Map<String, String> variables, Metric metric) {}

    private final List<Registered> registered = new CopyOnWriteArrayList<>();
    private final TaskMetricGroup task;

    public InterceptedMetrics() {
        TestingMetricRegistry registry = TestingMetricRegistry.builder()
                .setRegisterConsumer((metric, name, group) -> registered.add(new Registered(
                        group.getLogicalScope(CharacterFilter.NO_OP_FILTER, '.'),
                        name,
                        group.getAllVariables(),
                        metric)))
                .build();
        task = TaskManagerMetricGroup.createTaskManagerMetricGroup(registry, "localhost", ResourceID.generate())
                .addJob(new JobID(), "job")
                .addTask(ExecutionAttemptID.randomId(), "task");
    }

    /** The count of the only counter called {@code name}. */
    public long count(String name) {
        return ((Counter) only(name, Map.of()).metric()).getCount();
    }

    /** The count of the only counter called {@code name} whose variables include {@code <key>=value}. */
    public long count(String name, String key, String value) {
        return ((Counter) only(name, Map.of("<" + key + ">", value)).metric()).getCount();
    }

    public Object gaugeValue(String name) {
        return ((Gauge<?>) only(name, Map.of()).metric()).getValue();
    }

    /** The only registration called {@code name} with these variables, so a test also pins the scope. */
    public Registered only(String name, Map<String, String> variables) {
        List<Registered> matching = registered.stream()
                .filter(r -> r.name().equals(name) && r.variables().entrySet().containsAll(variables.entrySet()))
                .toList();
        if (matching.size() != 1) {
            throw new AssertionError(
                    matching.size() + " metrics named " + name + " with " + variables + " among " + registered);
        }
        return matching.get(0);
    }

    public MockEnvironment environment() {
        return new MockEnvironmentBuilder().setMetricGroup(task).build();
    }
}
