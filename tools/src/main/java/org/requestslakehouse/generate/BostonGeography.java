package org.requestslakehouse.generate;

import java.util.List;

/**
 * Neighborhoods as Boston's 311 exports name them, each with the streets, zips and district codes that occur
 * together in the real samples (ward 16 precincts sit in pwd district 07, fire district 8, police C11, ...), so a
 * generated row never pairs a Dorchester ward with an East Boston zip. Centres and spreads are rough degrees.
 */
final class BostonGeography {

    /** A group of precincts of one ward that share a zip and every district code. */
    record Area(String townLabel, String zip, int ward, String fireDistrict, String pwdDistrict,
                String cityCouncilDistrict, String policeDistrict, String neighborhoodServicesDistrict,
                int[] precincts) {
    }

    record Neighborhood(String name, double weight, double latitude, double longitude, double spreadDegrees,
                        List<String> streets, List<Area> areas) {
    }

    static final double MIN_LATITUDE = 42.23;
    static final double MAX_LATITUDE = 42.395;
    static final double MIN_LONGITUDE = -71.185;
    static final double MAX_LONGITUDE = -71.0;

    static final List<Neighborhood> NEIGHBORHOODS = List.of(
            hood("Dorchester", 16, 42.300, -71.060, 0.012,
                    streets("Dorchester Ave", "Richmond St", "Harvest St", "Dracut St", "Shepton St", "Victoria St",
                            "Hinckley St", "Mclellan St", "Thelma Rd", "Bailey St", "Fendale Ave", "Rawson St",
                            "Sedalia Rd", "Freeport St", "Belden St", "Cedar Grove St", "Hill Top St", "Geneva Ave",
                            "Medway St", "Edna Rd", "Taylor St", "Savin Hill Ave", "Willis St", "Milton St",
                            "Gallivan Blvd", "Granite Ave", "Columbia Rd", "Hallam St", "Granville St"),
                    area("Dorchester", "02125", 13, "7", "03", "3", "C11", "7", 1, 6, 8, 9, 10),
                    area("Dorchester", "02122", 15, "7", "03", "3", "C11", "8", 1, 3, 5, 7),
                    area("Dorchester", "02124", 16, "8", "07", "3", "C11", "7", 1, 6, 8, 11, 12),
                    area("Dorchester", "02122", 16, "8", "07", "3", "C11", "7", 2, 4, 5, 10),
                    area("Dorchester", "02124", 17, "8", "07", "4", "B3", "8", 4, 11, 13),
                    area("Dorchester", "02125", 7, "6", "03", "2", "C6", "5", 8, 9, 10)),
            hood("Roxbury", 9, 42.318, -71.085, 0.009,
                    streets("Shirley St", "Circuit St", "Morley St", "Washington St", "Lambert Ave", "Dorr St",
                            "Fulda St", "Dacia St", "Magnolia St", "Mount Pleasant Ave", "Bragdon St", "Intervale St",
                            "Blue Hill Ave", "Melnea Cass Blvd", "Hampden St", "Seaver St", "Dudley St", "Warren St"),
                    area("Roxbury", "02119", 8, "7", "10B", "7", "B2", "13", 3, 6, 7),
                    area("Roxbury", "02119", 9, "7", "10B", "7", "B2", "13", 3, 5),
                    area("Roxbury", "02119", 11, "9", "10B", "7", "B2", "13", 2, 3),
                    area("Roxbury", "02119", 12, "7", "10B", "7", "B2", "13", 3, 5, 7)),
            hood("South Boston / South Boston Waterfront", 7, 42.335, -71.040, 0.007,
                    streets("L St", "Marine Rd", "W Broadway", "K St", "Dorchester St", "Athens St", "E Third St",
                            "E St", "E Fourth St", "E Sixth St", "Mitchell St", "E Second St", "Boston Wharf Rd",
                            "Congress St", "Summer St"),
                    area("South Boston", "02127", 6, "6", "05", "2", "C6", "5", 4, 6, 7, 8),
                    area("South Boston", "02127", 7, "6", "05", "2", "C6", "5", 1, 5, 6),
                    area("Boston", "02210", 6, "6", "05", "2", "C6", "5", 1)),
            hood("Downtown / Financial District", 6, 42.358, -71.057, 0.004,
                    streets("Endicott St", "Commercial St", "Congress St", "Hanover St", "Henchman St", "Charter St",
                            "North St", "Garden Court St", "Wiget St", "Moon St", "Atlantic Ave", "Knapp St",
                            "Water St", "Harvard St", "Tyler St", "High St", "Lewis St", "Hull St", "Nassau St",
                            "Prince St", "Causeway St", "State St", "Cross St"),
                    area("Boston", "02113", 3, "3", "1B", "1", "A1", "3", 1, 2, 3, 4),
                    area("Boston", "02110", 3, "3", "1C", "1", "A1", "3", 6),
                    area("Boston", "02111", 3, "4", "1C", "2", "A1", "4", 8)),
            hood("Jamaica Plain", 6, 42.312, -71.113, 0.009,
                    streets("Pond St", "Brewer St", "Canterbury St", "Germania St", "Burroughs St", "Oakview Ter",
                            "Bolster St", "Edge Hill St", "Asticou Rd", "Washington St", "Sunnyside St", "Centre St",
                            "South St", "Green St"),
                    area("Jamaica Plain", "02130", 19, "9", "02", "6", "E13", "11", 1, 5, 8),
                    area("Jamaica Plain", "02130", 10, "9", "10A", "6", "E13", "11", 6, 9),
                    area("Jamaica Plain", "02130", 11, "9", "02", "6", "E13", "11", 6, 10)),
            hood("East Boston", 6, 42.375, -71.032, 0.008,
                    streets("Everett St", "Orleans St", "Bremen St", "Saratoga St", "Webster St", "Lexington St",
                            "Ida St", "Ruth St", "Meridian St", "Condor St", "Bennington St", "Maverick St"),
                    area("East Boston", "02128", 1, "1", "09", "1", "A7", "1", 1, 2, 5, 6, 8, 9, 11)),
            hood("South End", 6, 42.340, -71.075, 0.005,
                    streets("W Springfield St", "Shawmut Ave", "Rutland Sq", "E Springfield St", "Columbus Ave",
                            "E Canton St", "Albany St", "Massachusetts Ave", "Chester Park", "Tremont St",
                            "Harrison Ave"),
                    area("Roxbury", "02118", 9, "4", "1C", "7", "D4", "6", 2, 3),
                    area("Roxbury", "02118", 8, "4", "1C", "2", "D4", "6", 1, 2),
                    area("Roxbury", "02118", 4, "4", "1C", "7", "D4", "6", 4)),
            hood("Allston / Brighton", 6, 42.350, -71.150, 0.008,
                    streets("Faneuil St", "Commonwealth Ave", "Wiltshire Rd", "Washington St", "Brooks St",
                            "Baldwin Pl", "Greymere Rd", "N Beacon St", "Everett St", "Cambridge St", "Market St"),
                    area("Brighton", "02135", 22, "11", "04", "9", "D14", "15", 3, 4, 9, 11, 13),
                    area("Brighton", "02135", 21, "11", "04", "9", "D14", "15", 10, 12, 16),
                    area("Allston", "02134", 21, "11", "04", "9", "D14", "15", 5)),
            hood("Back Bay", 5, 42.350, -71.081, 0.004,
                    streets("Arlington St", "Saint Botolph St", "Durham St", "Massachusetts Ave", "Fayette St",
                            "Beacon St", "Boylston St", "Berkeley St", "Fairfield St", "Newbury St",
                            "Marlborough St", "Commonwealth Ave"),
                    area("Boston", "02116", 5, "4", "1C", "8", "D4", "14", 6, 8, 9),
                    area("Boston", "02115", 4, "4", "1C", "7", "D4", "14", 5, 7)),
            hood("Greater Mattapan", 5, 42.275, -71.090, 0.008,
                    streets("Ledgebrook Rd", "River St", "Ellington St", "Stonecrest Rd", "Hazleton St",
                            "Hebron St", "Groveland St", "Blue Hill Ave", "Cummins Hwy", "Morton St"),
                    area("Mattapan", "02126", 18, "8", "07", "5", "B3", "9", 1, 3, 21),
                    area("Mattapan", "02126", 14, "8", "07", "4", "B3", "9", 8),
                    area("Mattapan", "02126", 17, "8", "07", "3", "B3", "7", 14)),
            hood("Hyde Park", 5, 42.255, -71.124, 0.010,
                    streets("Dell Ave", "Hyde Park Ave", "Chittick Rd", "Washington St", "Fairmount Ave",
                            "Sunnyside St", "Greenwood Sq", "Cleveland St", "Drury Rd", "River St", "Truman Hwy"),
                    area("Hyde Park", "02136", 18, "12", "08", "5", "E18", "10", 12, 13, 14, 16, 17, 19)),
            hood("Roslindale", 5, 42.285, -71.128, 0.008,
                    streets("Lilac Ter", "Hewlett St", "Lorraine St", "Beech St", "Westbourne St", "Cliffmont St",
                            "South St", "Belgrade Ave", "Washington St", "Poplar St"),
                    area("Roslindale", "02131", 20, "12", "06", "5", "E5", "10", 1, 4, 8, 9),
                    area("Roslindale", "02131", 18, "12", "08", "5", "E18", "10", 9, 10)),
            hood("West Roxbury", 4, 42.280, -71.160, 0.009,
                    streets("Greaton Rd", "Centre St", "Grove St", "Mount Vernon St", "Carroll St", "Lasell St",
                            "Corey St", "Lagrange St", "Hillcrest St", "Temple St", "Spring St", "Vfw Pkwy"),
                    area("West Roxbury", "02132", 20, "12", "06", "6", "E5", "12", 3, 5, 12, 15, 17, 19)),
            hood("Charlestown", 3, 42.377, -71.061, 0.005,
                    streets("Sixteenth St", "Elm St", "Washington St", "Putnam St", "Sullivan Sq", "Alford St",
                            "Bunker Hill St", "Main St", "Medford St"),
                    area("Charlestown", "02129", 2, "3", "1A", "1", "A15", "2", 1, 2, 4, 7)),
            hood("Beacon Hill", 3, 42.358, -71.067, 0.003,
                    streets("Derne St", "S Russell St", "Temple St", "Anderson St", "W Cedar St", "Charles River Plz",
                            "Cambridge St", "Pinckney St", "Myrtle St", "Revere St"),
                    area("Boston", "02114", 3, "3", "1B", "1", "A1", "3", 5, 6),
                    area("Boston", "02114", 5, "3", "1B", "8", "A1", "14", 3, 4)),
            hood("Fenway / Kenmore / Audubon Circle / Longwood", 3, 42.345, -71.100, 0.005,
                    streets("Commonwealth Ave", "Arundel St", "Beacon St", "Boylston St", "Brookline Ave",
                            "Peterborough St", "Queensberry St", "Park Dr"),
                    area("Boston", "02215", 21, "4", "10A", "8", "D4", "14", 1, 2),
                    area("Boston", "02215", 5, "4", "10A", "8", "D4", "14", 10)),
            hood("Mission Hill", 2, 42.333, -71.103, 0.003,
                    streets("Riverway", "Tremont St", "Parker Hill Ave", "Calumet St", "Hillside St", "Huntington Ave"),
                    area("Roxbury", "02120", 10, "4", "10A", "8", "B2", "14", 4, 5)),
            hood("Boston", 2, 42.357, -71.055, 0.005,
                    streets("State St", "Summer St", "Congress St", "Battery St", "Cross St", "Milk St"),
                    area("Boston", "02109", 3, "3", "1B", "1", "A1", "3", 1, 3),
                    area("Boston", "02210", 6, "6", "05", "2", "C6", "5", 1)),
            hood("Brighton", 2, 42.348, -71.158, 0.005,
                    streets("N Beacon St", "Everett St", "Chestnut Hill Ave", "Market St", "Washington St"),
                    area("Brighton", "02135", 22, "11", "04", "9", "D14", "15", 2, 5)),
            hood("Allston", 1.5, 42.355, -71.130, 0.004,
                    streets("Harvard Ave", "Brighton Ave", "Cambridge St", "Linden St", "Gardner St"),
                    area("Allston", "02134", 21, "11", "04", "9", "D14", "15", 3, 5)),
            hood("Mattapan", 1.5, 42.270, -71.093, 0.005,
                    streets("River St", "Cummins Hwy", "Blue Hill Ave", "Fottler Rd"),
                    area("Mattapan", "02126", 18, "8", "07", "5", "B3", "9", 1, 3)),
            hood("South Boston", 1.5, 42.333, -71.045, 0.005,
                    streets("E Broadway", "Dorchester St", "L St", "K St"),
                    area("South Boston", "02127", 7, "6", "05", "2", "C6", "5", 1, 6)),
            hood("Chestnut Hill", 0.3, 42.334, -71.162, 0.003,
                    streets("Commonwealth Ave", "Lake St", "Chestnut Hill Ave"),
                    area("Brighton", "02467", 22, "11", "04", "9", "D14", "15", 12, 13)));

    private BostonGeography() {
    }

    private static Neighborhood hood(String name, double weight, double latitude, double longitude,
                                     double spreadDegrees, List<String> streets, Area... areas) {
        return new Neighborhood(name, weight, latitude, longitude, spreadDegrees, streets, List.of(areas));
    }

    private static List<String> streets(String... names) {
        return List.of(names);
    }

    private static Area area(String townLabel, String zip, int ward, String fire, String pwd, String council,
                             String police, String neighborhoodServices, int... precincts) {
        return new Area(townLabel, zip, ward, fire, pwd, council, police, neighborhoodServices, precincts);
    }
}
