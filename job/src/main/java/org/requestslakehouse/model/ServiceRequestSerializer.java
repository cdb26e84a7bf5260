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
            column.copy(from, to);
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
        // Each getter is called once: the values are read ahead of the null byte that must precede them.
        Object[] values = new Object[GROUP];
        for (int start = 0; start < COLUMNS.length; start += GROUP) {
            int size = Math.min(GROUP, COLUMNS.length - start);
            int nulls = 0;
            for (int i = 0; i < size; i++) {
                values[i] = COLUMNS[start + i].value(record);
                if (values[i] == null) {
                    nulls |= 1 << i;
                }
            }
            target.writeByte(nulls);
            for (int i = 0; i < size; i++) {
                if (values[i] != null) {
                    write(COLUMNS[start + i].kind(), values[i], target);
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
                    COLUMNS[i].setValue(record, read(COLUMNS[i].kind(), source));
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

    private static void write(ServiceRequestColumn.Kind kind, Object value, DataOutputView out) throws IOException {
        switch (kind) {
            case LONG, EPOCH_MILLIS -> out.writeLong((Long) value);
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
        }
    }

    private static Object read(ServiceRequestColumn.Kind kind, DataInputView in) throws IOException {
        return switch (kind) {
            case LONG, EPOCH_MILLIS -> in.readLong();
            case INTEGER -> in.readInt();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case STRING -> StringValue.readString(in);
            case STRING_LIST -> {
                String[] strings = new String[in.readInt()];
                for (int i = 0; i < strings.length; i++) {
                    strings[i] = StringValue.readString(in);
                }
                yield strings;
            }
            case TIMESTAMP -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case DATE -> LocalDate.ofEpochDay(in.readLong());
        };
    }

    /** Needed by Flink's API for every serializer; this one is never written to a savepoint (see the class). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ServiceRequest> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
