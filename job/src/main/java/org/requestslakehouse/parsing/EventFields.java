package org.requestslakehouse.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.util.Arrays;

/**
 * One message's values by {@link CanonicalField} (plus the point slot), instead of a map per message, plus the
 * layout votes, the city profile chosen and the extra fields. Reused message after message after {@link #clear()}.
 *
 * <p>Which profile a message belongs to is only known once all its keys are read, so a key some profile knows is
 * held as pending (key, value, position) and applied by {@link #resolve} under the chosen profile; a key no
 * profile knows goes straight to the extra fields, as before profiles existed.
 */
final class EventFields {
    static final byte STRING = 0;
    static final byte NUMBER = 1;
    static final byte BOOLEAN = 2;
    static final byte NULL = 3;
    /** A JSON object or array: already copied to the extra fields, only flagged when resolved. */
    static final byte STRUCTURED = 4;

    private final CityProfiles profiles;
    private final String[] values = new String[CityProfiles.SLOTS];
    private final boolean[] present = new boolean[CityProfiles.SLOTS];
    private final boolean[] structured = new boolean[CityProfiles.SLOTS];
    private final int[] layoutVotes;
    final ExtraFields extras;

    private String[] pendingKeys = new String[48];
    private CityProfiles.KeyMeaning[] pendingMeanings = new CityProfiles.KeyMeaning[48];
    private String[] pendingValues = new String[48];
    private byte[] pendingKinds = new byte[48];
    private int[] pendingPositions = new int[48];
    private int pending;
    private int keyCount;
    private int knownMask;
    private int idMask;
    private int layout = -1;
    private CityRules city;

    EventFields(JsonFactory json, CityProfiles profiles) {
        this.extras = new ExtraFields(json);
        this.profiles = profiles;
        this.layoutVotes = new int[profiles.layoutCount()];
    }

    void clear() {
        Arrays.fill(values, null);
        Arrays.fill(present, false);
        Arrays.fill(structured, false);
        Arrays.fill(layoutVotes, 0);
        Arrays.fill(pendingValues, 0, pending, null);
        pending = 0;
        keyCount = 0;
        knownMask = 0;
        idMask = 0;
        layout = -1;
        city = null;
        extras.clear();
    }

    /** Counts a key of the message and its signature vote; returns its position among the message's keys. */
    int key(CityProfiles.KeyMeaning meaning) {
        if (meaning.layout() >= 0) {
            layoutVotes[meaning.layout()]++;
        }
        knownMask |= meaning.knownMask();
        idMask |= meaning.idMask();
        return keyCount++;
    }

    /** Holds a key some profile knows until the profile is chosen. */
    void hold(String key, CityProfiles.KeyMeaning meaning, byte kind, String value, int position) {
        if (pending == pendingKeys.length) {
            int n = pending * 2;
            pendingKeys = Arrays.copyOf(pendingKeys, n);
            pendingMeanings = Arrays.copyOf(pendingMeanings, n);
            pendingValues = Arrays.copyOf(pendingValues, n);
            pendingKinds = Arrays.copyOf(pendingKinds, n);
            pendingPositions = Arrays.copyOf(pendingPositions, n);
        }
        pendingKeys[pending] = key;
        pendingMeanings[pending] = meaning;
        pendingValues[pending] = value;
        pendingKinds[pending] = kind;
        pendingPositions[pending] = position;
        pending++;
    }

    /**
     * Chooses the profile (see {@link CityProfiles}) and applies the held keys under it, in message order.
     *
     * @return false when a single profile is in play and it knows none of the message's keys
     */
    boolean resolve(DqFlags flags) throws IOException {
        layout = CityProfiles.decide(layoutVotes);
        int profile;
        if (layout >= 0) {
            profile = profiles.profileOfLayout(layout);
        } else if (idMask != 0) {
            profile = Integer.numberOfTrailingZeros(idMask);
        } else if (knownMask != 0) {
            profile = Integer.numberOfTrailingZeros(knownMask);
        } else if (profiles.size() == 1 && keyCount > 0) {
            city = profiles.rules(0);
            return false;
        } else {
            profile = 0;
        }
        city = profiles.rules(profile);
        for (int i = 0; i < pending; i++) {
            apply(
                    pendingKeys[i],
                    pendingMeanings[i].slot(profile),
                    pendingKinds[i],
                    pendingValues[i],
                    pendingPositions[i],
                    flags);
        }
        return true;
    }

    private void apply(String key, int slot, byte kind, String value, int position, DqFlags flags) throws IOException {
        if (slot < 0) {
            if (kind != STRUCTURED) {
                extras.late(key, kind, value, position);
            }
            return;
        }
        if (kind == STRUCTURED) {
            present[slot] = true;
            structured[slot] = true;
            flags.add(slot == CityProfiles.POINT ? DqFlags.INVALID_COORDINATES : DqFlags.invalid(field(slot)));
            return;
        }
        String offered = city.isEmptyValue(value) ? "" : value;
        if (!offer(slot, offered)) {
            if (slot != CityProfiles.POINT) {
                flags.add(DqFlags.conflicting(field(slot)));
            }
            extras.late(key, kind, value, position);
        }
    }

    /** The profile chosen by {@link #resolve}. */
    CityRules city() {
        return city;
    }

    /** The published layout's name, {@code UNKNOWN} when no layout won. */
    String layoutName() {
        return profiles.layoutName(layout);
    }

    /** The value as published (JSON string, number text or boolean), null for JSON null or an absent key. */
    String get(CanonicalField field) {
        return values[field.ordinal()];
    }

    /** The point column's value ({@link CityProfile#pointColumns()}), null if none. */
    String point() {
        return values[CityProfiles.POINT];
    }

    /** Some key for this field was in the message, whatever its value. */
    boolean present(CanonicalField field) {
        return present[field.ordinal()];
    }

    /** The field came as a JSON object or array, which no field can use. */
    boolean structured(CanonicalField field) {
        return structured[field.ordinal()];
    }

    /** No profile in play knew any of the message's keys. */
    boolean unrecognised() {
        return knownMask == 0 && keyCount > 0;
    }

    String profileNames() {
        return profiles.names();
    }

    /**
     * Takes {@code value} unless the slot already has a non-blank one; returns false when the value conflicts
     * with the one already there (different and non-blank), so the caller can keep it elsewhere.
     */
    private boolean offer(int i, String value) {
        present[i] = true;
        String current = values[i];
        if (isBlank(current)) {
            if (current == null || !isBlank(value)) {
                values[i] = value;
            }
            return true;
        }
        return isBlank(value) || value.equals(current);
    }

    private static CanonicalField field(int slot) {
        return FIELDS[slot];
    }

    private static final CanonicalField[] FIELDS = CanonicalField.values();

    static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i)) && !Character.isSpaceChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
