package org.requestslakehouse.parsing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.requestslakehouse.config.ParseConfig;

/**
 * The city profiles one parser chooses between, compiled into lookup tables: per profile, normalised column name
 * to field slot; across profiles, exact column name to layout. Immutable, so the set of every built-in profile
 * (auto mode) is compiled once per JVM and shared by all parsers; a forced or user profile is compiled per parser
 * instance. What a key means is then cached per key by {@link EventJsonReader}, so a message costs no map lookups
 * beyond today's.
 *
 * <p>Which profile a message belongs to: the layout whose signature columns (spelled exactly) it has most of,
 * across every profile's layouts, decides; a tie or no signature at all falls back to the first profile under
 * which the message has a case id, then to the first that knows any of its keys, then to the first profile (so
 * with the built-in set a message nobody recognises is parsed as Boston's was, and rejected for its missing case
 * id). When only one profile is in play (forced by {@code parse.city} or {@code parse.city-profile}), a message
 * none of whose keys it knows is rejected as {@link org.requestslakehouse.model.RejectReason#UNKNOWN_LAYOUT}.
 */
public final class CityProfiles {
    /** The value slot of {@link CityProfile#pointColumns()}, after the canonical fields' slots. */
    static final int POINT = CanonicalField.COUNT;

    static final int SLOTS = CanonicalField.COUNT + 1;
    static final String UNKNOWN_LAYOUT = "UNKNOWN";

    private static final Map<String, CityProfile> BUILT_IN_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, CanonicalField> FIELDS_BY_NAME = new HashMap<>();

    static {
        for (CanonicalField field : CanonicalField.values()) {
            FIELDS_BY_NAME.put(field.column(), field);
        }
    }

    private final CityRules[] rules;
    private final String[] layoutNames;
    private final int[] layoutProfile;
    private final Map<String, Integer> layoutBySignature = new HashMap<>();
    private final String names;

    public CityProfiles(List<CityProfile> profiles) {
        if (profiles.isEmpty() || profiles.size() > 31) {
            throw new IllegalArgumentException("between 1 and 31 city profiles, not " + profiles.size());
        }
        rules = new CityRules[profiles.size()];
        List<String> layouts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int p = 0; p < profiles.size(); p++) {
            CityProfile profile = profiles.get(p);
            for (int q = 0; q < p; q++) {
                if (rules[q].name().equals(profile.name())) {
                    throw new CityProfileLoader.CityProfileException("two city profiles are named " + profile.name());
                }
            }
            for (CityProfile.Layout layout : profile.layouts()) {
                if (layouts.contains(layout.name())) {
                    throw new CityProfileLoader.CityProfileException(
                            "layout " + layout.name() + " of city profile " + profile.name() + " is another's too");
                }
                int index = layouts.size();
                layouts.add(layout.name());
                owners.add(p);
                for (String column : layout.signature()) {
                    Integer previous = layoutBySignature.put(column, index);
                    if (previous != null) {
                        throw new CityProfileLoader.CityProfileException("signature column '" + column + "' of "
                                + profile.name() + " is claimed by layout " + layouts.get(previous) + " too");
                    }
                }
            }
            rules[p] = new CityRules(profile, p);
        }
        layoutNames = layouts.toArray(new String[0]);
        layoutProfile = owners.stream().mapToInt(Integer::intValue).toArray();
        names = String.join(", ", Arrays.stream(rules).map(CityRules::name).toList());
    }

    /**
     * The profiles {@code config} puts in play: the user's profile alone when {@code parse.city-profile} is set,
     * else the built-in one {@code parse.city} names, else (auto) every built-in profile.
     */
    public static CityProfiles of(ParseConfig config) {
        if (config.cityProfile() != null) {
            return new CityProfiles(List.of(config.cityProfile()));
        }
        if (!ParseConfig.AUTO.equals(config.city())) {
            return new CityProfiles(List.of(builtIn(config.city())));
        }
        return BuiltIn.ALL;
    }

    /** A built-in profile, read from the classpath once per JVM (profiles are immutable). */
    public static CityProfile builtIn(String name) {
        return BUILT_IN_CACHE.computeIfAbsent(name, CityProfileLoader::builtIn);
    }

    /**
     * The fields {@code key} stands for under the built-in profiles, one per profile that knows it: for tools that
     * rewrite a published row without parsing it (replay's lifecycle events blank a row's closure columns).
     */
    public static Set<CanonicalField> builtInFields(String key) {
        KeyMeaning meaning = BuiltIn.ALL.meaningOf(key);
        Set<CanonicalField> fields = EnumSet.noneOf(CanonicalField.class);
        for (int p = 0; p < BuiltIn.ALL.size(); p++) {
            CanonicalField field = fieldOfSlot(meaning.slot(p));
            if (field != null) {
                fields.add(field);
            }
        }
        return fields;
    }

    /**
     * The field {@code key} stands for under the built-in profile {@code city}, or null when that profile knows no
     * such column (or only as its point column). Case and punctuation are ignored, as the parser ignores them.
     */
    public static CanonicalField builtInField(String city, String key) {
        for (CityRules rules : BuiltIn.ALL.rules) {
            if (rules.name().equals(city)) {
                return fieldOfSlot(rules.slotOf(normalise(key)));
            }
        }
        throw new IllegalArgumentException("no built-in city profile is named " + city);
    }

    private static CanonicalField fieldOfSlot(int slot) {
        return slot >= 0 && slot < CanonicalField.COUNT ? CanonicalField.values()[slot] : null;
    }

    /** Every built-in profile, compiled on first use and shared (auto mode, {@link #builtInFields}). */
    private static final class BuiltIn {
        static final CityProfiles ALL = new CityProfiles(
                CityProfileLoader.BUILT_IN.stream().map(CityProfiles::builtIn).toList());
    }

    int size() {
        return rules.length;
    }

    CityRules rules(int profile) {
        return rules[profile];
    }

    int layoutCount() {
        return layoutNames.length;
    }

    String layoutName(int layout) {
        return layout < 0 ? UNKNOWN_LAYOUT : layoutNames[layout];
    }

    int profileOfLayout(int layout) {
        return layoutProfile[layout];
    }

    /**
     * The layout a message's signature votes (one count per layout index) elect: the one with the most votes, or
     * -1 for a tie or no votes at all.
     */
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

    /** The names of the profiles in play, for messages: {@code boston, nyc, open311}. */
    String names() {
        return names;
    }

    /** What {@code key} means under every profile in play. */
    KeyMeaning meaningOf(String key) {
        String normalised = normalise(key);
        int[] slots = null;
        int knownMask = 0;
        int idMask = 0;
        for (int p = 0; p < rules.length; p++) {
            int slot = rules[p].slotOf(normalised);
            if (slot >= 0) {
                if (slots == null) {
                    slots = new int[rules.length];
                    Arrays.fill(slots, -1);
                }
                slots[p] = slot;
                knownMask |= 1 << p;
                if (slot == CanonicalField.CASE_ENQUIRY_ID.ordinal()) {
                    idMask |= 1 << p;
                }
            }
        }
        Integer layout = layoutBySignature.get(key);
        if (layout != null) {
            knownMask |= 1 << layoutProfile[layout];
        }
        if (knownMask == 0) {
            return KeyMeaning.UNKNOWN;
        }
        return new KeyMeaning(slots, layout == null ? -1 : layout, knownMask, idMask);
    }

    /**
     * What a key means: the value slot per profile (-1 where that profile does not know it), the global layout it
     * is a signature column of (-1 if none), and bit masks of the profiles that know it and that take it as the
     * case id.
     */
    record KeyMeaning(int[] slots, int layout, int knownMask, int idMask) {
        static final KeyMeaning UNKNOWN = new KeyMeaning(null, -1, 0, 0);

        int slot(int profile) {
            return slots == null ? -1 : slots[profile];
        }
    }

    /** The canonical field whose silver column is {@code name}, or null. */
    static CanonicalField fieldNamed(String name) {
        return FIELDS_BY_NAME.get(name);
    }

    static List<String> fieldNames() {
        return Arrays.stream(CanonicalField.values())
                .map(CanonicalField::column)
                .toList();
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
}
