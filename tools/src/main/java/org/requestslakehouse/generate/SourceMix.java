package org.requestslakehouse.generate;

import java.util.random.RandomGenerator;

/** How the cases of one service type reach 311: the value of the {@code source} column. */
enum SourceMix {
    /** Reported by residents, mostly through the app. */
    PUBLIC(WeightedChoice.ofPairs(
            "Citizens Connect App",
            45,
            "Constituent Call",
            32,
            "Employee Generated",
            8,
            "Self Service",
            7,
            "City Worker App",
            6,
            "Twitter",
            2)),
    /** Reported mostly by phone. */
    CALL(WeightedChoice.ofPairs(
            "Constituent Call", 70, "Citizens Connect App", 12, "Employee Generated", 12, "Self Service", 6)),
    /** Logged by crews in the field. */
    FIELD_CREW(WeightedChoice.ofPairs("City Worker App", 70, "Employee Generated", 22, "Citizens Connect App", 8)),
    /** Opened and closed by the department itself. */
    INTERNAL(WeightedChoice.ofPairs("Employee Generated", 1)),
    /** Booked through the self-service web forms. */
    SELF_SERVICE(WeightedChoice.ofPairs("Self Service", 55, "Constituent Call", 35, "Employee Generated", 10));

    private final WeightedChoice<String> channels;

    SourceMix(WeightedChoice<String> channels) {
        this.channels = channels;
    }

    String pick(RandomGenerator random) {
        return channels.pick(random);
    }
}
