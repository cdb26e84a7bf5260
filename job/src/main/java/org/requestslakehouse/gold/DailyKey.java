package org.requestslakehouse.gold;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.LocalDateTypeInfoFactory;

/** Key of a {@code gold.sla_daily} window: the local calendar day, the department and the case type. */
public class DailyKey {
    @TypeInfo(LocalDateTypeInfoFactory.class)
    public LocalDate day;

    public String department;
    public String type;

    public DailyKey() {}

    public DailyKey(LocalDate day, String department, String type) {
        this.day = day;
        this.department = department;
        this.type = type;
    }

    public static DailyKey of(DailySla row) {
        return new DailyKey(row.day, row.department, row.type);
    }

    // keyBy partitions on hashCode(), so it must be value-based and stable across JVMs.
    @Override
    public boolean equals(Object o) {
        return o instanceof DailyKey k
                && Objects.equals(day, k.day)
                && Objects.equals(department, k.department)
                && Objects.equals(type, k.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, department, type);
    }

    @Override
    public String toString() {
        return day + ", " + department + ", " + type;
    }
}
