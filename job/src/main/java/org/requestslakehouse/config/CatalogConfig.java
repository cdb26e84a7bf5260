package org.requestslakehouse.config;

import static org.requestslakehouse.config.CatalogSettings.*;

import java.io.Serializable;
import java.util.Map;

/**
 * Where the tables live. Group {@link CatalogSettings}.
 *
 * @param type        hadoop (local default), jdbc, glue or rest
 * @param name        catalog name as seen from SQL
 * @param warehouse   a directory, or {@code s3://bucket/prefix}
 * @param jdbcPasswordEnv name of the environment variable holding the JDBC catalog's password (never the password):
 *                    it is read where the catalog is opened, so the password stays out of the job graph
 * @param properties  extra Iceberg catalog properties from {@link CatalogSettings#PROPERTIES} (passed as-is)
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

    /** POSIX environment variable names: a value of another form is more likely the password itself. */
    private static final java.util.regex.Pattern VARIABLE_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static CatalogConfig from(PropertyGroup g) {
        CatalogType type = g.enumValue(TYPE);
        // The REST server knows its warehouse; any other catalog defaults to a local directory.
        String warehouse = g.has(WAREHOUSE) || type != CatalogType.REST ? g.string(WAREHOUSE) : null;
        String jdbcUri = g.string(JDBC_URI);
        String region = g.string(REGION);
        String restUri = g.string(REST_URI);
        String jdbcUser = g.string(JDBC_USER);
        String jdbcPasswordEnv = g.string(JDBC_PASSWORD_ENV);
        if (type == CatalogType.JDBC && jdbcUri == null) {
            throw ConfigException.missing(
                    JDBC_URI.qualified(),
                    "a JDBC URL such as jdbc:sqlite:/path/catalog.db when " + TYPE.is(CatalogType.JDBC));
        }
        if (type == CatalogType.GLUE && (warehouse == null || !warehouse.startsWith("s3://"))) {
            throw ConfigException.invalid(
                    WAREHOUSE.qualified(),
                    String.valueOf(warehouse),
                    "an s3://bucket/prefix location when " + TYPE.is(CatalogType.GLUE));
        }
        if (type == CatalogType.REST && restUri == null) {
            throw ConfigException.missing(
                    REST_URI.qualified(), "the REST catalog endpoint URL when " + TYPE.is(CatalogType.REST));
        }
        if (jdbcUri != null) {
            onlyFor(JDBC_URI, jdbcUri, type, CatalogType.JDBC);
            if (!jdbcUri.startsWith("jdbc:")) {
                throw ConfigException.invalid(
                        JDBC_URI.qualified(),
                        jdbcUri,
                        "a JDBC URL such as jdbc:sqlite:/path/catalog.db or jdbc:postgresql://host/db");
            }
        }
        if (jdbcUser != null) {
            onlyFor(JDBC_USER, jdbcUser, type, CatalogType.JDBC);
        }
        if (jdbcPasswordEnv != null) {
            onlyFor(JDBC_PASSWORD_ENV, jdbcPasswordEnv, type, CatalogType.JDBC);
            if (!VARIABLE_NAME.matcher(jdbcPasswordEnv).matches()) {
                throw ConfigException.invalid(
                        JDBC_PASSWORD_ENV.qualified(),
                        jdbcPasswordEnv,
                        "the name of an environment"
                                + " variable (letters, digits and '_', not starting with a digit), not the password itself");
            }
        }
        if (restUri != null) {
            onlyFor(REST_URI, restUri, type, CatalogType.REST);
            SettingForms.requireHttpUrl(REST_URI.qualified(), restUri, "http://localhost:8181");
        }
        if (region != null) {
            SettingForms.requireAwsRegion(REGION.qualified(), region);
        }
        return new CatalogConfig(
                type,
                identifier(g, NAME),
                warehouse,
                jdbcUri,
                jdbcUser,
                jdbcPasswordEnv,
                region,
                g.string(GLUE_CATALOG_ID),
                g.bool(GLUE_LAKE_FORMATION),
                restUri,
                identifier(g, BRONZE_DATABASE),
                identifier(g, SILVER_DATABASE),
                identifier(g, GOLD_DATABASE),
                Map.copyOf(g.withPrefix(PROPERTIES)));
    }

    /** A setting of one catalog type given for another is a mistake about which catalog is in use. */
    private static void onlyFor(Setting<String> setting, String value, CatalogType actual, CatalogType owner) {
        if (actual != owner) {
            throw ConfigException.invalid(
                    setting.qualified(),
                    value,
                    "no value unless " + TYPE.is(owner) + " (it is " + Setting.text(actual) + ")");
        }
    }

    /** Glue and Athena accept lower-case letters, digits and underscores in database names. */
    private static String identifier(PropertyGroup g, Setting<String> setting) {
        String v = g.string(setting);
        if (!v.matches("[a-z][a-z0-9_]{0,254}")) {
            throw ConfigException.invalid(
                    setting.qualified(),
                    v,
                    "lower-case letters, digits and underscores, starting with a letter (Glue/Athena naming)");
        }
        return v;
    }
}
