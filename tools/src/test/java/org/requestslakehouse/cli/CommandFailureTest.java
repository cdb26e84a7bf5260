package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.catalog.CatalogPreflightException;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.NotFoundException;
import org.requestslakehouse.sources.KafkaPreflightException;
import org.requestslakehouse.sources.KinesisPreflightException;

class CommandFailureTest {

    @Test
    void aNotFoundInputOrTableExitsThreeWithItsOwnMessage() {
        assertThat(CommandFailure.of(new NotFoundException("Input x.csv does not exist")))
                .isEqualTo(new CommandFailure(ExitCodes.NOT_FOUND, "Input x.csv does not exist"));
    }

    @Test
    void aConfigurationMistakeInsideAJobFailureExitsTwo() {
        Exception wrapped = new JobExecutionException(
                null,
                "Job execution failed.",
                new RuntimeException(
                        "task failed", ConfigException.missing("kafka.sasl.password-env", "a variable name")));
        assertThat(CommandFailure.of(wrapped))
                .isEqualTo(
                        new CommandFailure(
                                ExitCodes.USAGE,
                                "Configuration error: Missing required setting kafka.sasl.password-env: expected a variable name"));
    }

    @Test
    void everyUnreachableServiceExitsFour() {
        assertThat(CommandFailure.of(
                        new KafkaPreflightException("Cannot reach Kafka at kafka.bootstrap-servers=b:9092", null)))
                .isEqualTo(new CommandFailure(
                        ExitCodes.UNREACHABLE, "Cannot reach Kafka at kafka.bootstrap-servers=b:9092"));
        assertThat(CommandFailure.of(
                                new KinesisPreflightException("Stream s named by kinesis.stream does not exist", null))
                        .exitCode())
                .isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(CommandFailure.of(new CatalogPreflightException("The Iceberg REST catalog failed", null))
                        .exitCode())
                .isEqualTo(ExitCodes.UNREACHABLE);
    }

    @Test
    void icebergsMissingTableSaysWhatToDo() {
        assertThat(CommandFailure.of(
                        new RuntimeException(new NoSuchTableException("Table does not exist: gold.sla_daily"))))
                .isEqualTo(new CommandFailure(
                        ExitCodes.NOT_FOUND,
                        "Table does not exist: gold.sla_daily:"
                                + " check --warehouse, or run the job there first (run or demo creates the tables)."));
    }

    @Test
    void anythingElseIsOneLineWithItsRootCause() {
        Exception failure = new JobExecutionException(
                null,
                "Job execution failed.\nmore detail",
                new IllegalStateException("outer", new java.io.IOException("disk full")));
        assertThat(CommandFailure.of(failure))
                .isEqualTo(new CommandFailure(ExitCodes.FAILED, "Job execution failed. (caused by disk full)"));
    }

    @Test
    void anUnrecognisedFailureQuotingCredentialsIsPrintedMasked() {
        CommandFailure failure = CommandFailure.of(
                new IllegalStateException("Cannot connect to jdbc:postgresql://etl:s3cret@db.example:5432/catalog"));
        assertThat(failure.message()).doesNotContain("s3cret").contains("db.example:5432/catalog");
        assertThat(failure.exitCode()).isEqualTo(ExitCodes.FAILED);
    }
}
