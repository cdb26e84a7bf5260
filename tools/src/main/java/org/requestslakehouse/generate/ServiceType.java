package org.requestslakehouse.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of the 311 classification (subject, reason, type) with everything that makes its cases look like the
 * real ones: the queues and departments that handle it, its SLA, how many get closed and how fast, how residents
 * report it and what crews write when they close it.
 */
final class ServiceType {

    /** Queue placeholder resolved to the public works district of the case's address. */
    static final String PWD_DISTRICT_QUEUE = "{pwd-district}";

    private static final Map<String, String> PWD_DISTRICT_QUEUES = Map.ofEntries(
            Map.entry("1A", "PWDx_District 1A: Charlestown"),
            Map.entry("1B", "PWDx_District 1B: North End"),
            Map.entry("1C", "PWDx_District 1C: Downtown"),
            Map.entry("02", "PWDx_District 02: Jamaica Plain"),
            Map.entry("03", "PWDx_District 03: North Dorchester"),
            Map.entry("04", "PWDx_District 04: Allston/Brighton"),
            Map.entry("05", "PWDx_District 05: South Boston"),
            Map.entry("06", "PWDx_District 06: West Roxbury and Roslindale"),
            Map.entry("07", "PWDx_District 07: South Dorchester"),
            Map.entry("08", "PWDx_District 08: Hyde Park"),
            Map.entry("09", "PWDx_District 09: East Boston"),
            Map.entry("10A", "PWDx_District 10A: Roxbury"),
            Map.entry("10B", "PWDx_District 10B: Roxbury"));

    /** Cases with City Hall's placeholder location land in the district City Hall is in. */
    private static final String CITY_HALL_PWD_DISTRICT = "1C";

    /** Who works a case. The department is the queue's owner, which is not always the subject's department. */
    record Routing(String queue, String department) {}

    final String subject;
    final String reason;
    final String type;
    final double weight;
    final WeightedChoice<Routing> routings;
    /** Alternative case title; may contain {pwd}, {ward} and {precinct}. Null when titles always equal the type. */
    final String titleVariant;

    final double titleVariantShare;
    final SlaRule sla;
    final double closedShare;
    final double medianResolutionHours;
    final double resolutionSigma;
    final SourceMix sources;
    /** Closed by the crew that logged it, with the fixed "Internal Case" closure text. */
    final boolean internal;

    final List<String> resolutionNotes;

    private ServiceType(Builder b) {
        this.subject = b.subject;
        this.reason = b.reason;
        this.type = b.type;
        this.weight = b.weight;
        this.routings = WeightedChoice.of(b.routings, b.routingWeights);
        this.titleVariant = b.titleVariant;
        this.titleVariantShare = b.titleVariantShare;
        this.sla = b.sla;
        this.closedShare = b.closedShare;
        this.medianResolutionHours = b.medianResolutionHours;
        this.resolutionSigma = b.resolutionSigma;
        this.sources = b.sources;
        this.internal = b.internal;
        this.resolutionNotes = List.copyOf(b.resolutionNotes);
    }

    static Builder builder(String subject, String reason, String type, double weight) {
        return new Builder(subject, reason, type, weight);
    }

    /** The concrete queue name for a routing, resolving the district placeholder from the case's place. */
    static String queueFor(Routing routing, String pwdDistrict) {
        if (!PWD_DISTRICT_QUEUE.equals(routing.queue())) {
            return routing.queue();
        }
        String district = pwdDistrict == null ? CITY_HALL_PWD_DISTRICT : pwdDistrict;
        String queue = PWD_DISTRICT_QUEUES.get(district);
        if (queue == null) {
            throw new IllegalStateException("no public works queue for district " + district);
        }
        return queue;
    }

    static final class Builder {
        private final String subject;
        private final String reason;
        private final String type;
        private final double weight;
        private final List<Routing> routings = new ArrayList<>();
        private final List<Double> routingWeights = new ArrayList<>();
        private String titleVariant;
        private double titleVariantShare;
        private SlaRule sla = SlaRule.NONE;
        private double closedShare = 0.85;
        private double medianResolutionHours = 24;
        private double resolutionSigma = 1.2;
        private SourceMix sources = SourceMix.PUBLIC;
        private boolean internal;
        private final List<String> resolutionNotes = new ArrayList<>();

        private Builder(String subject, String reason, String type, double weight) {
            this.subject = subject;
            this.reason = reason;
            this.type = type;
            this.weight = weight;
        }

        Builder queue(String queue, String department, double share) {
            routings.add(new Routing(queue, department));
            routingWeights.add(share);
            return this;
        }

        Builder title(String variant, double share) {
            this.titleVariant = variant;
            this.titleVariantShare = share;
            return this;
        }

        Builder sla(SlaRule rule) {
            this.sla = rule;
            return this;
        }

        /** Share of cases closed, and the lognormal time to close: median in hours and sigma of its log. */
        Builder closes(double share, double medianHours, double sigma) {
            this.closedShare = share;
            this.medianResolutionHours = medianHours;
            this.resolutionSigma = sigma;
            return this;
        }

        Builder sources(SourceMix mix) {
            this.sources = mix;
            return this;
        }

        Builder internal() {
            this.internal = true;
            return this;
        }

        Builder notes(String... notes) {
            resolutionNotes.addAll(List.of(notes));
            return this;
        }

        ServiceType build() {
            if (routings.isEmpty()) {
                throw new IllegalStateException(type + " has no queue");
            }
            return new ServiceType(this);
        }
    }
}
