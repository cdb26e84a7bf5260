package org.requestslakehouse.generate;

import static org.requestslakehouse.generate.ServiceType.PWD_DISTRICT_QUEUE;

import java.util.List;

/**
 * The service types the generator draws from, with weights skewed the way Boston's volume is: parking enforcement,
 * street cleaning and bulk item pickups dominate, inspections and signs are a long tail. Names, queues and notes
 * follow the real exports (commas appear as double spaces there, because the city strips them from free text).
 */
final class ServiceCatalog {

    private static final String PWD = "Public Works Department";
    private static final String BTD = "Transportation - Traffic Division";
    private static final String ISD = "Inspectional Services";
    private static final String HOTLINE = "Mayor's 24 Hour Hotline";
    private static final String INFO_QUEUE = "INFO01_GenericeFormforOtherServiceRequestTypes";

    static final List<ServiceType> TYPES = List.of(
            ServiceType.builder(BTD, "Enforcement & Abandoned Vehicles", "Parking Enforcement", 12)
                    .queue("BTDT_Parking Enforcement", "BTDT", 1)
                    .sla(SlaRule.businessDays(1))
                    .closes(0.85, 3, 1.2)
                    .sources(SourceMix.PUBLIC)
                    .notes(
                            "Area ticketed",
                            "CLEAR",
                            "Area clear",
                            "tagged",
                            "Vehicles moved will check again",
                            "Ticket issued",
                            "CALL BPD")
                    .build(),
            ServiceType.builder(PWD, "Street Cleaning", "Requests for Street Cleaning", 7)
                    .queue(PWD_DISTRICT_QUEUE, "PWDx", 1)
                    .sla(SlaRule.businessDays(1))
                    .closes(0.88, 20, 1.2)
                    .sources(SourceMix.PUBLIC)
                    .notes("Has been swept up", "Been removed", "Area swept", "Debris removed")
                    .build(),
            ServiceType.builder(PWD, "Street Cleaning", "CE Collection", 6)
                    .queue(PWD_DISTRICT_QUEUE, "PWDx", 1)
                    .sla(SlaRule.businessDays(1))
                    .closes(0.92, 6, 1.0)
                    .sources(SourceMix.FIELD_CREW)
                    .notes("CE picked up.", "Debris all cleaned up", "Collected")
                    .build(),
            ServiceType.builder(PWD, "Sanitation", "Schedule a Bulk Item Pickup", 5)
                    .queue("PWDx_Schedule a Bulk Item Pickup", "PWDx", 1)
                    .title("Schedule Bulk Item Pickup", 0.1)
                    .closes(0.94, 60, 0.8)
                    .sources(SourceMix.SELF_SERVICE)
                    .notes("Bulk Item Automation", "Items have been scheduled for pickup.")
                    .build(),
            ServiceType.builder(PWD, "Highway Maintenance", "Request for Pothole Repair", 5)
                    .queue(PWD_DISTRICT_QUEUE, "PWDx", 0.96)
                    .queue("BWSC_All Cases", "BWSC", 0.04)
                    .sla(SlaRule.days(1))
                    .closes(0.85, 48, 1.3)
                    .sources(SourceMix.PUBLIC)
                    .notes("Pot hole repaired", "Pothole repaired", "Completed", "Location has been made safe.")
                    .build(),
            ServiceType.builder(PWD, "Sanitation", "Missed Trash/Recycling/Yard Waste/Bulk Item", 3)
                    .queue("PWDx_Missed Trash\\Recycling\\Yard Waste\\Bulk Item", "PWDx", 1)
                    .title("Missed Trash: District {pwd}", 0.3)
                    .sla(SlaRule.businessDays(1))
                    .closes(0.90, 20, 1.1)
                    .sources(SourceMix.CALL)
                    .notes("this has been collected.", "picked up  AW", "Tree collected. Have a nice day.")
                    .build(),
            ServiceType.builder(PWD, "Code Enforcement", "Improper Storage of Trash (Barrels)", 3)
                    .queue("PWDx_Code Enforcement", "PWDx", 1)
                    .sla(SlaRule.businessDays(2))
                    .closes(0.86, 24, 1.1)
                    .sources(SourceMix.PUBLIC)
                    .notes(
                            "Ticket was issued for improper storage of trash",
                            "No violation found at this time  today is trash day.")
                    .build(),
            ServiceType.builder(PWD, "Street Lights", "Street Light Outages", 2.5)
                    .queue("PWDx_Street Light Outages", "PWDx", 0.8)
                    .queue("PWDx_Street Light_Pending_Contractor (Internal)", "PWDx", 0.2)
                    .sla(SlaRule.days(14))
                    .closes(0.80, 200, 1.2)
                    .sources(SourceMix.PUBLIC)
                    .notes("replaced 100 amp fuse and reset breaker", "Job Completed.", "completed", "Light is working")
                    .build(),
            ServiceType.builder(PWD, "Street Cleaning", "Pick up Dead Animal", 2)
                    .queue(PWD_DISTRICT_QUEUE, "PWDx", 1)
                    .sla(SlaRule.days(1))
                    .closes(0.95, 4, 1.0)
                    .sources(SourceMix.PUBLIC)
                    .notes("Picked up", "Picked up.", "All set")
                    .build(),
            ServiceType.builder(PWD, "Highway Maintenance", "Pothole Repair (Internal)", 2)
                    .queue(PWD_DISTRICT_QUEUE, "PWDx", 1)
                    .closes(1.0, 0.0005, 0.6)
                    .sources(SourceMix.INTERNAL)
                    .internal()
                    .build(),
            ServiceType.builder(HOTLINE, "Needle Program", "Needle Pickup", 2)
                    .queue("GEN_Needle_Pickup", "GEN_", 1)
                    .closes(0.97, 1.5, 1.0)
                    .sources(SourceMix.PUBLIC)
                    .notes("Removed df", "1 syringe recovered JG", "Df")
                    .build(),
            ServiceType.builder(PWD, "Highway Maintenance", "Sidewalk Repair (Make Safe)", 2)
                    .queue(PWD_DISTRICT_QUEUE, "PWDx", 1)
                    .sla(SlaRule.businessDays(2))
                    .closes(0.75, 72, 1.5)
                    .sources(SourceMix.PUBLIC)
                    .notes("Location has been made safe.  Permanent repair has been scheduled.")
                    .build(),
            ServiceType.builder(PWD, "Highway Maintenance", "Empty Litter Basket", 1.5)
                    .queue(PWD_DISTRICT_QUEUE, "PWDx", 1)
                    .sla(SlaRule.businessDays(2))
                    .closes(0.93, 18, 1.0)
                    .sources(SourceMix.PUBLIC)
                    .notes("Changed", "Belly emptied", "Barrel emptied")
                    .build(),
            ServiceType.builder(BTD, "Enforcement & Abandoned Vehicles", "Abandoned Vehicles", 1.5)
                    .queue("BTDT_AVRS Interface Queue", "BTDT", 1)
                    .sla(SlaRule.days(16))
                    .closes(0.80, 200, 1.3)
                    .sources(SourceMix.PUBLIC)
                    .notes("Please resubmit with color make and plate number", "Vehicle tagged")
                    .build(),
            ServiceType.builder(ISD, "Environmental Services", "Rodent Activity", 1.5)
                    .queue("ISD_Environmental Services (INTERNAL)", "ISD", 1)
                    .sla(SlaRule.days(30))
                    .closes(0.85, 150, 1.3)
                    .sources(SourceMix.CALL)
                    .notes("Abatement issued", "Investigating area   will continue monitoring.")
                    .build(),
            ServiceType.builder(PWD, "Code Enforcement", "Poor Conditions of Property", 1.5)
                    .queue("PWDx_Code Enforcement", "PWDx", 1)
                    .sla(SlaRule.businessDays(3))
                    .closes(0.88, 30, 1.1)
                    .sources(SourceMix.PUBLIC)
                    .notes("Violation issued", "Ticket was issued for construction debris stored on property")
                    .build(),
            ServiceType.builder("Property Management", "Graffiti", "Graffiti Removal", 1.5)
                    .queue("PROP_GRAF_GraffitiRemoval", "PROP", 1)
                    .title("Graffiti: Ward {ward}  {precinct}  ", 0.15)
                    .sla(SlaRule.days(63))
                    .closes(0.75, 500, 1.2)
                    .sources(SourceMix.PUBLIC)
                    .notes("Graffiti removed")
                    .build(),
            ServiceType.builder(BTD, "Signs & Signals", "Traffic Signal Inspection", 1.2)
                    .queue("BTDT_Traffic Signal_Repair", "BTDT", 1)
                    .sla(SlaRule.days(1))
                    .closes(0.93, 10, 1.0)
                    .sources(SourceMix.CALL)
                    .notes("Intersection now cycling")
                    .build(),
            ServiceType.builder(ISD, "Housing", "Unsatisfactory Living Conditions", 1.2)
                    .queue("ISD_Housing (INTERNAL)", "ISD", 1)
                    .title("SCHEDULED Unsatisfactory Living Conditions", 0.4)
                    .sla(SlaRule.days(120))
                    .closes(0.60, 400, 1.2)
                    .sources(SourceMix.CALL)
                    .notes("No Cause", "Violations found. Notice written.")
                    .build(),
            ServiceType.builder(PWD, "Recycling", "Request for Recycling Cart", 1)
                    .queue("PWDx_Recycling", "PWDx", 1)
                    .sla(SlaRule.days(21))
                    .closes(0.90, 300, 0.6)
                    .sources(SourceMix.CALL)
                    .notes("Cart delivered by City.", "NO OVERFLOW NO ADDITIONAL CART")
                    .build(),
            ServiceType.builder("Parks & Recreation Department", "Park Maintenance & Safety", "Ground Maintenance", 1)
                    .queue("PARK_Maintenance_Ground Maintenance", "PARK", 0.7)
                    .queue("PARK_Maintenance_Region 6", "PARK", 0.3)
                    .sla(SlaRule.businessDays(5))
                    .closes(0.85, 60, 1.1)
                    .sources(SourceMix.PUBLIC)
                    .notes("Barrel emptied", "This not a city park")
                    .build(),
            ServiceType.builder(PWD, "Highway Maintenance", "PWD Graffiti", 1)
                    .queue("PWDx_Graffiti", "PWDx", 1)
                    .sla(SlaRule.businessDays(5))
                    .closes(0.80, 120, 1.4)
                    .sources(SourceMix.PUBLIC)
                    .notes("Graffiti removed")
                    .build(),
            ServiceType.builder("Boston Police Department", "Noise Disturbance", "Loud Parties/Music/People", 0.8)
                    .queue(INFO_QUEUE, "INFO", 1)
                    .closes(0.70, 50, 1.0)
                    .sources(SourceMix.CALL)
                    .notes("Referred to BPD")
                    .build(),
            ServiceType.builder(PWD, "Street Lights", "General Lighting Request", 0.8)
                    .queue("PWDx_Street Light_General Lighting Request", "PWDx", 1)
                    .sla(SlaRule.days(45))
                    .closes(0.70, 400, 1.2)
                    .sources(SourceMix.CALL)
                    .notes("REPLACED POLE AND FIXTURE AND TIED IN AS NEEDED")
                    .build(),
            ServiceType.builder(BTD, "Signs & Signals", "Sign Repair", 0.8)
                    .queue("BTDT_Sign Shop_Sign Installation", "BTDT", 1)
                    .sla(SlaRule.businessDays(10))
                    .closes(0.75, 300, 1.2)
                    .sources(SourceMix.FIELD_CREW)
                    .notes("Sign replaced")
                    .build(),
            ServiceType.builder(ISD, "Housing", "Pest Infestation - Residential", 0.7)
                    .queue("ISD_Housing (INTERNAL)", "ISD", 1)
                    .sla(SlaRule.days(120))
                    .closes(0.70, 300, 1.3)
                    .sources(SourceMix.CALL)
                    .notes("Violations found. Notice written.")
                    .build(),
            ServiceType.builder(ISD, "Building", "Work w/out Permit", 0.6)
                    .queue("ISD_Building (INTERNAL)", "ISD", 1)
                    .sla(SlaRule.days(30))
                    .closes(0.60, 500, 1.3)
                    .sources(SourceMix.CALL)
                    .notes("Stop work order issued")
                    .build(),
            ServiceType.builder(BTD, "Signs & Signals", "New Sign  Crosswalk or Pavement Marking", 0.5)
                    .queue("BTDT_Engineering_New Sign and Pavement Marking Requests", "BTDT", 1)
                    .sla(SlaRule.days(45))
                    .closes(0.60, 700, 1.0)
                    .sources(SourceMix.PUBLIC)
                    .notes("No Sidewalk and poor site visability would not implement any crosswalks")
                    .build(),
            ServiceType.builder("Boston Water & Sewer Commission", "Catchbasin", "Catchbasin", 0.5)
                    .queue("BWSC_All Cases", "BWSC", 1)
                    .closes(0.80, 100, 1.2)
                    .sources(SourceMix.CALL)
                    .notes("Referred to BWSC")
                    .build(),
            ServiceType.builder(
                            "Boston Water & Sewer Commission",
                            "Sidewalk Cover / Manhole",
                            "Sidewalk Cover / Manhole",
                            0.4)
                    .queue("BWSC_All Cases", "BWSC", 0.5)
                    .queue(INFO_QUEUE, "INFO", 0.5)
                    .closes(0.80, 100, 1.2)
                    .sources(SourceMix.CALL)
                    .notes("Cover replaced")
                    .build(),
            ServiceType.builder("Animal Control", "Animal Issues", "Animal Generic Request", 0.5)
                    .queue(INFO_QUEUE, "INFO", 1)
                    .closes(0.85, 48, 1.0)
                    .sources(SourceMix.CALL)
                    .notes("Patrolled area and was able to locate dogs.")
                    .build(),
            ServiceType.builder(HOTLINE, "Notification", "Notification", 0.5)
                    .queue("INFO09_Current Events", "INFO", 1)
                    .closes(0.99, 30, 1.0)
                    .sources(SourceMix.CALL)
                    .build(),
            ServiceType.builder(PWD, "Administrative & General Requests", "Misc. Snow Complaint", 0.5)
                    .queue("PWDx_Snow Cases", "PWDx", 1)
                    .sla(SlaRule.hours(48))
                    .closes(0.85, 30, 1.0)
                    .sources(SourceMix.CALL)
                    .notes("Salted", "Plowed")
                    .build(),
            ServiceType.builder(HOTLINE, "Employee & General Comments", "General Comments For a Program or Policy", 0.3)
                    .queue("BTDT_Parking Enforcement", "BTDT", 0.5)
                    .queue(INFO_QUEUE, "INFO", 0.5)
                    .title("BTDT: Complaint", 0.5)
                    .sla(SlaRule.days(14))
                    .closes(0.80, 100, 1.2)
                    .sources(SourceMix.CALL)
                    .build());

    static final WeightedChoice<ServiceType> BY_VOLUME = WeightedChoice.of(TYPES, t -> t.weight);

    private ServiceCatalog() {}
}
