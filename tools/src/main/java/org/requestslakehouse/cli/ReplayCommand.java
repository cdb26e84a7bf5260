package org.requestslakehouse.cli;

import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.requestslakehouse.config.KafkaSettings;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.config.ParseSettings;
import org.requestslakehouse.progress.ProgressReporter;
import org.requestslakehouse.replay.EventPublisher;
import org.requestslakehouse.replay.KafkaEventPublisher;
import org.requestslakehouse.replay.KinesisEventPublisher;
import org.requestslakehouse.replay.Pacer;
import org.requestslakehouse.replay.PacingClock;
import org.requestslakehouse.replay.ReplayEventStream;
import org.requestslakehouse.replay.ReplayFilter;
import org.requestslakehouse.replay.ReplayInputs;
import org.requestslakehouse.replay.ReplayMode;
import org.requestslakehouse.replay.Replayer;
import org.requestslakehouse.replay.StreamEventPublisher;
import org.requestslakehouse.sources.KinesisClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The client that reads historical CSV and Open311 JSON files and sends each row or element as a request event,
 * paced like the original stream.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replay 311 CSV files (any known layout) or Open311 requests.json files (.gz too) as request events.",
            "Each event's partition key is its case id, so one case's events stay in order."
        })
public class ReplayCommand implements Callable<Integer> {

    enum Sink {
        KAFKA,
        KINESIS,
        STDOUT,
        FILE
    }

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE_OR_DIR",
            description = "CSV or JSON files (the format is told by content) or directories (searched recursively for"
                    + " .csv, .json and their .gz).")
    List<Path> inputs = new ArrayList<>();

    @Option(
            names = "--sink",
            paramLabel = "SINK",
            description = "kafka, kinesis, stdout or file. Default: ${DEFAULT-VALUE}.",
            converter = SinkConverter.class)
    Sink sink = Sink.KAFKA;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "Kafka brokers. Default: ${DEFAULT-VALUE}.")
    String bootstrapServers = KafkaSettings.DEFAULT_BOOTSTRAP_SERVERS;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Kafka topic. Default: ${DEFAULT-VALUE}.")
    String topic = KafkaSettings.DEFAULT_TOPIC;

    @Option(names = "--stream", paramLabel = "NAME", description = "Kinesis stream name.")
    String stream;

    @Option(names = "--region", paramLabel = "REGION", description = "Kinesis region, e.g. us-east-1.")
    String region;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "Kinesis endpoint override, e.g. http://localhost:4567 for kinesalite.")
    String endpoint;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file for --sink file (JSON lines).")
    Path out;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description =
                    "snapshot (one event per row, file order) or lifecycle (OPENED and CLOSED events, event-time order). Default: ${DEFAULT-VALUE}.",
            converter = ModeConverter.class)
    ReplayMode mode = ReplayMode.SNAPSHOT;

    @Option(
            names = "--speedup",
            paramLabel = "N",
            description =
                    "Event-time pacing: N seconds of history per second (0 = as fast as possible). Default: ${DEFAULT-VALUE}.")
    double speedup = 0;

    @Option(
            names = "--rate",
            paramLabel = "N",
            description = "At most N events per second (0 = unlimited). Default: ${DEFAULT-VALUE}.")
    double rate = 0;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "Stop after N events (0 = all). Default: ${DEFAULT-VALUE}.")
    long limit = 0;

    @Option(
            names = "--from",
            paramLabel = "YYYY-MM-DD",
            description = "Only cases opened on or after this Boston-local date.")
    LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "YYYY-MM-DD",
            description = "Only cases opened on or before this Boston-local date.")
    LocalDate to;

    @Option(names = "--today", description = "Only cases opened on today's month and day, in any year.")
    boolean today;

    @Option(
            names = "--loop",
            description = "Start again at the end (until --limit or Ctrl-C). Replays are idempotent in silver.")
    boolean loop;

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            description = "Zone of the files' local times. Default: ${DEFAULT-VALUE}.")
    String timeZone = ParseSettings.TIME_ZONE.defaultValue();

    @Override
    public Integer call() throws Exception {
        if (speedup < 0 || rate < 0 || limit < 0) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--speedup, --rate and --limit must not be negative");
        }
        List<Path> files = ReplayInputs.expand(inputs);
        ParseConfig parse = new ParseConfig(timeZone, ParseSettings.MAX_PAYLOAD_BYTES.defaultValue());
        ReplayFilter filter = new ReplayFilter(from, to, today ? MonthDay.now(ZoneId.of(timeZone)) : null);
        ProgressReporter progress = ProgressReporter.forConsole("replay", "events", limit > 0 ? limit : -1);
        try (EventPublisher publisher = openPublisher()) {
            Replayer replayer = new Replayer(new Pacer(PacingClock.SYSTEM, speedup, rate), publisher, limit, loop);
            replayer.run(() -> new ReplayEventStream(files, mode, filter, parse), progress);
        }
        return 0;
    }

    private EventPublisher openPublisher() throws Exception {
        switch (sink) {
            case KAFKA:
                return new KafkaEventPublisher(bootstrapServers, topic, new Properties());
            case KINESIS:
                if (stream == null || region == null) {
                    throw new picocli.CommandLine.ParameterException(
                            new picocli.CommandLine(this), "--sink kinesis needs --stream and --region");
                }
                if (endpoint != null) {
                    // Local Kinesis-compatible servers (kinesalite) speak only the JSON protocol.
                    KinesisClients.useJsonProtocol();
                }
                return new KinesisEventPublisher(stream, region, endpoint);
            case STDOUT:
                return new StreamEventPublisher(System.out, false);
            case FILE:
                if (out == null) {
                    throw new picocli.CommandLine.ParameterException(
                            new picocli.CommandLine(this), "--sink file needs --out FILE");
                }
                return new StreamEventPublisher(new FileOutputStream(out.toFile()), true);
            default:
                throw new IllegalStateException("Unhandled sink " + sink);
        }
    }

    static final class SinkConverter implements picocli.CommandLine.ITypeConverter<Sink> {
        @Override
        public Sink convert(String value) {
            return Sink.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<ReplayMode> {
        @Override
        public ReplayMode convert(String value) {
            return ReplayMode.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
