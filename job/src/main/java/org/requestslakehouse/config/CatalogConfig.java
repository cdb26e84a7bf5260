package org.requestslakehouse.config;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * Where the tables live. Group {@code catalog}.
 *
 * @param type        hadoop (local default), jdbc, glue or rest
 * @param name        catalog name as seen from SQL
 * @param warehouse   a directory, or {@code s3://bucket/prefix}
 * @param jdbcPasswordEnv name of the environment variable holding the JDBC catalog's password (never the password):
 *                    it is read where the catalog is opened, so the password stays out of the job graph
 * @param properties  extra Iceberg catalog properties from keys {@code catalog.property.*} (passed through as-is)
 */
public record CatalogConfig(
        CatalogType type,
        String name,
        String warehouse,
        String jdbcUri,
        String jdbcUser,
        String jdbcPasswordEnv,
        String region,
        String glueCatalogId,
        boolean lakeFormation,
        String restUri,
        String bronzeDatabase,
        String silverDatabase,
        String goldDatabase,
        Map<String, String> properties)
        implements Serializable {

    public enum CatalogType {
        HADOOP,
        JDBC,
        GLUE,
        REST
    }

    public static final String GROUP = "catalog";
    public static final String JDBC_PASSWORD_ENV = "jdbc.password-env";

    /** POSIX environment variable names: a value of another form is more likely the password itself. */
    private static final java.util.regex.Pattern VARIABLE_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static CatalogConfig from(PropertyGroup g) {
        CatalogType type = g.enumValue("type", CatalogType.class, CatalogType.HADOOP);
        String warehouse = g.string("warehouse", type == CatalogType.REST ? null : "./warehouse");
        String jdbcUri = g.string("jdbc.uri", null);
        String region = g.string("region", null);
        String restUri = g.string("rest.uri", null);
        String jdbcUser = g.string("jdbc.user", null);
        String jdbcPasswordEnv = g.string(JDBC_PASSWORD_ENV, null);
        if (type == CatalogType.JDBC && jdbcUri == null) {
            throw ConfigException.missing(
                    g.qualified("jdbc.uri"), "a JDBC URL such as jdbc:sqlite:/path/catalog.db when catalog.type=jdbc");
        }
        if (type == CatalogType.GLUE && (warehouse == null || !warehouse.startsWith("s3://"))) {
            throw ConfigException.invalid(
                    g.qualified("warehouse"),
                    String.valueOf(warehouse),
                    "an s3://bucket/prefix location when catalog.type=glue");
        }
        if (type == CatalogType.REST && restUri == null) {
            throw ConfigException.missing(
                    g.qualified("rest.uri"), "the REST catalog endpoint URL when catalog.type=rest");
        }
        if (jdbcUri != null) {
            onlyFor(g, "jdbc.uri", jdbcUri, type, CatalogType.JDBC);
            if (!jdbcUri.startsWith("jdbc:")) {
                throw ConfigException.invalid(
                        g.qualified("jdbc.uri"),
                        jdbcUri,
                        "a JDBC URL such as jdbc:sqlite:/path/catalog.db or jdbc:postgresql://host/db");
            }
        }
        if (jdbcUser != null) {
            onlyFor(g, "jdbc.user", jdbcUser, type, CatalogType.JDBC);
        }
        if (jdbcPasswordEnv != null) {
            onlyFor(g, JDBC_PASSWORD_ENV, jdbcPasswordEnv, type, CatalogType.JDBC);
            if (!VARIABLE_NAME.matcher(jdbcPasswordEnv).matches()) {
                throw ConfigException.invalid(
                        g.qualified(JDBC_PASSWORD_ENV),
                        jdbcPasswordEnv,
                        "the name of an environment"
                                + " variable (letters, digits and '_', not starting with a digit), not the password itself");
            }
        }
        if (restUri != null) {
            onlyFor(g, "rest.uri", restUri, type, CatalogType.REST);
            SettingForms.requireHttpUrl(g.qualified("rest.uri"), restUri, "http://localhost:8181");
        }
        if (region != null) {
            SettingForms.requireAwsRegion(g.qualified("region"), region);
        }
        return new CatalogConfig(
                type,
                identifier(g, "name", "lakehouse"),
                warehouse,
                jdbcUri,
                jdbcUser,
                jdbcPasswordEnv,
                region,
                g.string("glue.catalog-id", null),
                g.bool("glue.lake-formation", false),
                restUri,
                identifier(g, "bronze-database", "bronze"),
                identifier(g, "silver-database", "silver"),
                identifier(g, "gold-database", "gold"),
                Map.copyOf(g.withPrefix("property.")));
    }

    /** A setting of one catalog type given for another is a mistake about which catalog is in use. */
    private static void onlyFor(PropertyGroup g, String key, String value, CatalogType actual, CatalogType owner) {
        if (actual != owner) {
            throw ConfigException.invalid(
                    g.qualified(key),
                    value,
                    "no value unless catalog.type=" + owner.name().toLowerCase(Locale.ROOT) + " (it is "
                            + actual.name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** Glue and Athena accept lower-case letters, digits and underscores in database names. */
    private static String identifier(PropertyGroup g, String key, String defaultValue) {
        String v = g.string(key, defaultValue);
        if (!v.matches("[a-z][a-z0-9_]{0,254}")) {
            throw ConfigException.invalid(
                    g.qualified(key),
                    v,
                    "lower-case letters, digits and underscores, starting with a letter (Glue/Athena naming)");
        }
        return v;
    }
}
