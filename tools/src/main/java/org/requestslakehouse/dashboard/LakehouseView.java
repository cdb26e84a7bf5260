package org.requestslakehouse.dashboard;

import java.util.List;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.GoldWatermark;
import org.requestslakehouse.model.HourlyRequests;

/** The current contents of the tables the dashboard's charts are computed from. */
public interface LakehouseView {
    List<HourlyRequests> hourlyRows();

    List<DailySla> dailyRows();

    List<GoldWatermark> watermarks();

    /** Only the columns gold is computed from; for charts gold's grain cannot answer. */
    List<SilverCase> silverCases();
}
