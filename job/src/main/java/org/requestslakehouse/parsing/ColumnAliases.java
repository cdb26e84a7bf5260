package org.requestslakehouse.parsing;

import static org.requestslakehouse.parsing.CanonicalField.*;

import java.util.HashMap;
import java.util.Map;
import org.requestslakehouse.model.SourceLayout;

/**
 * The column names of the four layouts Boston has published (job/src/test/resources/real311/README.md) and what they
 * mean.
 *
 * <p>Field lookup ignores case and punctuation: a key is lower-cased and stripped of everything but letters and
 * digits before lookup, so {@code OnTime_Status}, {@code on_time} and {@code ontime} all reach
 * {@link CanonicalField#ON_TIME_STATUS}, and a spreadsheet-damaged {@code source;;} still reaches SOURCE. Every
 * silver column name is accepted too, so re-ingesting silver output works. A key that matches nothing is not an
 * error: the parser keeps it in extra_fields.
 *
 * <p>Layout detection cannot ignore case, because case is what tells the 2011 export ({@code CASE_ENQUIRY_ID})
 * from the 2019 one ({@code case_enquiry_id}). It counts, per layout, the keys spelled exactly as only that layout
 * spells them; the layout with the most such keys wins, and a tie or no match at all is
 * {@link SourceLayout#UNKNOWN}.
 */
public final class ColumnAliases {
    private static final Map<String, CanonicalField> FIELDS = new HashMap<>();
    private static final Map<String, SourceLayout> SIGNATURES = new HashMap<>();
    private static final SourceLayout[] LAYOUTS = SourceLayout.values();

    static {
        for (CanonicalField field : CanonicalField.values()) {
            alias(field, field.column());
        }
        alias(CASE_ENQUIRY_ID, "CASE_ENQUIRY_ID", "case_enquiry_id", "case_id");
        alias(OPEN_TS, "OPEN_DT", "open_dt", "open_date");
        alias(SLA_TARGET_TS, "TARGET_DT", "target_dt", "sla_target_dt", "target_close_date");
        alias(CLOSED_TS, "CLOSED_DT", "closed_dt", "close_date");
        alias(ON_TIME_STATUS, "OnTime_Status", "ontime", "on_time");
        alias(CASE_STATUS, "CASE_STATUS", "case_status");
        alias(CLOSURE_REASON, "CLOSURE_REASON", "closure_reason");
        alias(CASE_TITLE, "CASE_TITLE", "case_title");
        alias(SUBJECT, "SUBJECT", "subject");
        alias(REASON, "REASON", "reason", "case_topic");
        alias(TYPE, "TYPE", "type", "service_name");
        alias(QUEUE, "QUEUE", "queue");
        alias(DEPARTMENT, "Department", "department", "assigned_department");
        alias(SUBMITTED_PHOTOS, "SubmittedPhoto", "submittedphoto", "submitted_photo");
        alias(CLOSED_PHOTOS, "ClosedPhoto", "closedphoto", "closed_photo");
        alias(LOCATION, "Location", "location", "full_address");
        alias(LOCATION_STREET_NAME, "LOCATION_STREET_NAME", "location_street_name");
        alias(ZIPCODE, "LOCATION_ZIPCODE", "location_zipcode", "zip_code");
        alias(PROPERTY_TYPE, "Property_Type");
        alias(PROPERTY_ID, "Property_ID");
        alias(SOURCE, "Source", "source");

        signature(
                SourceLayout.SOCRATA_2011,
                "CASE_ENQUIRY_ID",
                "OPEN_DT",
                "TARGET_DT",
                "CLOSED_DT",
                "OnTime_Status",
                "CASE_STATUS",
                "CLOSURE_REASON",
                "Geocoded_Location");
        signature(SourceLayout.CKAN_2019, "target_dt", "ontime", "submittedphoto", "closedphoto");
        signature(SourceLayout.CURRENT_2025, "sla_target_dt", "on_time", "geom_4326");
        signature(
                SourceLayout.SYSTEM_2024,
                "case_id",
                "open_date",
                "target_close_date",
                "close_date",
                "case_topic",
                "service_name",
                "assigned_department",
                "full_address",
                "zip_code");
    }

    private ColumnAliases() {}

    /** The field {@code key} stands for, or null when it matches no known column. */
    public static CanonicalField field(String key) {
        return FIELDS.get(normalise(key));
    }

    /** The layout {@code key}, spelled exactly so, is a signature column of; null if none. */
    public static SourceLayout signatureOf(String key) {
        return SIGNATURES.get(key);
    }

    /** The layout a set of keys was published in. */
    public static SourceLayout detectLayout(Iterable<String> keys) {
        int[] votes = new int[LAYOUTS.length];
        for (String key : keys) {
            SourceLayout layout = signatureOf(key);
            if (layout != null) {
                votes[layout.ordinal()]++;
            }
        }
        return decide(votes);
    }

    /** @param votes signature columns seen, indexed by {@link SourceLayout#ordinal()} */
    static SourceLayout decide(int[] votes) {
        SourceLayout best = SourceLayout.UNKNOWN;
        int bestVotes = 0;
        boolean tie = false;
        for (int i = 0; i < votes.length; i++) {
            if (votes[i] > bestVotes) {
                best = LAYOUTS[i];
                bestVotes = votes[i];
                tie = false;
            } else if (votes[i] == bestVotes && bestVotes > 0) {
                tie = true;
            }
        }
        return tie ? SourceLayout.UNKNOWN : best;
    }

    /** Lower case, letters and digits only: {@code "OnTime_Status"} becomes {@code "ontimestatus"}. */
    static String normalise(String key) {
        StringBuilder b = null;
        int n = key.length();
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (keep && b == null) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder(n).append(key, 0, i);
            }
            if (keep) {
                b.append(c);
            } else if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b == null ? key : b.toString();
    }

    private static void alias(CanonicalField field, String... names) {
        for (String name : names) {
            CanonicalField previous = FIELDS.put(normalise(name), field);
            if (previous != null && previous != field) {
                throw new IllegalStateException("alias " + name + " maps to both " + previous + " and " + field);
            }
        }
    }

    private static void signature(SourceLayout layout, String... names) {
        for (String name : names) {
            if (SIGNATURES.put(name, layout) != null) {
                throw new IllegalStateException("signature column " + name + " claimed by two layouts");
            }
        }
    }
}
