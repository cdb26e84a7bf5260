package org.requestslakehouse.generate;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Photo links shaped like the real ones: resident photos on 311.boston.gov under a MongoDB ObjectId (whose first
 * four bytes are the upload time), crew photos on Cloudinary with the upload time as version and a spot UUID.
 */
final class PhotoUrls {

    private static final String SUBMITTED_PREFIX = "https://311.boston.gov/media/boston/report/photos/";
    private static final String CLOSED_PREFIX = "https://spot-boston-res.cloudinary.com/image/upload/v";
    /** Machine and process bytes of the ObjectIds in the real links; only the counter changes between uploads. */
    private static final String OBJECT_ID_MACHINE = "05bbcf180c";

    private static final String LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final double SEVERAL_PHOTOS_SHARE = 0.05;
    private static final DateTimeFormatter PHOTO_FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final RandomGenerator random;
    private int objectIdCounter;

    PhotoUrls(RandomGenerator random) {
        this.random = random;
        this.objectIdCounter = random.nextInt(0x100000, 0x300000);
    }

    /** One link, or occasionally two or three uploaded a few seconds apart. */
    List<String> submitted(Instant uploadedAt) {
        int count = photoCount();
        List<String> urls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            urls.add(submittedUrl(uploadedAt.plusSeconds(3L * i)));
        }
        return urls;
    }

    List<String> closed(Instant uploadedAt) {
        int count = photoCount();
        List<String> urls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            urls.add(closedUrl(uploadedAt.plusSeconds(3L * i)));
        }
        return urls;
    }

    private int photoCount() {
        return random.nextDouble() < SEVERAL_PHOTOS_SHARE ? 2 + random.nextInt(2) : 1;
    }

    private String submittedUrl(Instant uploadedAt) {
        objectIdCounter = (objectIdCounter + 1 + random.nextInt(64)) & 0xFFFFFF;
        String objectId = hex(uploadedAt.getEpochSecond(), 8) + OBJECT_ID_MACHINE + hex(objectIdCounter, 6);
        String file = random.nextBoolean()
                ? "report.jpg"
                : "photo_" + BostonTime.toLocal(uploadedAt).format(PHOTO_FILE_TIME) + ".jpg";
        return SUBMITTED_PREFIX + objectId + "/" + file;
    }

    private String closedUrl(Instant uploadedAt) {
        StringBuilder publicId = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            publicId.append(LOWER_ALPHANUMERIC.charAt(random.nextInt(LOWER_ALPHANUMERIC.length())));
        }
        return CLOSED_PREFIX + uploadedAt.getEpochSecond() + "/boston/production/" + publicId + ".jpg#spot="
                + randomUuid();
    }

    /** Lower-case hex of the low {@code digits} nibbles, zero-padded. */
    private static String hex(long value, int digits) {
        char[] text = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            text[i] = Character.forDigit((int) (value & 0xF), 16);
            value >>>= 4;
        }
        return new String(text);
    }

    private UUID randomUuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
