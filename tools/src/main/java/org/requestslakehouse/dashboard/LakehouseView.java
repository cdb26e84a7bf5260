package org.requestslakehouse.dashboard;

import java.util.List;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;

/** The current contents of the tables the dashboard's charts are computed from. */
public interface LakehouseView {
    List<HourlyByNeighborhood.Row> hourlyRows();

    List<DailyByDepartmentAndType.Row> dailyRows();

    List<GoldWatermark> watermarks();

    /** Only the columns gold is computed from; for charts gold's grain cannot answer. */
    List<SilverCase> silverCases();
}
