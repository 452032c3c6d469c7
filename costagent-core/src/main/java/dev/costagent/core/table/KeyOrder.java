package dev.costagent.core.table;

import java.util.Arrays;

/**
 * Sorts a dictionary's codes by their keys in {@link String#compareTo} order, with a three-way radix quicksort
 * (Bentley and Sedgewick's multikey quicksort): each pass splits the codes on one character of the keys, and the
 * prefix all keys of a range share (an ARN's {@code arn:aws:ec2:us-east-1:123456789012:instance/}) is skipped in one
 * pass, so a long shared prefix is read once per key rather than once per comparison; whole strings are compared
 * only in the small ranges an insertion sort finishes. Equal keys come out in any order.
 */
final class KeyOrder {
    /** Ranges this small are finished by insertion sort. */
    private static final int INSERTION = 12;

    private KeyOrder() {}

    /**
     * Sorts {@code codes[from, to)} by {@code keys[code]}, none of them null; whether any two keys are equal (a
     * dictionary's never are), found on the way.
     */
    static boolean sort(int[] codes, int from, int to, String[] keys) {
        // a recursion this deep means pivots chosen badly again and again: the rest is sorted by comparison
        int depth = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from))) + 64;
        return sort(codes, from, to, keys, 0, depth);
    }

    /** Sorts {@code codes[lo, hi)}, whose keys share their first {@code d} characters; whether two keys are equal. */
    private static boolean sort(int[] codes, int lo, int hi, String[] keys, int d, int depth) {
        boolean equal = false;
        while (hi - lo > INSERTION) {
            if (depth-- == 0) {
                byComparison(codes, lo, hi, keys);
                return true; // unknown: the caller looks
            }
            d = sharedPrefix(codes, lo, hi, keys, d);
            int pivot = charAt(keys[codes[medianOfThree(codes, lo, hi, keys, d)]], d);
            int lt = lo;
            int gt = hi - 1;
            int i = lo;
            while (i <= gt) {
                int c = charAt(keys[codes[i]], d);
                if (c < pivot) {
                    swap(codes, lt++, i++);
                } else if (c > pivot) {
                    swap(codes, i, gt--);
                } else {
                    i++;
                }
            }
            // [lo, lt) below the pivot character, [lt, gt] equal to it, (gt, hi) above
            equal |= sort(codes, lo, lt, keys, d, depth);
            equal |= sort(codes, gt + 1, hi, keys, d, depth);
            if (pivot < 0) {
                return equal || gt > lt; // the equal part's keys all end here: they are equal
            }
            lo = lt;
            hi = gt + 1;
            d++;
        }
        for (int i = lo + 1; i < hi; i++) {
            int code = codes[i];
            String key = keys[code];
            int j = i - 1;
            int c;
            while (j >= lo && (c = compareFrom(keys[codes[j]], key, d)) >= 0) {
                if (c == 0) {
                    equal = true; // stays after its equal: the largest key not above it is that one
                    break;
                }
                codes[j + 1] = codes[j];
                j--;
            }
            codes[j + 1] = code;
        }
        return equal;
    }

    /**
     * The length of the prefix every key of {@code codes[lo, hi)} shares, at least {@code d}: one pass skips what
     * would take a partition pass per character (once the keys differ early, each later key costs one comparison).
     */
    private static int sharedPrefix(int[] codes, int lo, int hi, String[] keys, int d) {
        String first = keys[codes[lo]];
        int shared = first.length();
        for (int i = lo + 1; i < hi && shared > d; i++) {
            String key = keys[codes[i]];
            int end = Math.min(shared, key.length());
            int p = d;
            while (p < end && key.charAt(p) == first.charAt(p)) {
                p++;
            }
            shared = p;
        }
        return Math.max(shared, d);
    }

    /** The key's character at {@code d}, or -1 past its end (a shorter key sorts first). */
    private static int charAt(String key, int d) {
        return d < key.length() ? key.charAt(d) : -1;
    }

    /** {@link String#compareTo} of two keys known to share their first {@code d} characters. */
    private static int compareFrom(String a, String b, int d) {
        int n = Math.min(a.length(), b.length());
        for (int i = d; i < n; i++) {
            int c = a.charAt(i) - b.charAt(i);
            if (c != 0) {
                return c;
            }
        }
        return a.length() - b.length();
    }

    private static int medianOfThree(int[] codes, int lo, int hi, String[] keys, int d) {
        int mid = (lo + hi) >>> 1;
        int a = charAt(keys[codes[lo]], d);
        int b = charAt(keys[codes[mid]], d);
        int c = charAt(keys[codes[hi - 1]], d);
        if (a < b) {
            return b < c ? mid : a < c ? hi - 1 : lo;
        }
        return a < c ? lo : b < c ? hi - 1 : mid;
    }

    private static void byComparison(int[] codes, int lo, int hi, String[] keys) {
        Integer[] boxed = new Integer[hi - lo];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = codes[lo + i];
        }
        Arrays.sort(boxed, (x, y) -> keys[x].compareTo(keys[y]));
        for (int i = 0; i < boxed.length; i++) {
            codes[lo + i] = boxed[i];
        }
    }

    private static void swap(int[] codes, int i, int j) {
        int t = codes[i];
        codes[i] = codes[j];
        codes[j] = t;
    }
}
