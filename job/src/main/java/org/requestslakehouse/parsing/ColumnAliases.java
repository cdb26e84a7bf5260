package org.requestslakehouse.parsing;

import java.util.HashMap;
import java.util.Map;
import org.requestslakehouse.model.SourceLayout;

/**
 * Boston's column names, as its built-in city profile ({@code cities/boston.json}) declares them: the four layouts
 * Boston has published (job/src/test/resources/real311/README.md) and what their columns mean. Tools that handle
 * Boston files alone (the lifecycle replay, the generator) use this; the parser goes through {@link CityProfiles}.
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
    static final String BOSTON = "boston";

    private static final CityRules RULES = new CityRules(CityProfiles.builtIn(BOSTON), 0);
    private static final CanonicalField[] FIELDS = CanonicalField.values();
    private static final Map<String, SourceLayout> SIGNATURES = new HashMap<>();
    private static final SourceLayout[] LAYOUTS = SourceLayout.values();

    static {
        for (CityProfile.Layout layout : RULES.profile().layouts()) {
            for (String column : layout.signature()) {
                SIGNATURES.put(column, SourceLayout.valueOf(layout.name()));
            }
        }
    }

    private ColumnAliases() {}

    /** The field {@code key} stands for, or null when it matches no known column. */
    public static CanonicalField field(String key) {
        int slot = RULES.slotOf(normalise(key));
        return slot >= 0 && slot < FIELDS.length ? FIELDS[slot] : null;
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
        int winner = decide(votes);
        return winner < 0 ? SourceLayout.UNKNOWN : LAYOUTS[winner];
    }

    /** The index with the most votes, or -1 for a tie or no votes at all. */
    static int decide(int[] votes) {
        int best = -1;
        int bestVotes = 0;
        boolean tie = false;
        for (int i = 0; i < votes.length; i++) {
            if (votes[i] > bestVotes) {
                best = i;
                bestVotes = votes[i];
                tie = false;
            } else if (votes[i] == bestVotes && bestVotes > 0) {
                tie = true;
            }
        }
        return tie ? -1 : best;
    }

    /** Lower case, letters and digits only: {@code "OnTime_Status"} becomes {@code "ontimestatus"}. */
    static String normalise(String key) {
        return CityProfiles.normalise(key);
    }
}
