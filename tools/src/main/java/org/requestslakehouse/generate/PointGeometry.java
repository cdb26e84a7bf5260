package org.requestslakehouse.generate;

/**
 * The {@code geom_4326} column: a PostGIS extended WKB point, little endian, SRID 4326, as upper-case hex.
 * Byte order 01, geometry type 0x20000001 (point with SRID), SRID 4326, then x = longitude and y = latitude.
 */
final class PointGeometry {

    private static final String HEADER = "0101000020E6100000";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PointGeometry() {}

    static String ewkbHex(double latitude, double longitude) {
        StringBuilder hex = new StringBuilder(HEADER.length() + 32).append(HEADER);
        appendLittleEndian(hex, Double.doubleToLongBits(longitude));
        appendLittleEndian(hex, Double.doubleToLongBits(latitude));
        return hex.toString();
    }

    private static void appendLittleEndian(StringBuilder hex, long bits) {
        for (int i = 0; i < 8; i++) {
            int b = (int) (bits >>> (8 * i)) & 0xFF;
            hex.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
    }
}
