package org.requestslakehouse.sinks.iceberg;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * Everything needed to create one lakehouse table. A table whose schema has identifier fields is written in upsert
 * mode keyed on them; a table without is append-only.
 */
public record TableDefinition(Schema schema, PartitionSpec spec, Map<String, String> properties) {

    public TableDefinition {
        properties = Map.copyOf(properties);
    }

    public boolean upsert() {
        return !schema.identifierFieldIds().isEmpty();
    }

    /** The identifier columns in schema order, which is also the order Flink's equality-field key uses. */
    public List<String> equalityColumns() {
        return schema.columns().stream()
                .filter(field -> schema.identifierFieldIds().contains(field.fieldId()))
                .map(Types.NestedField::name)
                .toList();
    }
}
