package org.requestslakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticRequestGeneratorTest {

    private static final int ROWS = 10_000;
    private static List<GeneratedRequest> sample;

    @BeforeAll
    static void generateSample() {
        sample = generate(GeneratorSettings.defaults(42), ROWS);
    }

    private static List<GeneratedRequest> generate(GeneratorSettings settings, long rows) {
        return SyntheticRequestGenerator.stream(settings, rows).collect(Collectors.toList());
    }

    private static double share(Predicate<GeneratedRequest> eligible, Predicate<GeneratedRequest> matching) {
        List<GeneratedRequest> pool = sample.stream().filter(eligible).collect(Collectors.toList());
        return (double) pool.stream().filter(matching).count() / pool.size();
    }

    @Test
    void producesExactlyTheRequestedNumberOfRecordsAndThenStops() {
        SyntheticRequestGenerator generator = new SyntheticRequestGenerator(GeneratorSettings.defaults(1), 3);
        generator.next();
        generator.next();
        generator.next();
        assertThat(generator.hasNext()).isFalse();
        assertThatThrownBy(generator::next).isInstanceOf(NoSuchElementException.class);
        assertThat(generate(GeneratorSettings.defaults(1), 0)).isEmpty();
        assertThat(sample).hasSize(ROWS);
    }

    @Test
    void sameSeedGivesEqualRecordsAndOtherSeedsDiffer() {
        List<GeneratedRequest> again = generate(GeneratorSettings.defaults(42), ROWS);
        assertThat(again).isEqualTo(sample);
        List<GeneratedRequest> other = generate(GeneratorSettings.defaults(43), ROWS);
        assertThat(other.get(0)).isNotEqualTo(sample.get(0));
        assertThat(other.stream().map(GeneratedRequest::openTs).collect(Collectors.toList()))
                .isNotEqualTo(sample.stream().map(GeneratedRequest::openTs).collect(Collectors.toList()));
    }

    @Test
    void caseIdsIncreaseStrictlyFromNearTheFirstIdAndOpenTimesNeverGoBack() {
        assertThat(sample.get(0).caseId())
                .isBetween(SyntheticRequestGenerator.FIRST_CASE_ID, SyntheticRequestGenerator.FIRST_CASE_ID + 999);
        for (int i = 1; i < sample.size(); i++) {
            assertThat(sample.get(i).caseId()).isGreaterThan(sample.get(i - 1).caseId());
            assertThat(sample.get(i).openTs())
                    .isAfterOrEqualTo(sample.get(i - 1).openTs());
        }
        // ids skip some numbers like real exports do, but not many
        long span = sample.get(ROWS - 1).caseId() - sample.get(0).caseId();
        assertThat(span).isBetween((long) (ROWS * 1.3), (long) (ROWS * 2.0));
    }

    @Test
    void openTimesCoverTheConfiguredBostonLocalRange() {
        Instant start = LocalDate.of(2024, 1, 1).atStartOfDay(BostonTime.ZONE).toInstant();
        Instant end = LocalDate.of(2024, 3, 31).atStartOfDay(BostonTime.ZONE).toInstant();
        assertThat(sample).allSatisfy(r -> assertThat(r.openTs()).isBetween(start, end.minusSeconds(1)));
        // spread over the whole range, not bunched at one end
        assertThat(sample.get(0).openTs()).isBefore(start.plusSeconds(6 * 3600));
        assertThat(sample.get(ROWS - 1).openTs()).isAfter(end.minusSeconds(12 * 3600));

        GeneratorSettings july = new GeneratorSettings(7, LocalDate.of(2025, 7, 4), 3, true);
        List<GeneratedRequest> holiday = generate(july, 500);
        Set<LocalDate> days = holiday.stream()
                .map(r -> BostonTime.toLocal(r.openTs()).toLocalDate())
                .collect(Collectors.toSet());
        assertThat(days)
                .containsExactlyInAnyOrder(
                        LocalDate.of(2025, 7, 4), LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 6));
    }

    @Test
    void volumeFollowsLocalDailyAndWeeklyRhythmAcrossTheDstChange() {
        Map<Boolean, Long> weekendSplit = sample.stream()
                .collect(Collectors.partitioningBy(
                        r -> BostonTime.toLocal(r.openTs()).getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue(),
                        Collectors.counting()));
        double perWeekday = weekendSplit.get(false) / 5.0;
        double perWeekendDay = weekendSplit.get(true) / 2.0;
        assertThat(perWeekday / perWeekendDay).isBetween(1.4, 2.0);

        // after 10 March Boston is on EDT: the peak must stay at local mid-morning, not shift by an hour
        List<LocalDateTime> afterDst = sample.stream()
                .map(r -> BostonTime.toLocal(r.openTs()))
                .filter(t -> t.toLocalDate().isAfter(LocalDate.of(2024, 3, 10)))
                .collect(Collectors.toList());
        long night = afterDst.stream()
                .filter(t -> t.getHour() >= 2 && t.getHour() < 5)
                .count();
        long morning = afterDst.stream()
                .filter(t -> t.getHour() >= 9 && t.getHour() < 12)
                .count();
        assertThat((double) morning / night).isGreaterThan(10);
        // nothing is opened in the hour the clocks skip
        assertThat(sample)
                .noneSatisfy(r -> assertThat(BostonTime.toLocal(r.openTs()))
                        .isBetween(LocalDateTime.of(2024, 3, 10, 2, 0), LocalDateTime.of(2024, 3, 10, 2, 59, 59)));
    }

    @Test
    void aboutEightyFivePercentAreClosedAndOpenCasesCarryNoClosure() {
        assertThat(share(r -> true, GeneratedRequest::closed)).isCloseTo(0.85, within(0.03));
        for (GeneratedRequest r : sample) {
            if (r.closed()) {
                assertThat(r.caseStatus()).isEqualTo("Closed");
                assertThat(r.closureReason()).startsWith("Case Closed");
                assertThat(r.closureKind()).isNotNull();
            } else {
                assertThat(r.caseStatus()).isEqualTo("Open");
                assertThat(r.closureReason()).isNull();
                assertThat(r.closureKind()).isNull();
                assertThat(r.closedPhotos()).isEmpty();
            }
        }
    }

    @Test
    void resolutionTimeDependsOnTheServiceType() {
        Map<String, List<Long>> secondsByType = new HashMap<>();
        for (GeneratedRequest r : sample) {
            if (r.closed() && !r.has(Quirk.CLOSED_BEFORE_OPEN)) {
                secondsByType
                        .computeIfAbsent(r.type(), t -> new ArrayList<>())
                        .add(r.closedTs().getEpochSecond() - r.openTs().getEpochSecond());
            }
        }
        assertThat(median(secondsByType.get("Pothole Repair (Internal)"))).isLessThan(60);
        assertThat(median(secondsByType.get("Parking Enforcement"))).isBetween(3600L, 6 * 3600L);
        assertThat(median(secondsByType.get("Street Light Outages"))).isBetween(5 * 86_400L, 14 * 86_400L);
        assertThat(secondsByType.values().stream().flatMap(List::stream))
                .allSatisfy(s -> assertThat(s).isNotNegative());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void onTimeStatusAgreesWithTargetAndCloseTime() {
        Instant exportedAt =
                LocalDate.of(2024, 3, 31).atStartOfDay(BostonTime.ZONE).toInstant();
        int judged = 0;
        for (GeneratedRequest r : sample) {
            if (r.has(Quirk.ON_TIME_MISSING)) {
                assertThat(r.onTimeStatus()).isNull();
                continue;
            }
            String expected;
            if (r.targetTs() == null) {
                expected = GeneratedRequest.ON_TIME;
            } else {
                Instant judgedAt = r.closed() ? r.closedTs() : exportedAt;
                expected = judgedAt.isAfter(r.targetTs()) ? GeneratedRequest.OVERDUE : GeneratedRequest.ON_TIME;
                judged++;
            }
            assertThat(r.onTimeStatus()).as("case %d", r.caseId()).isEqualTo(expected);
        }
        assertThat(judged).isGreaterThan(ROWS / 2);
        double overdue = share(r -> r.onTimeStatus() != null, r -> GeneratedRequest.OVERDUE.equals(r.onTimeStatus()));
        assertThat(overdue).isBetween(0.1, 0.4);
    }

    @Test
    void targetsFollowTheTypeRules() {
        for (GeneratedRequest r : sample) {
            if (r.targetTs() == null) {
                continue;
            }
            LocalDateTime open = BostonTime.toLocal(r.openTs());
            LocalDateTime target = BostonTime.toLocal(r.targetTs());
            switch (r.type()) {
                case "Parking Enforcement":
                    // 08:30 on the next business day
                    assertThat(target.toLocalTime()).isEqualTo(LocalTime.of(8, 30));
                    assertThat(target.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
                    assertThat(target.toLocalDate())
                            .isAfter(open.toLocalDate())
                            .isBeforeOrEqualTo(open.toLocalDate().plusDays(3));
                    break;
                case "Street Light Outages":
                    // same wall-clock time 14 days later, give or take the system's drift
                    assertThat(java.time.Duration.between(open.plusDays(14), target)
                                    .getSeconds())
                            .isBetween(-3L, 60L);
                    break;
                case "Needle Pickup":
                case "Schedule a Bulk Item Pickup":
                    throw new AssertionError(r.type() + " has no SLA but got target " + target);
                default:
                    assertThat(r.targetTs()).isAfter(r.openTs());
            }
        }
    }

    @Test
    void categoriesAreConsistentAndSkewed() {
        Map<String, Long> byDepartment =
                sample.stream().collect(Collectors.groupingBy(GeneratedRequest::department, Collectors.counting()));
        assertThat(byDepartment.keySet()).contains("PWDx", "BTDT", "ISD", "PARK", "BWSC", "GEN_", "INFO", "PROP");
        assertThat(byDepartment.get("PWDx")).isGreaterThan(byDepartment.get("BTDT"));
        assertThat(byDepartment.get("BTDT")).isGreaterThan(5 * byDepartment.get("PARK"));
        for (GeneratedRequest r : sample) {
            // the department is the queue's owner
            String queuePrefix = r.queue().substring(0, r.queue().indexOf('_') + 1);
            assertThat(queuePrefix.startsWith(r.department().replace("_", "")) || queuePrefix.equals(r.department()))
                    .as("%s handled by %s", r.queue(), r.department())
                    .isTrue();
            if (r.queue().startsWith("PWDx_District") && r.place().geocoded()) {
                assertThat(r.queue()).startsWith("PWDx_District " + r.place().pwdDistrict() + ":");
            }
        }
        Set<String> sources = sample.stream().map(GeneratedRequest::source).collect(Collectors.toSet());
        assertThat(sources)
                .contains(
                        "Constituent Call",
                        "Citizens Connect App",
                        "Self Service",
                        "Employee Generated",
                        "City Worker App");
        assertThat(sample.stream().filter(r -> r.type().equals("Pothole Repair (Internal)")))
                .allSatisfy(r -> {
                    assertThat(r.source()).isEqualTo("Employee Generated");
                    assertThat(r.closureKind()).isEqualTo(ClosureKind.INTERNAL);
                });
    }

    @Test
    void placesPairDistrictCodesThatBelongTogether() {
        Map<String, BostonGeography.Neighborhood> hoods = BostonGeography.NEIGHBORHOODS.stream()
                .collect(Collectors.toMap(BostonGeography.Neighborhood::name, h -> h));
        Set<String> seen = new HashSet<>();
        for (GeneratedRequest r : sample) {
            Place p = r.place();
            if (!p.geocoded()) {
                assertThat(r.has(Quirk.NOT_GEOCODED)).isTrue();
                assertThat(p.placeholderCoordinates()).isTrue();
                continue;
            }
            seen.add(p.neighborhood());
            BostonGeography.Neighborhood hood = hoods.get(p.neighborhood());
            assertThat(hood.areas()).anySatisfy(area -> {
                assertThat(area.ward()).isEqualTo(p.ward());
                assertThat(area.pwdDistrict()).isEqualTo(p.pwdDistrict());
                assertThat(area.policeDistrict()).isEqualTo(p.policeDistrict());
                assertThat(area.fireDistrict()).isEqualTo(p.fireDistrict());
                assertThat(p.precinct())
                        .startsWith(String.format("%02d", area.ward()))
                        .hasSize(4);
                if (p.zipcode() != null) {
                    assertThat(area.zip()).isEqualTo(p.zipcode());
                }
            });
            if (p.intersection()) {
                assertThat(p.location()).matches("INTERSECTION of .+ & .+  [A-Za-z ]+  MA");
                assertThat(p.zipcode()).isNull();
            } else {
                assertThat(p.location())
                        .matches("\\d+[A-D]?(-\\d+)? .+  [A-Za-z ]+  MA  0\\d{4}")
                        .isEqualTo(p.streetName()
                                + p.location().substring(p.streetName().length()))
                        .endsWith(p.zipcode());
            }
            if (!p.placeholderCoordinates()) {
                assertThat(p.latitude()).isBetween(BostonGeography.MIN_LATITUDE, BostonGeography.MAX_LATITUDE);
                assertThat(p.longitude()).isBetween(BostonGeography.MIN_LONGITUDE, BostonGeography.MAX_LONGITUDE);
            }
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(22);
    }

    @Test
    void quirksAppearAtTheirRatesAndOnlyWhenEnabled() {
        assertThat(share(r -> true, r -> r.place().placeholderCoordinates())).isCloseTo(0.03, within(0.01));
        assertThat(share(r -> r.place().zipcode() != null, r -> r.has(Quirk.ZIP_AS_FLOAT)))
                .isCloseTo(0.03, within(0.01));
        assertThat(share(r -> r.place().zipcode() != null, r -> r.has(Quirk.ZIP_MISSING)))
                .isCloseTo(0.02, within(0.01));
        assertThat(share(GeneratedRequest::closed, r -> r.has(Quirk.CLOSED_BEFORE_OPEN)))
                .isBetween(0.0005, 0.008);
        assertThat(share(r -> true, r -> r.has(Quirk.ON_TIME_MISSING))).isCloseTo(0.01, within(0.005));
        assertThat(share(r -> r.place().intersection(), r -> r.has(Quirk.HTML_ENTITIES)))
                .isCloseTo(0.3, within(0.05));
        assertThat(share(r -> r.place().intersection(), r -> r.has(Quirk.WARD_BARE_NUMBER)))
                .isCloseTo(0.6, within(0.05));
        assertThat(sample)
                .filteredOn(r -> r.has(Quirk.CLOSED_BEFORE_OPEN))
                .allSatisfy(r -> assertThat(
                                r.openTs().getEpochSecond() - r.closedTs().getEpochSecond())
                        .isBetween(1L, 20L));
        assertThat(sample)
                .filteredOn(r -> r.has(Quirk.TAB_IN_TEXT))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.closureReason()).contains("\t"));
        assertThat(sample)
                .filteredOn(r -> !r.has(Quirk.TAB_IN_TEXT) && r.closed())
                .allSatisfy(r -> assertThat(r.closureReason()).doesNotContain("\t"));

        List<GeneratedRequest> clean = generate(GeneratorSettings.defaults(42).withQuirks(false), ROWS);
        assertThat(clean).allSatisfy(r -> {
            assertThat(r.quirks()).isEmpty();
            assertThat(r.onTimeStatus()).isNotNull();
            assertThat(r.place().geocoded()).isTrue();
            assertThat(r.place().placeholderCoordinates()).isFalse();
            if (r.closed()) {
                assertThat(r.closedTs()).isAfterOrEqualTo(r.openTs());
            }
        });
    }

    @Test
    void closureTextsComeInTheRealShapes() {
        Map<String, Long> shapes = sample.stream()
                .filter(GeneratedRequest::closed)
                .collect(Collectors.groupingBy(r -> shapeOf(r.closureReason()), Collectors.counting()));
        assertThat(shapes.keySet())
                .containsExactlyInAnyOrder(
                        "date-to-string",
                        "sql",
                        "legacy-resolved",
                        "legacy-noted",
                        "legacy-invalid",
                        "legacy-duplicate",
                        "internal");
        for (GeneratedRequest r : sample) {
            if (!r.closed()) {
                continue;
            }
            String text = r.closureReason();
            if (text.startsWith("Case Closed. Closed date : ")) {
                String stamp = text.substring("Case Closed. Closed date : ".length());
                if (Character.isLetter(stamp.charAt(0))) {
                    // Wed Jan 19 11:42:16 EST 2022, the close time itself
                    assertThat(stamp.substring(0, 28)).isEqualTo(TimestampStyle.DATE_TO_STRING.format(r.closedTs()));
                } else {
                    assertThat(stamp).startsWith(TimestampStyle.ISO_SPACE.format(r.closedTs()) + ".");
                    assertThat(stamp).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{1,3} .*");
                }
            }
            switch (r.closureKind()) {
                case INVALID:
                    assertThat(text).contains("Invalid");
                    break;
                case DUPLICATE:
                    assertThat(text)
                            .containsPattern("Duplicate of Existing Case|Case Duplicate\\sDuplicate of case #\\d{12}$");
                    if (text.contains("#")) {
                        long earlier = Long.parseLong(text.substring(text.indexOf('#') + 1));
                        assertThat(earlier)
                                .isLessThan(r.caseId())
                                .isGreaterThanOrEqualTo(sample.get(0).caseId());
                    }
                    break;
                case INTERNAL:
                    assertThat(text).isEqualTo("Case Closed Internal Case Performed by Highway Maintenance crew.");
                    break;
                case NOTED:
                    assertThat(text).contains("Noted");
                    break;
                case RESOLVED:
                    assertThat(text).contains("Resolved");
                    break;
                default:
                    throw new AssertionError(r.closureKind());
            }
        }
    }

    private static String shapeOf(String text) {
        if (text.startsWith("Case Closed Internal Case")) {
            return "internal";
        }
        if (text.startsWith("Case Closed. Closed date : ")) {
            return Character.isLetter(text.charAt("Case Closed. Closed date : ".length())) ? "date-to-string" : "sql";
        }
        for (String verb : List.of("Resolved", "Noted", "Invalid", "Duplicate")) {
            if (text.startsWith("Case Closed Case " + verb)) {
                return "legacy-" + verb.toLowerCase();
            }
        }
        return "other: " + text;
    }

    @Test
    void photosAppearSometimesAndSeveralAreJoined() {
        double withSubmitted = share(r -> true, r -> !r.submittedPhotos().isEmpty());
        assertThat(withSubmitted).isBetween(0.1, 0.35);
        assertThat(sample).filteredOn(r -> r.submittedPhotos().size() > 1).isNotEmpty();
        assertThat(sample)
                .filteredOn(r -> r.source().equals("Constituent Call"))
                .allSatisfy(r -> assertThat(r.submittedPhotos()).isEmpty());
        assertThat(sample.stream().flatMap(r -> r.submittedPhotos().stream()))
                .allSatisfy(
                        url -> assertThat(url)
                                .matches(
                                        "https://311\\.boston\\.gov/media/boston/report/photos/[0-9a-f]{24}/(report|photo_\\d{8}_\\d{6})\\.jpg"));
        assertThat(sample.stream().flatMap(r -> r.closedPhotos().stream()))
                .isNotEmpty()
                .allSatisfy(
                        url -> assertThat(url)
                                .matches(
                                        "https://spot-boston-res\\.cloudinary\\.com/image/upload/v\\d{10}"
                                                + "/boston/production/[a-z0-9]{20}\\.jpg#spot=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }
}
