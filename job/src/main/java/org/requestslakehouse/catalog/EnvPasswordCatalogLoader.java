package org.requestslakehouse.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.ConfigException;

/**
 * Iceberg's custom catalog loader, with the JDBC password read from an environment variable by whichever process
 * opens the catalog (the CLI, the job manager, each task manager's writers and committers). Only the variable's
 * name is serialized with the job graph.
 */
final class EnvPasswordCatalogLoader implements CatalogLoader {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final HashMap<String, String> properties;
    private final String passwordVariable;

    EnvPasswordCatalogLoader(String name, Map<String, String> properties, String passwordVariable) {
        this.name = name;
        this.properties = new HashMap<>(properties);
        this.passwordVariable = passwordVariable;
    }

    @Override
    public Catalog loadCatalog() {
        Map<String, String> resolved = withPassword(System::getenv);
        return CatalogLoader.custom(name, resolved, new Configuration(), resolved.get(CatalogProperties.CATALOG_IMPL))
                .loadCatalog();
    }

    /** The catalog properties with the password from {@code environment}. */
    Map<String, String> withPassword(UnaryOperator<String> environment) {
        String password = environment.apply(passwordVariable);
        if (password == null || password.isEmpty()) {
            throw new ConfigException("Environment variable " + passwordVariable + " named by "
                    + CatalogSettings.JDBC_PASSWORD_ENV.qualified()
                    + " is not set; it must hold the JDBC catalog's password");
        }
        Map<String, String> resolved = new HashMap<>(properties);
        resolved.put(CatalogFactory.JDBC_PASSWORD, password);
        return resolved;
    }

    @Override
    public CatalogLoader clone() {
        return new EnvPasswordCatalogLoader(name, properties, passwordVariable);
    }

    @Override
    public String toString() {
        // Iceberg logs loaders; the default would print nothing useful, this prints no secret.
        return "EnvPasswordCatalogLoader{name=" + name + ", passwordVariable=" + passwordVariable + "}";
    }
}
