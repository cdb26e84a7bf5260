package org.requestslakehouse.sinks.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpsertBundleOperatorTest {
    private static final RowType ROW = RowType.of(
            new LogicalType[] {
                new VarCharType(VarCharType.MAX_LENGTH), new BigIntType(), new VarCharType(VarCharType.MAX_LENGTH)
            },
            new String[] {"city", "request_id", "status"});

    private OneInputStreamOperatorTestHarness<RowData, RowData> harness;

    @AfterEach
    void tearDown() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void onlyEachKeysLastChangeGoesOnAndOnlyBeforeTheBarrier() throws Exception {
        start(100);
        process(insert("boston", 1, "OPEN"));
        process(insert("boston", 2, "OPEN"));
        process(insert("nyc", 1, "OPEN"));
        process(insert("boston", 1, "CLOSED"));

        assertThat(harness.extractOutputValues()).isEmpty();

        harness.prepareSnapshotPreBarrier(1);

        assertThat(output()).containsExactly("+I(boston,1,CLOSED)", "+I(boston,2,OPEN)", "+I(nyc,1,OPEN)");
    }

    @Test
    void aDeleteAfterAnInsertOfTheSameKeyLeavesTheDelete() throws Exception {
        start(100);
        process(insert("boston", 1, "OPEN"));
        process(delete("boston", 1));
        process(insert("boston", 3, "OPEN"));

        harness.prepareSnapshotPreBarrier(1);

        assertThat(output()).containsExactly("-D(boston,1,null)", "+I(boston,3,OPEN)");
    }

    @Test
    void eachCheckpointStartsAnEmptyBundleAndNothingIsInState() throws Exception {
        start(100);
        process(insert("boston", 1, "OPEN"));
        harness.prepareSnapshotPreBarrier(1);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        process(insert("boston", 1, "CLOSED"));
        harness.prepareSnapshotPreBarrier(2);
        harness.prepareSnapshotPreBarrier(3);

        assertThat(output()).containsExactly("+I(boston,1,OPEN)", "+I(boston,1,CLOSED)");
        assertThat(snapshot.getManagedKeyedState()).isEmpty();
        assertThat(snapshot.getManagedOperatorState()).isEmpty();
        assertThat(snapshot.getRawOperatorState()).isEmpty();
    }

    @Test
    void aFullBundleIsSentOnEarlyAndTheEndOfInputSendsTheRest() throws Exception {
        start(2);
        process(insert("boston", 1, "OPEN"));
        process(insert("boston", 1, "CLOSED"));
        assertThat(output()).as("one key held, the bundle is not full").isEmpty();
        process(insert("boston", 2, "OPEN"));
        assertThat(output()).containsExactly("+I(boston,1,CLOSED)", "+I(boston,2,OPEN)");
        process(insert("boston", 3, "OPEN"));

        harness.endInput();

        assertThat(output()).containsExactly("+I(boston,1,CLOSED)", "+I(boston,2,OPEN)", "+I(boston,3,OPEN)");
    }

    @Test
    void noChangeIsHeldLongerThanTheMaximumDelay() throws Exception {
        start(100);
        harness.setProcessingTime(1_000);
        process(insert("boston", 1, "OPEN"));
        process(insert("boston", 1, "CLOSED"));
        harness.setProcessingTime(1_000 + UpsertBundleOperator.MAX_DELAY_MILLIS - 1);
        assertThat(output()).isEmpty();

        harness.setProcessingTime(1_000 + UpsertBundleOperator.MAX_DELAY_MILLIS);

        assertThat(output()).containsExactly("+I(boston,1,CLOSED)");
        assertThat(harness.getProcessingTimeService().getNumActiveTimers()).isZero();
    }

    @Test
    void keyColumnsMustBeInTheRowAndTheBundleHoldAtLeastOneRow() {
        assertThatThrownBy(() -> new UpsertBundleOperator(ROW, List.of("case_id"), 10))
                .hasMessageContaining("no column case_id");
        assertThatThrownBy(() -> new UpsertBundleOperator(ROW, List.of("city"), 0))
                .hasMessageContaining("at least 1");
    }

    private void start(int maxRows) throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(
                new UpsertBundleOperator(ROW, List.of("city", "request_id"), maxRows));
        harness.open();
    }

    private void process(RowData row) throws Exception {
        harness.processElement(new StreamRecord<>(row));
    }

    private List<String> output() {
        return harness.extractOutputValues().stream().map(RowData::toString).toList();
    }

    private static RowData insert(String city, long id, String status) {
        return GenericRowData.ofKind(RowKind.INSERT, StringData.fromString(city), id, StringData.fromString(status));
    }

    private static RowData delete(String city, long id) {
        return GenericRowData.ofKind(RowKind.DELETE, StringData.fromString(city), id, null);
    }
}
