package org.requestslakehouse.generate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Text forms of Boston-local timestamps in the exports. Written out by hand rather than with DateTimeFormatter
 * because the writer formats four or five timestamps per row at 200k+ rows/s; the tests check every style against
 * the equivalent DateTimeFormatter pattern, across DST changes.
 */
enum TimestampStyle {
    /** {@code yyyy-MM-dd HH:mm:ss}: the 2019+ exports. */
    ISO_SPACE,
    /** {@code MM/dd/yyyy hh:mm:ss a} in English: the 2011 Socrata export. */
    US_12_HOUR,
    /** {@code EEE MMM dd HH:mm:ss zzz yyyy} in English ({@code java.util.Date#toString()}): inside closure texts. */
    DATE_TO_STRING;

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final int SECONDS_PER_DAY = 86_400;

    String format(Instant instant) {
        long local = BostonTime.localEpochSecond(instant);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
        int hour = secondOfDay / 3600;
        int minute = secondOfDay / 60 % 60;
        int second = secondOfDay % 60;
        StringBuilder text = new StringBuilder(28);
        switch (this) {
            case ISO_SPACE -> {
                text.append(date.getYear()).append('-');
                twoDigits(text, date.getMonthValue()).append('-');
                twoDigits(text, date.getDayOfMonth()).append(' ');
                time(text, hour, minute, second);
            }
            case US_12_HOUR -> {
                twoDigits(text, date.getMonthValue()).append('/');
                twoDigits(text, date.getDayOfMonth()).append('/');
                text.append(date.getYear()).append(' ');
                int clockHour = hour % 12 == 0 ? 12 : hour % 12;
                time(text, clockHour, minute, second).append(hour < 12 ? " AM" : " PM");
            }
            case DATE_TO_STRING -> {
                text.append(DAYS[date.getDayOfWeek().ordinal()])
                        .append(' ')
                        .append(MONTHS[date.getMonthValue() - 1])
                        .append(' ');
                twoDigits(text, date.getDayOfMonth()).append(' ');
                time(text, hour, minute, second)
                        .append(BostonTime.isDaylightTime(instant) ? " EDT " : " EST ")
                        .append(date.getYear());
            }
        }
        return text.toString();
    }

    private static StringBuilder time(StringBuilder text, int hour, int minute, int second) {
        twoDigits(text, hour).append(':');
        twoDigits(text, minute).append(':');
        return twoDigits(text, second);
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
