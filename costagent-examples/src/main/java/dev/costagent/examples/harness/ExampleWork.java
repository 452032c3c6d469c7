package dev.costagent.examples.harness;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The work the examples put under load: SHA-256 over a fixed in-memory buffer, real CPU work of a size you choose
 * (never a sleep). Each thread keeps its own digest and output buffer, so a call allocates nothing.
 */
final class ExampleWork {

    private static final int KIB = 1024;
    private static final byte[] DATA = new byte[KIB];
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(ExampleWork::sha256);
    private static final ThreadLocal<byte[]> OUT = ThreadLocal.withInitial(() -> new byte[32]);

    static {
        for (int i = 0; i < DATA.length; i++) {
            DATA[i] = (byte) (i * 31 + 7);
        }
    }

    private ExampleWork() {}

    /** Hashes {@code kibibytes} KiB of data: a few microseconds per KiB on current hardware. */
    static void hash(int kibibytes) {
        MessageDigest digest = DIGEST.get();
        for (int i = 0; i < kibibytes; i++) {
            digest.update(DATA, 0, KIB);
        }
        try {
            digest.digest(OUT.get(), 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 output buffer too small", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256, which every Java SE runtime must provide", e);
        }
    }
}
