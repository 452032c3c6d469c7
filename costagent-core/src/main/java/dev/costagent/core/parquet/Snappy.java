package dev.costagent.core.parquet;

/**
 * The Snappy raw block format (no framing, as Parquet stores it): a varint length, then literals and back-references.
 */
final class Snappy {

    private Snappy() {}

    /**
     * Decompresses a block into {@code out} at {@code at}.
     *
     * @return the bytes produced
     * @throws ParquetException when the block is corrupt or longer than {@code capacity}
     */
    static int decompress(byte[] in, int offset, int length, byte[] out, int at, int capacity) {
        int pos = offset;
        int end = offset + length;
        long expected = 0;
        for (int shift = 0; ; shift += 7) {
            if (pos >= end || shift > 28) {
                throw new ParquetException("corrupt Snappy block (bad length)");
            }
            int b = in[pos++];
            expected |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                break;
            }
        }
        if (expected > capacity) {
            throw new ParquetException("corrupt Snappy block (" + expected + " bytes, expected " + capacity + ")");
        }
        int op = at;
        int outEnd = at + (int) expected;
        while (pos < end) {
            int tag = in[pos++] & 0xff;
            int kind = tag & 3;
            if (kind == 0) {
                int literal = tag >>> 2;
                if (literal >= 60) {
                    int bytes = literal - 59;
                    if (pos + bytes > end) {
                        throw new ParquetException("corrupt Snappy block (literal runs past the end)");
                    }
                    literal = 0;
                    for (int i = 0; i < bytes; i++) {
                        literal |= (in[pos++] & 0xff) << (8 * i);
                    }
                }
                literal++;
                if (literal <= 0 || pos + literal > end || op + literal > outEnd) {
                    throw new ParquetException("corrupt Snappy block (literal runs past the end)");
                }
                System.arraycopy(in, pos, out, op, literal);
                pos += literal;
                op += literal;
                continue;
            }
            int copy;
            int distance;
            if (kind == 1) {
                if (pos >= end) {
                    throw new ParquetException("corrupt Snappy block (truncated copy)");
                }
                copy = ((tag >>> 2) & 7) + 4;
                distance = ((tag >>> 5) << 8) | (in[pos++] & 0xff);
            } else if (kind == 2) {
                if (pos + 2 > end) {
                    throw new ParquetException("corrupt Snappy block (truncated copy)");
                }
                copy = (tag >>> 2) + 1;
                distance = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8;
                pos += 2;
            } else {
                if (pos + 4 > end) {
                    throw new ParquetException("corrupt Snappy block (truncated copy)");
                }
                copy = (tag >>> 2) + 1;
                distance = (in[pos] & 0xff)
                        | (in[pos + 1] & 0xff) << 8
                        | (in[pos + 2] & 0xff) << 16
                        | (in[pos + 3] & 0xff) << 24;
                pos += 4;
            }
            if (distance <= 0 || op - distance < at || op + copy > outEnd) {
                throw new ParquetException("corrupt Snappy block (bad back-reference)");
            }
            int from = op - distance;
            if (distance >= copy) {
                System.arraycopy(out, from, out, op, copy);
                op += copy;
            } else {
                // Overlapping copy: the run repeats itself.
                for (int i = 0; i < copy; i++) {
                    out[op++] = out[from++];
                }
            }
        }
        if (op != outEnd) {
            throw new ParquetException("corrupt Snappy block (" + (op - at) + " bytes, expected " + expected + ")");
        }
        return op - at;
    }
}
