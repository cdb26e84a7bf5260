package org.requestslakehouse.config;

import java.util.Map;
import org.requestslakehouse.config.CatalogConfig.CatalogType;

/** Group {@code catalog}: where the Iceberg tables live. */
public final class CatalogSettings {
    public static final String GROUP = "catalog";
    static final SettingGroup SETTINGS = new SettingGroup(GROUP, "Where the Iceberg tables live.");

    public static final Setting<CatalogType> TYPE = SETTINGS.choice(
            "type", CatalogType.class, CatalogType.HADOOP, "the catalog (`hadoop`: a local or HDFS directory)");
    public static final Setting<String> WAREHOUSE = SETTINGS.string(
            "warehouse",
            "./warehouse",
            "a directory, or `s3://bucket/prefix` (required for glue); no default for rest, whose server knows it");
    public static final Setting<String> NAME = SETTINGS.string("name", "lakehouse", "catalog name as seen from SQL");
    public static final Setting<String> JDBC_URI = SETTINGS.string(
            "jdbc.uri", null, "e.g. `jdbc:sqlite:warehouse/catalog.db`; required when, and only when, `type=jdbc`");
    public static final Setting<String> JDBC_USER = SETTINGS.string("jdbc.user", null, "database user (jdbc)");
    public static final Setting<String> JDBC_PASSWORD_ENV = SETTINGS.string(
            "jdbc.password-env",
            null,
            "name of the environment variable holding the database password, read where the catalog is opened"
                    + " (never the password itself, which would travel in the job graph)");
    public static final Setting<String> REGION =
            SETTINGS.string("region", null, "AWS region of the Glue catalog and the S3 warehouse");
    public static final Setting<String> GLUE_CATALOG_ID =
            SETTINGS.string("glue.catalog-id", null, "AWS account owning the Glue catalog (glue)");
    public static final Setting<Boolean> GLUE_LAKE_FORMATION =
            SETTINGS.bool("glue.lake-formation", false, "Lake Formation credential vending (glue)");
    public static final Setting<String> REST_URI = SETTINGS.string(
            "rest.uri", null, "REST catalog endpoint (e.g. S3 Tables); required when, and only when, `type=rest`");
    public static final Setting<String> BRONZE_DATABASE =
            SETTINGS.string("bronze-database", "bronze", "Glue/Athena-valid database name");
    public static final Setting<String> SILVER_DATABASE =
            SETTINGS.string("silver-database", "silver", "Glue/Athena-valid database name");
    public static final Setting<String> GOLD_DATABASE =
            SETTINGS.string("gold-database", "gold", "Glue/Athena-valid database name");
    public static final Setting<Map<String, String>> PROPERTIES = SETTINGS.prefix(
            "property.",
            "any other Iceberg catalog property, e.g. `s3.endpoint` and `s3.path-style-access=true` for an"
                    + " S3-compatible server");

    private CatalogSettings() {}
}
