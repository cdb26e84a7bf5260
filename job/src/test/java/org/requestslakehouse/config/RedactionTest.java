package org.requestslakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.requestslakehouse.catalog.CatalogPreflightException;
import org.requestslakehouse.sources.KafkaPreflightException;
import org.requestslakehouse.sources.KinesisPreflightException;

class RedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://etl:hunter2@db.example:5432/catalog | jdbc:postgresql://etl:***@db.example:5432/catalog",
                "jdbc:postgresql://etl:p@ss:w0rd@db/catalog           | jdbc:postgresql://etl:***@db/catalog",
                "jdbc:postgresql://db/catalog?user=etl&password=hunter2&ssl=true | jdbc:postgresql://db/catalog?user=etl&password=***&ssl=true",
                "jdbc:sqlserver://db:1433;user=etl;Password=hunter2     | jdbc:sqlserver://db:1433;user=etl;Password=***",
                "https://catalog.example/api?access_token=abc.def&x=1   | https://catalog.example/api?access_token=***&x=1",
                "s3a://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI@bucket/wh     | s3a://AKIA***:***@bucket/wh",
                "key AKIAIOSFODNN7EXAMPLE was refused                   | key AKIA*** was refused",
                "ScramLoginModule required username=\"u\" password=\"a\\\"b\";  | ScramLoginModule required username=\"u\" password=\"***\";",
            })
    void credentialsInsideTextAreMasked(String raw, String shown) {
        assertThat(Redaction.text(raw)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://localhost:8181/api",
                "jdbc:sqlite:/tmp/warehouse/catalog.db",
                "kafka.bootstrap-servers=b-1:9092,b-2:9092",
                "Environment variable KAFKA_PASSWORD named by kafka.sasl.password-env is not set; it must hold the password",
                "s3://bucket/prefix",
            })
    void textWithoutCredentialsIsUnchanged(String text) {
        assertThat(Redaction.text(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "catalog.property.jdbc.password, true",
        "kafka.property.ssl.truststore.password, true",
        "kafka.sasl.password-env, true",
        "catalog.property.s3.secret-access-key, true",
        "catalog.property.token, true",
        "kafka.property.sasl.jaas.config, true",
        "catalog.jdbc.uri, false",
        "kafka.sasl.username, false",
    })
    void passwordLikeKeysAreRecognised(String key, boolean secret) {
        assertThat(Redaction.isSecretKey(key)).isEqualTo(secret);
    }

    @Test
    void configErrorsMaskValuesOfPasswordLikeKeysAndCredentialsInUris() {
        assertThat(ConfigException.invalid("kafka.property.ssl.key.password", "hunter2", "a string")
                        .getMessage())
                .isEqualTo("Invalid value '***' for kafka.property.ssl.key.password: expected a string");
        assertThat(ConfigException.invalid("catalog.jdbc.uri", "postgresql://etl:hunter2@db/c", "a JDBC URL")
                        .getMessage())
                .isEqualTo("Invalid value 'postgresql://etl:***@db/c' for catalog.jdbc.uri: expected a JDBC URL");
        assertThat(new ConfigException("cannot open jdbc:mysql://db/c?password=hunter2").getMessage())
                .isEqualTo("cannot open jdbc:mysql://db/c?password=***");
    }

    @Test
    void preflightErrorsMaskCredentials() {
        String raw = "The Iceberg JDBC catalog at catalog.jdbc.uri=jdbc:postgresql://etl:hunter2@db/c failed: timeout";
        String shown = "The Iceberg JDBC catalog at catalog.jdbc.uri=jdbc:postgresql://etl:***@db/c failed: timeout";

        assertThat(new CatalogPreflightException(raw, null).getMessage()).isEqualTo(shown);
        assertThat(new KafkaPreflightException(raw, null).getMessage()).isEqualTo(shown);
        assertThat(new KinesisPreflightException(raw, null).getMessage()).isEqualTo(shown);
    }
}
