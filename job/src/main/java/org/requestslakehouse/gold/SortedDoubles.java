package org.requestslakehouse.gold;

import java.util.Arrays;

/** Sorted {@code double[]} multisets, duplicates kept: the resolution values of a window or of a change to it. */
final class SortedDoubles {
    static final double[] EMPTY = new double[0];

    private SortedDoubles() {}

    static double[] insert(double[] sorted, double value) {
        int at = Arrays.binarySearch(sorted, value);
        int insert = at >= 0 ? at : -at - 1;
        double[] grown = new double[sorted.length + 1];
        System.arraycopy(sorted, 0, grown, 0, insert);
        grown[insert] = value;
        System.arraycopy(sorted, insert, grown, insert + 1, sorted.length - insert);
        return grown;
    }

    /** @return {@code sorted} itself when the value is not in it */
    static double[] remove(double[] sorted, double value) {
        int at = Arrays.binarySearch(sorted, value);
        if (at < 0) {
            return sorted;
        }
        double[] shrunk = new double[sorted.length - 1];
        System.arraycopy(sorted, 0, shrunk, 0, at);
        System.arraycopy(sorted, at + 1, shrunk, at, sorted.length - at - 1);
        return shrunk;
    }

    /** One pass over both, instead of an insertion (and a copy of the window's values) per value. */
    static double[] merge(double[] a, double[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b.clone();
        }
        double[] merged = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            merged[k++] = Double.compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
        }
        while (i < a.length) {
            merged[k++] = a[i++];
        }
        while (j < b.length) {
            merged[k++] = b[j++];
        }
        return merged;
    }
}
