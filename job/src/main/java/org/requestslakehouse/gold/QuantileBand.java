package org.requestslakehouse.gold;

/** The closed range of values an approximate quantile may take and still be correct. */
public record QuantileBand(double low, double high) {
    public static QuantileBand exactly(double value) {
        return new QuantileBand(value, value);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    @Override
    public String toString() {
        return low == high ? Double.toString(low) : "[" + low + ", " + high + "]";
    }
}
