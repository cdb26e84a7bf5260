package org.requestslakehouse.model;

/** The four column layouts Boston has published 311 data in (see job/src/test/resources/real311/README.md). */
public enum SourceLayout {
    /** Old portal export, upper-case names: CASE_ENQUIRY_ID, OPEN_DT, TARGET_DT, OnTime_Status, Geocoded_Location. */
    SOCRATA_2011,
    /** 2019-2023 portal export: case_enquiry_id, target_dt, ontime, submittedphoto. */
    CKAN_2019,
    /** Current export: sla_target_dt, on_time, submitted_photo, geom_4326. */
    CURRENT_2025,
    /** The city's newer system since 2024: case_id, open_date, target_close_date, service_name. */
    SYSTEM_2024,
    /** Keys matched no layout's signature columns (still parsed through the alias table). */
    UNKNOWN
}
