package org.requestslakehouse.catalog;

import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.CatalogConfig.CatalogType;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.Setting;

/**
 * Turns a {@link CatalogConfig} into Iceberg catalog properties and a serializable {@link CatalogLoader}. The
 * property map is computed without touching any catalog, so every catalog type (including Glue, whose AWS bundle is
 * only on the cluster's classpath) can be checked in unit tests.
 */
public final class CatalogFactory {

    static final String HADOOP_CATALOG = "org.apache.iceberg.hadoop.HadoopCatalog";
    static final String JDBC_CATALOG = "org.apache.iceberg.jdbc.JdbcCatalog";
    static final String GLUE_CATALOG = "org.apache.iceberg.aws.glue.GlueCatalog";
    static final String REST_CATALOG = "org.apache.iceberg.rest.RESTCatalog";
    static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";

    static final String CLIENT_REGION = "client.region";
    static final String GLUE_ID = "glue.id";
    static final String GLUE_ACCOUNT_ID = "glue.account-id";
    static final String GLUE_LAKEFORMATION_ENABLED = "glue.lakeformation-enabled";
    static final String ASSUME_ROLE_ARN = "client.assume-role.arn";
    static final String ASSUME_ROLE_REGION = "client.assume-role.region";
    /** The Lake Formation client factory refuses to start without this session tag. */
    static final String LAKEFORMATION_CALLER_TAG = "client.assume-role.tags.LakeFormationAuthorizedCaller";
    /** V1 adds view support; Iceberg logs a warning on every start while a JDBC catalog is still V0. */
    static final String JDBC_SCHEMA_VERSION = "jdbc.schema-version";

    /** Iceberg's JdbcCatalog hands {@code jdbc.*} properties, prefix removed, to the JDBC driver. */
    static final String JDBC_USER = "jdbc.user";

    static final String JDBC_PASSWORD = "jdbc.password";

    private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private CatalogFactory() {}

    public static CatalogLoader loader(CatalogConfig config) {
        return loader(config, properties(config));
    }

    /**
     * A loader for {@code properties} (derived from {@code config}, possibly adjusted). With
     * {@code catalog.jdbc.password-env} the loader carries the variable's name and reads the password when it opens the
     * catalog: loaders are serialized into the job graph.
     */
    public static CatalogLoader loader(CatalogConfig config, Map<String, String> properties) {
        if (config.jdbcPasswordEnv() != null) {
            return new EnvPasswordCatalogLoader(config.name(), properties, config.jdbcPasswordEnv());
        }
        return CatalogLoader.custom(
                config.name(), properties, new Configuration(), properties.get(CatalogProperties.CATALOG_IMPL));
    }

    /** A live catalog; close it if it is {@link java.io.Closeable} (Hadoop, JDBC and REST catalogs are). */
    public static Catalog open(CatalogConfig config) {
        return loader(config).loadCatalog();
    }

    /** Closes catalogs that hold resources (Hadoop, JDBC and REST catalogs are {@link java.io.Closeable}). */
    public static void close(Catalog catalog) {
        if (catalog instanceof java.io.Closeable closeable) {
            try {
                closeable.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Could not close catalog " + catalog.name(), e);
            }
        }
    }

    /**
     * The Iceberg catalog properties for {@code config}. Keys from {@code catalog.property.*} are applied last, so
     * they can set anything this class does not model (credentials providers, endpoints, pool sizes) and override
     * what it derives.
     */
    public static Map<String, String> properties(CatalogConfig config) {
        Map<String, String> p = new LinkedHashMap<>();
        rejectGlueOnlySettings(config);
        switch (config.type()) {
            case HADOOP -> hadoop(config, p);
            case JDBC -> jdbc(config, p);
            case GLUE -> glue(config, p);
            case REST -> rest(config, p);
            default -> throw new IllegalStateException("Unhandled catalog type " + config.type());
        }
        p.putAll(config.properties());
        if (config.type() == CatalogType.GLUE && config.lakeFormation()) {
            requireLakeFormationSettings(config, p);
        }
        return Collections.unmodifiableMap(p);
    }

    private static void hadoop(CatalogConfig config, Map<String, String> p) {
        String warehouse = config.warehouse();
        if (isObjectStore(warehouse)) {
            // HadoopCatalog commits by atomic rename, which object stores do not have: concurrent or retried
            // commits could silently overwrite each other.
            throw ConfigException.invalid(
                    CatalogSettings.WAREHOUSE.qualified(),
                    warehouse,
                    "a local or HDFS directory when " + CatalogSettings.TYPE.is(CatalogType.HADOOP) + " (use "
                            + CatalogSettings.TYPE.qualified() + "=glue, jdbc or rest for S3)");
        }
        p.put(CatalogProperties.CATALOG_IMPL, HADOOP_CATALOG);
        p.put(CatalogProperties.WAREHOUSE_LOCATION, absoluteLocation(warehouse));
        // Iceberg's default lock is dropped by any Hadoop catalog that closes, which a failover does while
        // maintenance and the sinks commit to the same table; see JvmCommitLock.
        p.put(CatalogProperties.LOCK_IMPL, JvmCommitLock.class.getName());
    }

    private static void jdbc(CatalogConfig config, Map<String, String> p) {
        p.put(CatalogProperties.CATALOG_IMPL, JDBC_CATALOG);
        p.put(CatalogProperties.URI, config.jdbcUri());
        p.put(CatalogProperties.WAREHOUSE_LOCATION, absoluteLocation(config.warehouse()));
        p.put(JDBC_SCHEMA_VERSION, "V1");
        if (config.jdbcUser() != null) {
            p.put(JDBC_USER, config.jdbcUser());
        }
        if (isObjectStore(config.warehouse())) {
            s3FileIo(config, p);
        }
    }

    private static void glue(CatalogConfig config, Map<String, String> p) {
        p.put(CatalogProperties.CATALOG_IMPL, GLUE_CATALOG);
        p.put(CatalogProperties.WAREHOUSE_LOCATION, config.warehouse());
        s3FileIo(config, p);
        if (config.glueCatalogId() != null) {
            p.put(GLUE_ID, config.glueCatalogId());
        }
        if (config.lakeFormation()) {
            p.put(GLUE_LAKEFORMATION_ENABLED, "true");
        }
    }

    private static void rest(CatalogConfig config, Map<String, String> p) {
        p.put(CatalogProperties.CATALOG_IMPL, REST_CATALOG);
        p.put(CatalogProperties.URI, config.restUri());
        if (config.warehouse() != null) {
            // For a REST catalog the warehouse is a name the server resolves, not necessarily a path.
            p.put(CatalogProperties.WAREHOUSE_LOCATION, config.warehouse());
        }
        if (config.region() != null) {
            p.put(CLIENT_REGION, config.region());
        }
    }

    private static void s3FileIo(CatalogConfig config, Map<String, String> p) {
        p.put(CatalogProperties.FILE_IO_IMPL, S3_FILE_IO);
        if (config.region() != null) {
            p.put(CLIENT_REGION, config.region());
        }
    }

    private static void rejectGlueOnlySettings(CatalogConfig config) {
        if (config.type() == CatalogType.GLUE) {
            return;
        }
        String glueOnly = CatalogSettings.TYPE.is(CatalogType.GLUE) + " (it is " + Setting.text(config.type()) + ")";
        if (config.lakeFormation()) {
            throw ConfigException.invalid(
                    CatalogSettings.GLUE_LAKE_FORMATION.qualified(), "true", "false unless " + glueOnly);
        }
        if (config.glueCatalogId() != null) {
            throw ConfigException.invalid(
                    CatalogSettings.GLUE_CATALOG_ID.qualified(), config.glueCatalogId(), "no value unless " + glueOnly);
        }
    }

    /**
     * Lake Formation credential vending works by assuming a role tagged as an authorized caller and naming the
     * table by ARN; without these Iceberg fails on the first table access, long after start-up.
     */
    private static void requireLakeFormationSettings(CatalogConfig config, Map<String, String> p) {
        if (config.region() != null) {
            p.putIfAbsent(ASSUME_ROLE_REGION, config.region());
        }
        if (config.glueCatalogId() != null) {
            p.putIfAbsent(GLUE_ACCOUNT_ID, config.glueCatalogId());
        }
        requireProperty(p, ASSUME_ROLE_ARN, "the IAM role the job assumes for Lake Formation");
        requireProperty(p, ASSUME_ROLE_REGION, "the STS region (or set " + CatalogSettings.REGION.qualified() + ")");
        requireProperty(p, LAKEFORMATION_CALLER_TAG, "the session tag value Lake Formation trusts, e.g. flink");
        requireProperty(
                p,
                GLUE_ACCOUNT_ID,
                "the AWS account owning the Glue catalog (or set " + CatalogSettings.GLUE_CATALOG_ID.qualified() + ")");
    }

    private static void requireProperty(Map<String, String> p, String key, String expected) {
        String value = p.get(key);
        if (value == null || value.isBlank()) {
            throw ConfigException.missing(
                    CatalogSettings.PROPERTIES.qualified() + key,
                    expected + " when " + CatalogSettings.GLUE_LAKE_FORMATION.is(true));
        }
    }

    private static boolean isObjectStore(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("s3://") || lower.startsWith("s3a://") || lower.startsWith("s3n://");
    }

    /** A relative directory would resolve against whatever the working directory of each task manager is. */
    static String absoluteLocation(String location) {
        if (URI_SCHEME.matcher(location).matches()) {
            return location;
        }
        return Paths.get(location).toAbsolutePath().normalize().toString();
    }
}
