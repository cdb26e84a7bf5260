package org.requestslakehouse.replay;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Which rows to replay, by the Boston-local open date. Rows whose open date cannot be read pass only when no
 * date filter is set: they are still sent, so the job quarantines them exactly as the CSV source would.
 *
 * @param from  first open date included, or null
 * @param to    last open date included, or null
 * @param today only rows opened on this month and day of any year (the seed client's "today" mode), or null
 */
public record ReplayFilter(LocalDate from, LocalDate to, MonthDay today) {
    public static final ReplayFilter ALL = new ReplayFilter(null, null, null);

    public boolean filtersByDate() {
        return from != null || to != null || today != null;
    }

    public boolean accepts(LocalDate openDate) {
        if (openDate == null) {
            return !filtersByDate();
        }
        if (from != null && openDate.isBefore(from)) return false;
        if (to != null && openDate.isAfter(to)) return false;
        return today == null || MonthDay.from(openDate).equals(today);
    }
}
