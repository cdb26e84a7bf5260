package org.requestslakehouse.reliability;

import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;

/**
 * The local Hadoop catalog, with commits that fail when {@link Faults} says so. Chosen with the ordinary catalog
 * setting {@code catalog.property.catalog-impl}, so the job's catalog code path is unchanged; every task loads
 * its own instance, and the fault bookkeeping is JVM-wide.
 */
public class FaultInjectingCatalog extends HadoopCatalog {

    @Override
    protected TableOperations newTableOps(TableIdentifier identifier) {
        return new FaultInjectingTableOperations(super.newTableOps(identifier), identifier.name());
    }
}
