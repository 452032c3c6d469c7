package dev.costagent.datagen;

/** Realistic-looking identifiers (account numbers, UUIDs, SKU ids) derived deterministically from hashes. */
final class Ids {

    private Ids() {}

    /** {@code length} lower-case hex digits derived from a hash. */
    static String hex(long h, int length) {
        StringBuilder s = new StringBuilder(length);
        long x = h;
        for (int i = 0; i < length; i++) {
            if (i % 16 == 0 && i > 0) {
                x = Dice.mix(x);
            }
            s.append(Character.forDigit((int) ((x >>> (4 * (i % 16))) & 0xF), 16));
        }
        return s.toString();
    }

    /** {@code length} decimal digits derived from a hash, not starting with 0 (like an account number). */
    static String digits(long h, int length) {
        StringBuilder s = new StringBuilder(length);
        long x = h;
        for (int i = 0; i < length; i++) {
            x = Dice.mix(x + i);
            s.append((char) ('0' + (i == 0 ? 1 + Dice.below(x, 9) : Dice.below(x, 10))));
        }
        return s.toString();
    }

    /** A UUID-shaped id from two hashes. */
    static String uuid(long a, long b) {
        String x = hex(a, 16) + hex(b, 16);
        return x.substring(0, 8) + "-" + x.substring(8, 12) + "-" + x.substring(12, 16) + "-" + x.substring(16, 20)
                + "-" + x.substring(20, 32);
    }

    /** A 16-character SKU-like id derived from a key. */
    static String skuId(String key) {
        long h = Dice.mix(key.hashCode() * 0x9E3779B97F4A7C15L);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            h = Dice.mix(h + i);
            s.append(alphabet.charAt(Dice.below(h, alphabet.length())));
        }
        return s.toString();
    }
}
