package org.requestslakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.sources.KafkaClientProperties;

/**
 * Every setting the job reads, each with an invalid value: the job refuses it before it starts, and the message
 * names the key and the form expected. "Before it starts" means loading the configuration plus the start-up
 * steps that need no network (catalog properties, Kafka client properties with the environment's secrets);
 * reachability is checked by the preflights (see {@code CatalogPreflightTest}, {@code KafkaPreflightTest},
 * {@code KinesisPreflightIT}). {@link #everySettingIsCovered()} fails when a setting is added without a case here.
 */
class ConfigValidationTest {
    /** The process environment the Kafka secrets are read from in these cases. */
    private static final Map<String, String> ENVIRONMENT = Map.of("KAFKA_PASSWORD", "secret");

    /** Settings whose every value is valid: names chosen by the operator. */
    private static final Set<String> FREE_FORM = Set.of(
            "kafka.group-id", // any string is a consumer group
            "kafka.sasl.username", // any string is a user name
            "catalog.jdbc.user", // any string is a user name
            "job.checkpoint-dir", // created on the first checkpoint
            "maintenance.slot-sharing-group", // any string names a slot sharing group
            "maintenance.lock.jdbc.user", // any string is a user name
            "catalog.property.*"); // Iceberg's own properties; a wrong one fails opening the catalog, in
    // CatalogPreflight

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid(
                        "source.type",
                        "files",
                        "Invalid value 'files' for source.type: expected one of csv, kafka, kinesis"),
                invalid(
                        "source.csv.paths",
                        " , ",
                        "Missing required setting source.csv.paths: expected one or more CSV files or"
                                + " directories (comma-separated) when source.type=csv",
                        "source.type",
                        "csv"),
                invalid(
                        "kafka.bootstrap-servers",
                        "localhost",
                        "Invalid value 'localhost' for kafka.bootstrap-servers: expected"
                                + " host:port[,host:port...] with ports 1 to 65535"),
                invalid(
                        "kafka.bootstrap-servers",
                        "b-1:9092,b-2:99999",
                        "Invalid value 'b-1:9092,b-2:99999' for"
                                + " kafka.bootstrap-servers: expected host:port[,host:port...] with ports 1 to 65535"),
                invalid(
                        "kafka.topics",
                        "service requests",
                        "Invalid value 'service requests' for kafka.topics: expected"
                                + " comma-separated topic names of 1 to 249 letters, digits, '.', '_' or '-'"),
                invalid(
                        "kafka.topic-pattern",
                        "requests-(.*",
                        "Invalid value 'requests-(.*' for kafka.topic-pattern: expected"
                                + " a Java regular expression such as service-requests-.* (Unclosed group)"),
                invalid(
                        "kafka.starting-offsets",
                        "yesterday",
                        "Invalid value 'yesterday' for kafka.starting-offsets: expected"
                                + " one of earliest, latest, timestamp, committed"),
                invalid(
                        "kafka.starting-timestamp",
                        "-5",
                        "Invalid value '-5' for kafka.starting-timestamp: expected a whole"
                                + " number between 0 and 9223372036854775807",
                        "kafka.starting-offsets",
                        "timestamp"),
                invalid(
                        "kafka.starting-timestamp",
                        "1714566600000",
                        "Invalid value 'earliest' for kafka.starting-offsets:"
                                + " expected timestamp when kafka.starting-timestamp is set"),
                invalid(
                        "kafka.bounded",
                        "sometimes",
                        "Invalid value 'sometimes' for kafka.bounded: expected true or false"),
                invalid(
                        "kafka.security.protocol",
                        "TLS",
                        "Invalid value 'TLS' for kafka.security.protocol: expected one of"
                                + " PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL"),
                invalid(
                        "kafka.sasl.mechanism",
                        "KERBEROS",
                        "Invalid value 'KERBEROS' for kafka.sasl.mechanism: expected one"
                                + " of SCRAM-SHA-256, SCRAM-SHA-512, PLAIN, AWS_MSK_IAM",
                        "kafka.security.protocol",
                        "SASL_SSL"),
                invalid(
                        "kafka.sasl.password-env",
                        "NO_SUCH_VARIABLE",
                        "Environment variable NO_SUCH_VARIABLE named by"
                                + " kafka.sasl.password-env is not set; it must hold the password",
                        "kafka.security.protocol",
                        "SASL_SSL",
                        "kafka.sasl.mechanism",
                        "SCRAM-SHA-512",
                        "kafka.sasl.username",
                        "etl"),
                invalid(
                        "kafka.ssl.truststore-location",
                        "/etc/kafka/truststore.jks",
                        "Invalid value 'PLAINTEXT' for"
                                + " kafka.security.protocol: expected SSL or SASL_SSL when kafka.ssl.truststore-location is set"
                                + " (a truststore is only used for TLS)"),
                invalid(
                        "kafka.ssl.truststore-password-env",
                        "NO_SUCH_VARIABLE",
                        "Environment variable NO_SUCH_VARIABLE named"
                                + " by kafka.ssl.truststore-password-env is not set; it must hold the password",
                        "kafka.security.protocol",
                        "SSL",
                        "kafka.ssl.truststore-location",
                        "/etc/kafka/truststore.jks"),
                invalid(
                        "kafka.property.max.poll.records",
                        "many",
                        "Invalid value 'many' for kafka.property.max.poll.records:"
                                + " expected a valid value for the Kafka consumer property max.poll.records (Invalid value many for"
                                + " configuration max.poll.records: Not a number of type INT)"),
                invalid(
                        "kafka.property.isolation.level",
                        "dirty",
                        "Invalid value 'dirty' for kafka.property.isolation.level:"
                                + " expected a valid value for the Kafka consumer property isolation.level (Invalid value dirty for"
                                + " configuration isolation.level: String must be one of: read_committed, read_uncommitted)"),
                invalid(
                        "kafka.property.group.id",
                        "other",
                        "kafka.property.group.id contradicts kafka.group-id; set it there instead"),
                invalid(
                        "kinesis.stream",
                        "has space",
                        "Invalid value 'has space' for kinesis.stream: expected a stream name of"
                                + " 1 to 128 letters, digits, '_', '.' or '-', or a stream ARN"),
                invalid(
                        "kinesis.region",
                        "Europe",
                        "Invalid value 'Europe' for kinesis.region: expected an AWS region such as eu-west-1"),
                invalid(
                        "kinesis.endpoint",
                        "localhost:4567",
                        "Invalid value 'localhost:4567' for kinesis.endpoint: expected an"
                                + " http:// or https:// URL such as http://localhost:4567"),
                invalid(
                        "kinesis.initial-position",
                        "earliest",
                        "Invalid value 'earliest' for kinesis.initial-position: expected"
                                + " one of trim-horizon, latest, at-timestamp"),
                invalid(
                        "kinesis.initial-timestamp",
                        "yesterday",
                        "Invalid value 'yesterday' for kinesis.initial-timestamp:"
                                + " expected epoch milliseconds or an ISO-8601 instant such as 2024-05-01T00:00:00Z",
                        "kinesis.initial-position",
                        "at-timestamp"),
                invalid("kinesis.efo", "yes", "Invalid value 'yes' for kinesis.efo: expected true or false"),
                invalid(
                        "kinesis.efo.consumer-name",
                        "bronze consumer",
                        "Invalid value 'bronze consumer' for"
                                + " kinesis.efo.consumer-name: expected 1 to 128 letters, digits, '_', '.' or '-'",
                        "kinesis.efo",
                        "true"),
                invalid(
                        "kinesis.property.aws.region",
                        "us-west-2",
                        "Setting kinesis.property.aws.region is not allowed: it is" + " controlled by kinesis.region"),
                invalid(
                        "catalog.type",
                        "oracle",
                        "Invalid value 'oracle' for catalog.type: expected one of hadoop, jdbc, glue, rest"),
                invalid(
                        "catalog.name",
                        "Lake-House",
                        "Invalid value 'Lake-House' for catalog.name: expected lower-case letters,"
                                + " digits and underscores, starting with a letter (Glue/Athena naming)"),
                invalid(
                        "catalog.warehouse",
                        "s3://bucket/wh",
                        "Invalid value 's3://bucket/wh' for catalog.warehouse: expected a"
                                + " local or HDFS directory when catalog.type=hadoop (use catalog.type=glue, jdbc or rest for S3)"),
                invalid(
                        "catalog.warehouse",
                        "/data/wh",
                        "Invalid value '/data/wh' for catalog.warehouse: expected an"
                                + " s3://bucket/prefix location when catalog.type=glue",
                        "catalog.type",
                        "glue"),
                invalid(
                        "catalog.jdbc.uri",
                        "sqlite:/tmp/c.db",
                        "Invalid value 'sqlite:/tmp/c.db' for catalog.jdbc.uri: expected"
                                + " a JDBC URL such as jdbc:sqlite:/path/catalog.db or jdbc:postgresql://host/db",
                        "catalog.type",
                        "jdbc"),
                invalid(
                        "catalog.jdbc.uri",
                        "jdbc:sqlite:/tmp/c.db",
                        "Invalid value 'jdbc:sqlite:/tmp/c.db' for"
                                + " catalog.jdbc.uri: expected no value unless catalog.type=jdbc (it is hadoop)"),
                invalid(
                        "catalog.jdbc.password-env",
                        "hunter2!",
                        "Invalid value '***' for catalog.jdbc.password-env: expected"
                                + " the name of an environment variable (letters, digits and '_', not starting with a digit), not"
                                + " the password itself",
                        "catalog.type",
                        "jdbc",
                        "catalog.jdbc.uri",
                        "jdbc:postgresql://db/iceberg"),
                invalid(
                        "catalog.rest.uri",
                        "localhost:8181",
                        "Invalid value 'localhost:8181' for catalog.rest.uri: expected an"
                                + " http:// or https:// URL such as http://localhost:8181",
                        "catalog.type",
                        "rest"),
                invalid(
                        "catalog.region",
                        "Europe",
                        "Invalid value 'Europe' for catalog.region: expected an AWS region such as eu-west-1"),
                invalid(
                        "catalog.glue.catalog-id",
                        "123456789012",
                        "Invalid value '123456789012' for catalog.glue.catalog-id:"
                                + " expected no value unless catalog.type=glue (it is hadoop)"),
                invalid(
                        "catalog.glue.lake-formation",
                        "maybe",
                        "Invalid value 'maybe' for catalog.glue.lake-formation: expected" + " true or false"),
                invalid(
                        "catalog.bronze-database",
                        "Bronze",
                        "Invalid value 'Bronze' for catalog.bronze-database: expected"
                                + " lower-case letters, digits and underscores, starting with a letter (Glue/Athena naming)"),
                invalid(
                        "catalog.silver-database",
                        "silver-db",
                        "Invalid value 'silver-db' for catalog.silver-database: expected"
                                + " lower-case letters, digits and underscores, starting with a letter (Glue/Athena naming)"),
                invalid(
                        "catalog.gold-database",
                        "1gold",
                        "Invalid value '1gold' for catalog.gold-database: expected"
                                + " lower-case letters, digits and underscores, starting with a letter (Glue/Athena naming)"),
                invalid(
                        "parse.time-zone",
                        "EST5",
                        "Invalid value 'EST5' for parse.time-zone: expected an IANA time-zone id"
                                + " such as America/New_York"),
                invalid(
                        "parse.city",
                        "chicago",
                        "Invalid value 'chicago' for parse.city: expected auto or one of [boston, nyc, open311]"),
                invalid(
                        "parse.city-profile",
                        "/nonexistent/city.json",
                        "Invalid parse.city-profile: city profile /nonexistent/city.json cannot be read:"
                                + " java.nio.file.NoSuchFileException: /nonexistent/city.json"),
                invalid(
                        "parse.max-payload-bytes",
                        "512",
                        "Invalid value '512' for parse.max-payload-bytes: expected a whole"
                                + " number between 1024 and 67108864"),
                invalid(
                        "job.checkpoint-interval",
                        "10 ms",
                        "Invalid value '10 ms' for job.checkpoint-interval: expected at least 100 ms"),
                invalid(
                        "job.resume",
                        "lastest",
                        "Invalid value 'lastest' for job.resume: expected latest, none (a fresh start),"
                                + " or the path of an existing checkpoint or savepoint (its directory or _metadata file)"),
                invalid(
                        "job.parallelism",
                        "0",
                        "Invalid value '0' for job.parallelism: expected a whole number between 1 and 1024"),
                invalid(
                        "job.state-ttl",
                        "forever",
                        "Invalid value 'forever' for job.state-ttl: expected a duration such as"
                                + " '10 s', '5 min' or '7 d'"),
                invalid("gold.enabled", "yes", "Invalid value 'yes' for gold.enabled: expected true or false"),
                invalid(
                        "gold.emit-interval",
                        "soon",
                        "Invalid value 'soon' for gold.emit-interval: expected a duration such as"
                                + " '10 s', '5 min' or '7 d'"),
                invalid(
                        "gold.out-of-orderness",
                        "-5 min",
                        "Invalid value '-5 min' for gold.out-of-orderness: expected a"
                                + " duration such as '10 s', '5 min' or '7 d'"),
                invalid(
                        "gold.idleness",
                        "0 s",
                        "Invalid value '0 s' for gold.idleness: expected a positive duration such as '1 min'"),
                invalid(
                        "gold.allowed-lateness",
                        "99999 d",
                        "Invalid value '99999 d' for gold.allowed-lateness: expected a"
                                + " duration from 0 s to 36500 d, such as '10 s' or '5 min'"),
                invalid(
                        "maintenance.enabled",
                        "on",
                        "Invalid value 'on' for maintenance.enabled: expected true or false"),
                invalid(
                        "maintenance.rate-limit",
                        "500 ms",
                        "Invalid value '500 ms' for maintenance.rate-limit: expected at least 1 s"),
                invalid(
                        "maintenance.parallelism",
                        "0",
                        "Invalid value '0' for maintenance.parallelism: expected a whole number"
                                + " between 1 and 1024"),
                invalid(
                        "maintenance.lock",
                        "zookeeper",
                        "Invalid value 'zookeeper' for maintenance.lock: expected one of" + " coordinator, jdbc"),
                invalid(
                        "maintenance.lock.jdbc.uri",
                        "jdbc:postgresql://db/locks",
                        "Invalid value 'jdbc:postgresql://db/locks'"
                                + " for maintenance.lock.jdbc.uri: expected no value unless maintenance.lock=jdbc (it is coordinator)"),
                invalid(
                        "maintenance.lock.jdbc.password-env",
                        "LOCK_DB_PASSWORD",
                        "Invalid value '***' for"
                                + " maintenance.lock.jdbc.password-env: expected no value unless maintenance.lock=jdbc (it is coordinator)"),
                invalid(
                        "maintenance.rewrite.commit-count",
                        "-1",
                        "Invalid value '-1' for maintenance.rewrite.commit-count:"
                                + " expected a whole number between 0 and 2147483647"),
                invalid(
                        "maintenance.rewrite.interval",
                        "hourly",
                        "Invalid value 'hourly' for maintenance.rewrite.interval:"
                                + " expected a duration such as '10 s', '5 min' or '7 d'"),
                invalid(
                        "maintenance.rewrite.target-file-size",
                        "1 kb",
                        "Invalid value '1 kb' for" + " maintenance.rewrite.target-file-size: expected at least 1 mb"),
                invalid(
                        "maintenance.rewrite.max-bytes",
                        "lots",
                        "Invalid value 'lots' for maintenance.rewrite.max-bytes:"
                                + " expected a size such as '128 mb' or '1 gb'"),
                invalid(
                        "maintenance.rewrite.delete-file-threshold",
                        "0",
                        "Invalid value '0' for"
                                + " maintenance.rewrite.delete-file-threshold: expected a whole number between 1 and 2147483647"),
                invalid(
                        "maintenance.expire-snapshots.commit-count",
                        "many",
                        "Invalid value 'many' for"
                                + " maintenance.expire-snapshots.commit-count: expected a whole number between 0 and 2147483647"),
                invalid(
                        "maintenance.expire-snapshots.interval",
                        "0 s",
                        "Invalid value '0' for"
                                + " maintenance.expire-snapshots.interval: expected a positive duration while"
                                + " maintenance.expire-snapshots.commit-count is 0: with both triggers off the task would never run"),
                invalid(
                        "maintenance.expire-snapshots.max-age",
                        "-1 h",
                        "Invalid value '-1 h' for"
                                + " maintenance.expire-snapshots.max-age: expected a duration such as '10 s', '5 min' or '7 d'"),
                invalid(
                        "maintenance.expire-snapshots.retain-last",
                        "1",
                        "Invalid value '1' for"
                                + " maintenance.expire-snapshots.retain-last: expected a whole number between 2 and 2147483647"),
                invalid(
                        "maintenance.delete-orphan-files.commit-count",
                        "1.5",
                        "Invalid value '1.5' for"
                                + " maintenance.delete-orphan-files.commit-count: expected a whole number between 0 and 2147483647"),
                invalid(
                        "maintenance.delete-orphan-files.interval",
                        "weekly",
                        "Invalid value 'weekly' for"
                                + " maintenance.delete-orphan-files.interval: expected a duration such as '10 s', '5 min' or '7 d'"),
                invalid(
                        "maintenance.delete-orphan-files.min-age",
                        "12 h",
                        "Invalid value '12 h' for"
                                + " maintenance.delete-orphan-files.min-age: expected at least 1 d: younger files may be written but"
                                + " not yet committed, and a restore commits them"),
                invalid(
                        "gold.emit-intervall",
                        "5 s",
                        "Unknown setting gold.emit-intervall: expected one of allowed-lateness,"
                                + " emit-interval, enabled, idleness, out-of-orderness (see docs/configuration.md)"),
                invalid(
                        "silver.anything",
                        "1",
                        "Unknown property group 'silver': expected one of [catalog, gold, job, kafka,"
                                + " kinesis, maintenance, parse, source]"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidSettings")
    void anInvalidSettingFailsBeforeTheJobStartsNamingTheKeyAndTheForm(
            String key, String value, Map<String, String> context, String message) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.type", "kafka");
        settings.putAll(context);
        settings.put(key, value);

        assertThatThrownBy(() -> startUpWithoutNetwork(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void theSameSettingsWithValidValuesStart() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.type", "kafka");
        settings.put("kafka.starting-offsets", "timestamp");
        settings.put("kafka.starting-timestamp", "1714566600000");
        settings.put("kafka.property.max.poll.records", "500");
        settings.put("kafka.property.isolation.level", "read_committed");
        settings.put("kafka.security.protocol", "SASL_SSL");
        settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
        settings.put("kafka.sasl.username", "etl");
        settings.put("kafka.sasl.password-env", "KAFKA_PASSWORD");
        settings.put("kafka.topic-pattern", "service-requests-.*");
        settings.put("gold.idleness", "1 ms");
        settings.put("gold.allowed-lateness", "36500 d");
        settings.put("catalog.type", "rest");
        settings.put("catalog.rest.uri", "https://catalog.example:8181/api");
        settings.put("catalog.region", "eu-west-1");

        JobConfig config = startUpWithoutNetwork(settings);

        assertThat(config.kafka().clientProperties()).containsEntry("isolation.level", "read_committed");
        assertThat(config.gold().allowedLateness().toDays()).isEqualTo(36_500);
    }

    @Test
    void everySettingIsCovered() {
        Set<String> covered = invalidSettings()
                .map(a -> coverageKey((String) a.get()[0]))
                .collect(Collectors.toCollection(TreeSet::new));
        covered.addAll(FREE_FORM);

        assertThat(covered).containsAll(SettingsTest.read());
    }

    /** What the job does with settings before it submits anything: load them, then derive client properties. */
    private static JobConfig startUpWithoutNetwork(Map<String, String> settings) {
        JobConfig config = ConfigLoader.load(null, settings);
        CatalogFactory.properties(config.catalog());
        KafkaClientProperties.consumer(config.kafka(), ENVIRONMENT::get);
        return config;
    }

    private static String coverageKey(String key) {
        int property = key.indexOf(".property.");
        return property < 0 ? key : key.substring(0, property) + ".property.*";
    }

    private static Arguments invalid(String key, String value, String message, String... context) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < context.length; i += 2) {
            settings.put(context[i], context[i + 1]);
        }
        return Arguments.of(key, value, settings, message);
    }
}
