package org.requestslakehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.util.InstantiationUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.PropertyGroup;

class CatalogFactoryTest {

    @TempDir
    Path tmp;

    @Test
    void hadoopMakesARelativeWarehouseAbsolute() {
        Map<String, String> p = CatalogFactory.properties(config("type", "hadoop", "warehouse", "./data/../wh"));
        assertThat(p)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "catalog-impl", "org.apache.iceberg.hadoop.HadoopCatalog",
                        "warehouse", Paths.get("wh").toAbsolutePath().toString(),
                        "lock-impl", JvmCommitLock.class.getName()));
    }

    @Test
    void hadoopKeepsALocationThatAlreadyHasAScheme() {
        assertThat(CatalogFactory.properties(config("warehouse", "file:/data/wh")))
                .containsEntry("warehouse", "file:/data/wh");
        assertThat(CatalogFactory.properties(config("warehouse", "hdfs://nn:8020/wh")))
                .containsEntry("warehouse", "hdfs://nn:8020/wh");
    }

    @Test
    void hadoopRefusesAnObjectStoreWarehouse() {
        assertThatThrownBy(() -> CatalogFactory.properties(config("type", "hadoop", "warehouse", "s3://bucket/wh")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("catalog.warehouse")
                .hasMessageContaining("use catalog.type=glue, jdbc or rest for S3");
    }

    @Test
    void jdbcPassesUriAndEnablesViewSchema() {
        Map<String, String> p = CatalogFactory.properties(
                config("type", "jdbc", "jdbc.uri", "jdbc:sqlite:/tmp/c.db", "warehouse", "/tmp/wh"));
        assertThat(p)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog",
                        "uri", "jdbc:sqlite:/tmp/c.db",
                        "warehouse", "/tmp/wh",
                        "jdbc.schema-version", "V1"));
    }

    @Test
    void jdbcWithAnS3WarehouseUsesS3FileIo() {
        Map<String, String> p = CatalogFactory.properties(config(
                "type",
                "jdbc",
                "jdbc.uri",
                "jdbc:postgresql://db/iceberg",
                "warehouse",
                "s3://bucket/wh",
                "region",
                "eu-west-1"));
        assertThat(p)
                .containsEntry("warehouse", "s3://bucket/wh")
                .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
                .containsEntry("client.region", "eu-west-1");
    }

    @Test
    void jdbcWithAnS3WarehouseReachesAnS3CompatibleServerThroughPassThroughProperties() {
        Map<String, String> p = CatalogFactory.properties(config(
                "type",
                "jdbc",
                "jdbc.uri",
                "jdbc:sqlite:/tmp/c.db",
                "warehouse",
                "s3://bucket/wh",
                "region",
                "us-east-1",
                "property.s3.endpoint",
                "http://127.0.0.1:9090",
                "property.s3.path-style-access",
                "true"));
        assertThat(p)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog",
                        "uri", "jdbc:sqlite:/tmp/c.db",
                        "warehouse", "s3://bucket/wh",
                        "jdbc.schema-version", "V1",
                        "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
                        "client.region", "us-east-1",
                        "s3.endpoint", "http://127.0.0.1:9090",
                        "s3.path-style-access", "true"));
    }

    @Test
    void glueProperties() {
        Map<String, String> p = CatalogFactory.properties(config(
                "type",
                "glue",
                "warehouse",
                "s3://bucket/wh",
                "region",
                "us-east-1",
                "glue.catalog-id",
                "123456789012"));
        assertThat(p)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog",
                        "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
                        "warehouse", "s3://bucket/wh",
                        "client.region", "us-east-1",
                        "glue.id", "123456789012"));
    }

    @Test
    void glueWithLakeFormationFillsRegionAndAccountFromConfig() {
        Map<String, String> p = CatalogFactory.properties(config(
                "type",
                "glue",
                "warehouse",
                "s3://bucket/wh",
                "region",
                "us-east-1",
                "glue.catalog-id",
                "123456789012",
                "glue.lake-formation",
                "true",
                "property.client.assume-role.arn",
                "arn:aws:iam::123456789012:role/flink",
                "property.client.assume-role.tags.LakeFormationAuthorizedCaller",
                "flink"));
        assertThat(p)
                .containsEntry("glue.lakeformation-enabled", "true")
                .containsEntry("client.assume-role.region", "us-east-1")
                .containsEntry("glue.account-id", "123456789012")
                .containsEntry("client.assume-role.arn", "arn:aws:iam::123456789012:role/flink");
    }

    @Test
    void glueWithLakeFormationNeedsTheAssumedRole() {
        assertThatThrownBy(() -> CatalogFactory.properties(config(
                        "type",
                        "glue",
                        "warehouse",
                        "s3://bucket/wh",
                        "region",
                        "us-east-1",
                        "glue.catalog-id",
                        "123456789012",
                        "glue.lake-formation",
                        "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required setting catalog.property.client.assume-role.arn: expected the IAM role"
                        + " the job assumes for Lake Formation when catalog.glue.lake-formation=true");
    }

    @Test
    void glueOnlySettingsAreRejectedForOtherCatalogs() {
        assertThatThrownBy(() -> CatalogFactory.properties(
                        config("type", "jdbc", "jdbc.uri", "jdbc:sqlite:c.db", "glue.lake-formation", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value 'true' for catalog.glue.lake-formation: expected false unless catalog.type=glue (it is jdbc)");
        assertThatThrownBy(() -> CatalogFactory.properties(config("glue.catalog-id", "123")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("catalog.glue.catalog-id");
    }

    @Test
    void restProperties() {
        Map<String, String> p = CatalogFactory.properties(
                config("type", "rest", "rest.uri", "http://rest:8181", "warehouse", "lakehouse"));
        assertThat(p)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "catalog-impl", "org.apache.iceberg.rest.RESTCatalog",
                        "uri", "http://rest:8181",
                        "warehouse", "lakehouse"));
        assertThat(CatalogFactory.properties(config("type", "rest", "rest.uri", "http://rest:8181")))
                .doesNotContainKey("warehouse");
    }

    @Test
    void passThroughPropertiesAreAddedAndWinOverDerivedOnes() {
        Map<String, String> p = CatalogFactory.properties(config(
                "type",
                "rest",
                "rest.uri",
                "http://rest:8181",
                "property.credential",
                "id:secret",
                "property.uri",
                "http://other:8181"));
        assertThat(p).containsEntry("credential", "id:secret").containsEntry("uri", "http://other:8181");
    }

    @Test
    void opensALiveHadoopCatalog() throws Exception {
        Catalog catalog =
                CatalogFactory.open(config("warehouse", tmp.resolve("wh").toString()));
        try {
            assertThat(catalog).isInstanceOf(HadoopCatalog.class);
            assertThat(catalog.name()).isEqualTo("lakehouse");
            ((SupportsNamespaces) catalog).createNamespace(Namespace.of("silver"));
            assertThat(tmp.resolve("wh/silver")).isDirectory();
        } finally {
            ((Closeable) catalog).close();
        }
    }

    @Test
    void opensALiveSqliteJdbcCatalog() throws Exception {
        String uri = "jdbc:sqlite:" + tmp.resolve("catalog.db");
        Catalog catalog = CatalogFactory.open(config(
                "type", "jdbc", "jdbc.uri", uri, "warehouse", tmp.resolve("wh").toString(), "name", "city"));
        try {
            assertThat(catalog).isInstanceOf(JdbcCatalog.class);
            ((SupportsNamespaces) catalog).createNamespace(Namespace.of("gold"));
            assertThat(((SupportsNamespaces) catalog).listNamespaces()).containsExactly(Namespace.of("gold"));
        } finally {
            ((Closeable) catalog).close();
        }
    }

    @Test
    void jdbcPasswordIsReadFromTheNamedVariableWhenTheCatalogOpensAndIsNotInTheLoader() throws Exception {
        String uri = "jdbc:sqlite:" + tmp.resolve("catalog.db");
        // PATH stands in for the password variable: set wherever the tests run (SQLite ignores the password).
        CatalogConfig config = config(
                "type",
                "jdbc",
                "jdbc.uri",
                uri,
                "warehouse",
                tmp.resolve("wh").toString(),
                "jdbc.user",
                "etl",
                "jdbc.password-env",
                "PATH");

        assertThat(CatalogFactory.properties(config))
                .containsEntry("jdbc.user", "etl")
                .doesNotContainKey("jdbc.password");
        CatalogLoader loader = CatalogFactory.loader(config);
        String serialized = new String(InstantiationUtil.serializeObject(loader), StandardCharsets.UTF_8);
        assertThat(serialized).contains("PATH").doesNotContain(System.getenv("PATH"));
        assertThat(((EnvPasswordCatalogLoader) loader).withPassword(Map.of("PATH", "s3cret")::get))
                .containsEntry("jdbc.user", "etl")
                .containsEntry("jdbc.password", "s3cret")
                .containsEntry("uri", uri);
        Catalog catalog = loader.clone().loadCatalog();
        try {
            assertThat(catalog).isInstanceOf(JdbcCatalog.class);
        } finally {
            ((Closeable) catalog).close();
        }
    }

    @Test
    void aJdbcPasswordVariableThatIsNotSetFailsOpeningTheCatalogNamingIt() {
        CatalogLoader loader = CatalogFactory.loader(config(
                "type",
                "jdbc",
                "jdbc.uri",
                "jdbc:sqlite:" + tmp.resolve("c.db"),
                "jdbc.password-env",
                "NO_SUCH_VARIABLE_FOR_THE_CATALOG"));

        assertThatThrownBy(loader::loadCatalog)
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Environment variable NO_SUCH_VARIABLE_FOR_THE_CATALOG named by catalog.jdbc.password-env is not"
                                + " set; it must hold the JDBC catalog's password");
    }

    static CatalogConfig config(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return CatalogConfig.from(new PropertyGroup("catalog", values));
    }
}
