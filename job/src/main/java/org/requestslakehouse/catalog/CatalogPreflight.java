package org.requestslakehouse.catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.FileIO;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.CatalogConfig.CatalogType;
import org.requestslakehouse.config.CatalogSettings;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Start-up check that the Iceberg catalog answers and, for an S3 warehouse the job writes through its own FileIO,
 * that the object store answers too. Without it an unreachable catalog or endpoint shows up as a hang in job
 * submission (Iceberg's REST client waits minutes on a silent server) or, for S3, as write failures after the
 * job started, retried by every checkpoint. Here it is one error naming the setting and endpoint to fix, within a
 * bounded time whatever the client libraries' own timeouts and retries are: each step runs on a daemon thread
 * that is abandoned when the time is up.
 */
public final class CatalogPreflight {

    private CatalogPreflight() {}

    /**
     * @param timeout bound for each of the two steps (catalog, then object store)
     * @throws CatalogPreflightException if the catalog or the object store does not answer in time or refuses
     */
    public static void check(CatalogConfig config, Duration timeout) {
        Map<String, String> properties = withClientTimeouts(CatalogFactory.properties(config), timeout);
        bounded(
                () -> {
                    probeCatalog(config, properties);
                    return null;
                },
                catalogLocation(config, properties),
                timeout);
        if (usesOwnS3FileIo(config, properties)) {
            bounded(
                    () -> {
                        probeObjectStore(config, properties);
                        return null;
                    },
                    objectStoreLocation(config, properties),
                    timeout);
        }
    }

    /** Opens the catalog and asks it one question that needs a round trip, whatever the catalog type. */
    private static void probeCatalog(CatalogConfig config, Map<String, String> properties) {
        Catalog catalog = CatalogFactory.loader(config, properties).loadCatalog();
        try {
            if (catalog instanceof SupportsNamespaces namespaces) {
                namespaces.namespaceExists(Namespace.of(config.bronzeDatabase()));
            } else {
                catalog.tableExists(TableIdentifier.of(config.bronzeDatabase(), "raw_events"));
            }
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    /**
     * Asks for an object that cannot exist. Any answer from S3, "not found" and "access denied" included, proves the
     * endpoint is reachable: permissions are for the first write to report, with S3's own message.
     */
    private static void probeObjectStore(CatalogConfig config, Map<String, String> properties) {
        FileIO io =
                CatalogUtil.loadFileIO(properties.get(CatalogProperties.FILE_IO_IMPL), properties, new Configuration());
        try {
            io.newInputFile(config.warehouse().replaceAll("/+$", "") + "/.preflight-" + UUID.randomUUID())
                    .exists();
        } catch (AwsServiceException answered) {
            // the endpoint answered, with a refusal
        } finally {
            io.close();
        }
    }

    private static void bounded(Callable<Void> step, String where, Duration timeout) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "catalog-preflight");
            t.setDaemon(true);
            return t;
        });
        Future<Void> result = executor.submit(step);
        try {
            result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new CatalogPreflightException(
                    where + " did not answer within " + timeout.toMillis()
                            + " ms: is it running, and is the address right?",
                    e);
        } catch (ExecutionException e) {
            throw new CatalogPreflightException(where + " failed: " + rootMessage(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogPreflightException("Interrupted while checking " + where, e);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Client timeouts for the check only, so a silent server costs one timeout, not the client's default minutes;
     * set only where the settings do not choose their own.
     */
    private static Map<String, String> withClientTimeouts(Map<String, String> properties, Duration timeout) {
        Map<String, String> p = new LinkedHashMap<>(properties);
        String millis = Long.toString(timeout.toMillis());
        p.putIfAbsent("rest.client.connection-timeout-ms", millis);
        p.putIfAbsent("rest.client.socket-timeout-ms", millis);
        p.putIfAbsent("http-client.apache.connection-timeout-ms", millis);
        p.putIfAbsent("http-client.apache.socket-timeout-ms", millis);
        return p;
    }

    private static boolean usesOwnS3FileIo(CatalogConfig config, Map<String, String> properties) {
        // a REST catalog's server decides the FileIO and may vend credentials: only the server can be checked
        return config.type() != CatalogType.REST
                && CatalogFactory.S3_FILE_IO.equals(properties.get(CatalogProperties.FILE_IO_IMPL));
    }

    private static String catalogLocation(CatalogConfig config, Map<String, String> properties) {
        return switch (config.type()) {
            case HADOOP -> "The Iceberg warehouse at " + CatalogSettings.WAREHOUSE.is(config.warehouse());
            case JDBC -> "The Iceberg JDBC catalog at " + CatalogSettings.JDBC_URI.is(config.jdbcUri());
            case REST -> "The Iceberg REST catalog at " + CatalogSettings.REST_URI.is(config.restUri());
            case GLUE -> "The AWS Glue Data Catalog " + endpoint(properties, "glue.endpoint", config);
        };
    }

    private static String objectStoreLocation(CatalogConfig config, Map<String, String> properties) {
        return "The object store of " + CatalogSettings.WAREHOUSE.is(config.warehouse()) + " "
                + endpoint(properties, "s3.endpoint", config);
    }

    private static String endpoint(Map<String, String> properties, String endpointProperty, CatalogConfig config) {
        String override = properties.get(endpointProperty);
        String region = config.region() == null ? "the default region" : CatalogSettings.REGION.is(config.region());
        return override != null
                ? "at " + CatalogSettings.PROPERTIES.qualified() + endpointProperty + "=" + override + " (" + region
                        + ")"
                : "at the AWS endpoint of " + region;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return t == root || t.getMessage() == null || t.getMessage().contains(message)
                ? message
                : t.getMessage() + " (" + message + ")";
    }
}
