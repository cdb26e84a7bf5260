package org.requestslakehouse.generate;

import java.util.List;
import java.util.Map;

/**
 * New York City's complaint types as the portal export publishes them: agency, descriptors, location types, how
 * often and how fast they close, and the resolution texts. The sample's types (NYPD noise and parking above all)
 * keep the sample's proportions; a few of the city's highest-volume types that a midnight sample cannot show (heat,
 * street lights, water) are added at modest weights so the other agencies appear.
 */
final class NycCatalog {

    static final Map<String, String> AGENCY_NAMES = Map.of(
            "NYPD", "New York City Police Department",
            "DSNY", "Department of Sanitation",
            "DPR", "Department of Parks and Recreation",
            "DOT", "Department of Transportation",
            "HPD", "Department of Housing Preservation and Development",
            "DEP", "Department of Environmental Protection");

    /**
     * One complaint type.
     *
     * @param blockface  reported along a street segment rather than at an address: no location type and, as in the
     *                   export, no coordinates
     * @param resolution texts the agency closes (or, for an open case, annotates) it with
     */
    record Complaint(
            String type,
            String agency,
            double weight,
            WeightedChoice<String> descriptors,
            WeightedChoice<String> locationTypes,
            boolean blockface,
            double closedShare,
            double medianResolutionHours,
            List<String> resolution) {}

    private static final List<String> NYPD_RESOLUTIONS = List.of(
            "The Police Department responded to the complaint and took action to fix the condition.",
            "The Police Department responded to the complaint and with the information available observed no"
                    + " evidence of the violation at that time.",
            "The Police Department issued a summons in response to the complaint.",
            "The Police Department responded to the complaint but officers were unable to gain entry into the"
                    + " premises.",
            "The Police Department reviewed your complaint and provided additional information below.",
            "The Police Department responded and upon arrival those responsible for the condition were gone.",
            "The Police Department responded to the complaint and determined that police action was not necessary.");

    private static WeightedChoice<String> one(String value) {
        return WeightedChoice.ofPairs(value, 1);
    }

    private static Complaint nypd(String type, double weight, WeightedChoice<String> descriptors, String location) {
        return new Complaint(type, "NYPD", weight, descriptors, one(location), false, 0.93, 1.2, NYPD_RESOLUTIONS);
    }

    static final List<Complaint> COMPLAINTS = List.of(
            new Complaint(
                    "Noise - Residential",
                    "NYPD",
                    19,
                    WeightedChoice.ofPairs("Loud Music/Party", 75, "Banging/Pounding", 15, "Loud Talking", 10),
                    one("Residential Building/House"),
                    false,
                    0.93,
                    1.2,
                    NYPD_RESOLUTIONS),
            nypd(
                    "Noise - Street/Sidewalk",
                    13,
                    WeightedChoice.ofPairs("Loud Music/Party", 80, "Loud Talking", 20),
                    "Street/Sidewalk"),
            nypd(
                    "Illegal Parking",
                    11,
                    WeightedChoice.ofPairs(
                            "Blocked Hydrant", 30,
                            "Posted Parking Sign Violation", 25,
                            "Commercial Overnight Parking", 20,
                            "Double Parked Blocking Traffic", 10,
                            "Blocked Crosswalk", 10,
                            "Unauthorized Bus Layover", 5),
                    "Street/Sidewalk"),
            new Complaint(
                    "Noise - Commercial",
                    "NYPD",
                    5,
                    WeightedChoice.ofPairs("Loud Music/Party", 60, "Loud Talking", 40),
                    WeightedChoice.ofPairs("Store/Commercial", 70, "Club/Bar/Restaurant", 30),
                    false,
                    0.93,
                    1.2,
                    NYPD_RESOLUTIONS),
            nypd(
                    "Blocked Driveway",
                    4,
                    WeightedChoice.ofPairs("No Access", 75, "Partial Access", 25),
                    "Street/Sidewalk"),
            nypd(
                    "Noise - Vehicle",
                    3,
                    WeightedChoice.ofPairs("Car/Truck Music", 60, "Car/Truck Horn", 40),
                    "Street/Sidewalk"),
            nypd("Encampment", 2, one("N/A"), "Street/Sidewalk"),
            new Complaint(
                    "Residential Disposal Complaint",
                    "DSNY",
                    1.5,
                    one("Waste Left in Front of Other Residence"),
                    one("Sidewalk"),
                    false,
                    0.85,
                    72,
                    List.of(
                            "The Department of Sanitation investigated this complaint and issued a summons.",
                            "The Department of Sanitation investigated this complaint and found no violation at the"
                                    + " location.")),
            new Complaint(
                    "Violation of Park Rules",
                    "DPR",
                    1,
                    WeightedChoice.ofPairs("Unsafe Use of Playground", 60, "Dog Off Leash", 40),
                    one("Park"),
                    false,
                    0.8,
                    48,
                    List.of("The Department of Parks and Recreation visited the location and the condition was not"
                            + " found.")),
            new Complaint(
                    "Street Condition",
                    "DOT",
                    2,
                    WeightedChoice.ofPairs("Pothole", 80, "Defective Hardware", 20),
                    one(""),
                    true,
                    0.75,
                    96,
                    List.of("The Department of Transportation referred this complaint to the appropriate Maintenance"
                            + " Unit for repair.")),
            new Complaint(
                    "Street Light Condition",
                    "DOT",
                    1.5,
                    WeightedChoice.ofPairs("Street Light Out", 85, "Street Light Cycling", 15),
                    one(""),
                    true,
                    0.8,
                    120,
                    List.of("The Department of Transportation inspected the street light and repaired the"
                            + " condition.")),
            new Complaint(
                    "HEAT/HOT WATER",
                    "HPD",
                    4,
                    WeightedChoice.ofPairs("ENTIRE BUILDING", 60, "APARTMENT ONLY", 40),
                    one("RESIDENTIAL BUILDING"),
                    false,
                    0.9,
                    40,
                    List.of(
                            "The Department of Housing Preservation and Development contacted a tenant in the"
                                    + " building and verified that heat was restored.",
                            "The Department of Housing Preservation and Development inspected the following"
                                    + " conditions. No violations were issued.")),
            new Complaint(
                    "Water System",
                    "DEP",
                    1,
                    WeightedChoice.ofPairs(
                            "Hydrant Running (WC3)", 50, "No Water (WNW)", 30, "Leak (Use Comments) (WA2)", 20),
                    one(""),
                    false,
                    0.9,
                    20,
                    List.of("The Department of Environmental Protection inspected your complaint and determined the"
                            + " condition was fixed.")));

    static final WeightedChoice<Complaint> BY_VOLUME = WeightedChoice.of(COMPLAINTS, Complaint::weight);

    /** How residents reached 311, as the sample splits them. */
    static final WeightedChoice<String> CHANNELS =
            WeightedChoice.ofPairs("MOBILE", 28, "ONLINE", 23, "PHONE", 8, "UNKNOWN", 1);

    private NycCatalog() {}
}
