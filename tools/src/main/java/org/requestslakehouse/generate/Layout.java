package org.requestslakehouse.generate;

import static org.requestslakehouse.generate.Column.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The four column layouts Boston has published 311 data in, with the exact header names, order and value formats
 * of the samples in job/src/test/resources/real311/. The 2024 system has no sample; its columns come from the city's
 * column list, with case_topic carrying the reason, service_name the type and assigned_department the subject.
 */
public enum Layout {
    SOCRATA_2011(
            "socrata-2011",
            TimestampStyle.US_12_HOUR,
            false,
            false,
            "",
            "CASE_ENQUIRY_ID",
            CASE_ID,
            "OPEN_DT",
            OPEN,
            "TARGET_DT",
            TARGET,
            "CLOSED_DT",
            CLOSED,
            "OnTime_Status",
            ON_TIME,
            "CASE_STATUS",
            STATUS,
            "CLOSURE_REASON",
            CLOSURE_REASON,
            "CASE_TITLE",
            CASE_TITLE,
            "SUBJECT",
            SUBJECT,
            "REASON",
            REASON,
            "TYPE",
            TYPE,
            "QUEUE",
            QUEUE,
            "Department",
            DEPARTMENT,
            "SubmittedPhoto",
            SUBMITTED_PHOTO,
            "ClosedPhoto",
            CLOSED_PHOTO,
            "Location",
            LOCATION,
            "fire_district",
            FIRE_DISTRICT,
            "pwd_district",
            PWD_DISTRICT,
            "city_council_district",
            CITY_COUNCIL_DISTRICT,
            "police_district",
            POLICE_DISTRICT,
            "neighborhood",
            NEIGHBORHOOD,
            "neighborhood_services_district",
            NEIGHBORHOOD_SERVICES_DISTRICT,
            "ward",
            WARD,
            "precinct",
            PRECINCT,
            "land_usage",
            LAND_USAGE,
            "LOCATION_STREET_NAME",
            STREET_NAME,
            "LOCATION_ZIPCODE",
            ZIPCODE,
            "Property_Type",
            PROPERTY_TYPE,
            "Property_ID",
            PROPERTY_ID,
            "LATITUDE",
            LATITUDE,
            "LONGITUDE",
            LONGITUDE,
            "Source",
            SOURCE,
            "Geocoded_Location",
            GEOCODED_LOCATION),

    CKAN_2019(
            "ckan-2019",
            TimestampStyle.ISO_SPACE,
            false,
            true,
            " ",
            "case_enquiry_id",
            CASE_ID,
            "open_dt",
            OPEN,
            "target_dt",
            TARGET,
            "closed_dt",
            CLOSED,
            "ontime",
            ON_TIME,
            "case_status",
            STATUS,
            "closure_reason",
            CLOSURE_REASON,
            "case_title",
            CASE_TITLE,
            "subject",
            SUBJECT,
            "reason",
            REASON,
            "type",
            TYPE,
            "queue",
            QUEUE,
            "department",
            DEPARTMENT,
            "submittedphoto",
            SUBMITTED_PHOTO,
            "closedphoto",
            CLOSED_PHOTO,
            "location",
            LOCATION,
            "fire_district",
            FIRE_DISTRICT,
            "pwd_district",
            PWD_DISTRICT,
            "city_council_district",
            CITY_COUNCIL_DISTRICT,
            "police_district",
            POLICE_DISTRICT,
            "neighborhood",
            NEIGHBORHOOD,
            "neighborhood_services_district",
            NEIGHBORHOOD_SERVICES_DISTRICT,
            "ward",
            WARD,
            "precinct",
            PRECINCT,
            "location_street_name",
            STREET_NAME,
            "location_zipcode",
            ZIPCODE,
            "latitude",
            LATITUDE,
            "longitude",
            LONGITUDE,
            "source",
            SOURCE),

    CURRENT_2025(
            "current-2025",
            TimestampStyle.ISO_SPACE,
            true,
            true,
            " ",
            "case_enquiry_id",
            CASE_ID,
            "open_dt",
            OPEN,
            "sla_target_dt",
            TARGET,
            "closed_dt",
            CLOSED,
            "on_time",
            ON_TIME,
            "case_status",
            STATUS,
            "closure_reason",
            CLOSURE_REASON,
            "case_title",
            CASE_TITLE,
            "subject",
            SUBJECT,
            "reason",
            REASON,
            "type",
            TYPE,
            "queue",
            QUEUE,
            "department",
            DEPARTMENT,
            "submitted_photo",
            SUBMITTED_PHOTO,
            "closed_photo",
            CLOSED_PHOTO,
            "location",
            LOCATION,
            "fire_district",
            FIRE_DISTRICT,
            "pwd_district",
            PWD_DISTRICT,
            "city_council_district",
            CITY_COUNCIL_DISTRICT,
            "police_district",
            POLICE_DISTRICT,
            "neighborhood",
            NEIGHBORHOOD,
            "neighborhood_services_district",
            NEIGHBORHOOD_SERVICES_DISTRICT,
            "ward",
            WARD,
            "precinct",
            PRECINCT,
            "location_street_name",
            STREET_NAME,
            "location_zipcode",
            ZIPCODE,
            "latitude",
            LATITUDE,
            "longitude",
            LONGITUDE,
            "geom_4326",
            GEOM_4326,
            "source",
            SOURCE),

    SYSTEM_2024(
            "system-2024",
            TimestampStyle.ISO_SPACE,
            true,
            true,
            " ",
            "case_id",
            CASE_ID,
            "open_date",
            OPEN,
            "target_close_date",
            TARGET,
            "close_date",
            CLOSED,
            "case_status",
            STATUS,
            "case_topic",
            REASON,
            "service_name",
            TYPE,
            "closure_reason",
            CLOSURE_REASON,
            "assigned_department",
            SUBJECT,
            "submitted_photo",
            SUBMITTED_PHOTO,
            "closed_photo",
            CLOSED_PHOTO,
            "full_address",
            LOCATION,
            "zip_code",
            ZIPCODE,
            "ward",
            WARD,
            "neighborhood",
            NEIGHBORHOOD,
            "latitude",
            LATITUDE,
            "longitude",
            LONGITUDE);

    private final String cliName;
    private final TimestampStyle timestampStyle;
    private final boolean fullPrecisionCoordinates;
    private final boolean intersectionTrailingSpaces;
    private final String openClosureReason;
    private final String[] header;
    private final Column[] columns;

    Layout(
            String cliName,
            TimestampStyle timestampStyle,
            boolean fullPrecisionCoordinates,
            boolean intersectionTrailingSpaces,
            String openClosureReason,
            Object... headerAndColumns) {
        this.cliName = cliName;
        this.timestampStyle = timestampStyle;
        this.fullPrecisionCoordinates = fullPrecisionCoordinates;
        this.intersectionTrailingSpaces = intersectionTrailingSpaces;
        this.openClosureReason = openClosureReason;
        this.header = new String[headerAndColumns.length / 2];
        this.columns = new Column[header.length];
        for (int i = 0; i < header.length; i++) {
            header[i] = (String) headerAndColumns[2 * i];
            columns[i] = (Column) headerAndColumns[2 * i + 1];
        }
    }

    /** The name used on the command line, e.g. {@code ckan-2019}. */
    public String cliName() {
        return cliName;
    }

    public List<String> header() {
        return List.of(header);
    }

    String[] headerArray() {
        return header.clone();
    }

    /** What each header position holds. */
    public List<Column> columns() {
        return List.of(columns);
    }

    Column column(int index) {
        return columns[index];
    }

    int width() {
        return columns.length;
    }

    public boolean publishes(Column column) {
        return Arrays.asList(columns).contains(column);
    }

    /** Boston-local wall-clock time in this layout's format, without offset. */
    public String formatTimestamp(Instant instant) {
        return timestampStyle.format(instant);
    }

    /** 2011 and 2019 exports round coordinates to 4 decimals; the current ones publish full doubles. */
    boolean fullPrecisionCoordinates() {
        return fullPrecisionCoordinates;
    }

    /** Since 2019 an intersection's location keeps the separator of its missing zip: "...  MA  ". */
    boolean intersectionTrailingSpaces() {
        return intersectionTrailingSpaces;
    }

    /** closure_reason of a case that is still open: empty in 2011, a single space later. */
    String openClosureReason() {
        return openClosureReason;
    }

    public static Layout fromCliName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Layout layout : values()) {
            if (layout.cliName.equals(wanted) || layout.name().equalsIgnoreCase(wanted)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + name + "', expected one of " + cliNames());
    }

    public static List<String> cliNames() {
        List<String> names = new ArrayList<>();
        for (Layout layout : values()) {
            names.add(layout.cliName);
        }
        return names;
    }
}
