package org.requestslakehouse.model;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes a {@link ServiceRequest} column by column in {@link ServiceRequestColumn} order, each group of eight
 * columns behind one byte that marks which of them are null, so a column added there is serialized without a
 * change here. Every version crosses the network once, from the parser to the silver filter; Flink's reflective
 * POJO serializer first builds a default value for every field and then overwrites it, and reads and
 * writes each field through reflection.
 *
 * <p>For transport only: the format follows the column list, and the snapshot does not record it, so no keyed or
 * operator state may hold a {@link ServiceRequest}.
 */
public final class ServiceRequestSerializer extends TypeSerializerSingleton<ServiceRequest> {
    private static final long serialVersionUID = 1L;
    public static final ServiceRequestSerializer INSTANCE = new ServiceRequestSerializer();

    private static final ServiceRequestColumn[] COLUMNS = ServiceRequestColumn.values();
    private static final int GROUP = Byte.SIZE;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public ServiceRequest createInstance() {
        return new ServiceRequest();
    }

    @Override
    public ServiceRequest copy(ServiceRequest from) {
        ServiceRequest to = new ServiceRequest();
        for (ServiceRequestColumn column : COLUMNS) {
            if (column.kind() == ServiceRequestColumn.Kind.EPOCH_MILLIS) {
                column.setLongValue(to, column.longValue(from));
            } else {
                Object value = column.value(from);
                column.setValue(to, value instanceof String[] strings ? strings.clone() : value);
            }
        }
        to.tombstone = from.tombstone;
        return to;
    }

    @Override
    public ServiceRequest copy(ServiceRequest from, ServiceRequest reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(ServiceRequest record, DataOutputView target) throws IOException {
        target.writeBoolean(record.tombstone);
        for (int start = 0; start < COLUMNS.length; start += GROUP) {
            int end = Math.min(start + GROUP, COLUMNS.length);
            int nulls = 0;
            for (int i = start; i < end; i++) {
                if (COLUMNS[i].isNull(record)) {
                    nulls |= 1 << (i - start);
                }
            }
            target.writeByte(nulls);
            for (int i = start; i < end; i++) {
                if ((nulls & 1 << (i - start)) == 0) {
                    write(COLUMNS[i], record, target);
                }
            }
        }
    }

    @Override
    public ServiceRequest deserialize(DataInputView source) throws IOException {
        ServiceRequest record = new ServiceRequest();
        record.tombstone = source.readBoolean();
        for (int start = 0; start < COLUMNS.length; start += GROUP) {
            int end = Math.min(start + GROUP, COLUMNS.length);
            int nulls = source.readUnsignedByte();
            for (int i = start; i < end; i++) {
                if ((nulls & 1 << (i - start)) == 0) {
                    read(COLUMNS[i], record, source);
                }
            }
        }
        return record;
    }

    @Override
    public ServiceRequest deserialize(ServiceRequest reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<ServiceRequest> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void write(ServiceRequestColumn column, ServiceRequest record, DataOutputView out)
            throws IOException {
        if (column.kind() == ServiceRequestColumn.Kind.EPOCH_MILLIS) {
            out.writeLong(column.longValue(record));
            return;
        }
        Object value = column.value(record);
        switch (column.kind()) {
            case LONG -> out.writeLong((Long) value);
            case INTEGER -> out.writeInt((Integer) value);
            case DOUBLE -> out.writeDouble((Double) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case STRING -> StringValue.writeString((String) value, out);
            case STRING_LIST -> {
                String[] strings = (String[]) value;
                out.writeInt(strings.length);
                for (String s : strings) {
                    StringValue.writeString(s, out);
                }
            }
            case TIMESTAMP -> {
                Instant instant = (Instant) value;
                out.writeLong(instant.getEpochSecond());
                out.writeInt(instant.getNano());
            }
            case DATE -> out.writeLong(((LocalDate) value).toEpochDay());
            default -> throw new IllegalStateException("no encoding for " + column.kind());
        }
    }

    private static void read(ServiceRequestColumn column, ServiceRequest record, DataInputView in) throws IOException {
        switch (column.kind()) {
            case EPOCH_MILLIS -> column.setLongValue(record, in.readLong());
            case LONG -> column.setValue(record, in.readLong());
            case INTEGER -> column.setValue(record, in.readInt());
            case DOUBLE -> column.setValue(record, in.readDouble());
            case BOOLEAN -> column.setValue(record, in.readBoolean());
            case STRING -> column.setValue(record, StringValue.readString(in));
            case STRING_LIST -> {
                String[] strings = new String[in.readInt()];
                for (int i = 0; i < strings.length; i++) {
                    strings[i] = StringValue.readString(in);
                }
                column.setValue(record, strings);
            }
            case TIMESTAMP -> column.setValue(record, Instant.ofEpochSecond(in.readLong(), in.readInt()));
            case DATE -> column.setValue(record, LocalDate.ofEpochDay(in.readLong()));
            default -> throw new IllegalStateException("no encoding for " + column.kind());
        }
    }

    /** Needed by Flink's API for every serializer; this one is never written to a savepoint (see the class). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ServiceRequest> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
