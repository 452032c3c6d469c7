package dev.costagent.core.parquet;

/**
 * Integer streams of Parquet pages: the RLE / bit-packed hybrid (definition levels, dictionary indices, booleans) and
 * DELTA_BINARY_PACKED.
 */
final class Levels {

    private Levels() {}

    /**
     * Decodes {@code count} values of the RLE / bit-packed hybrid at {@code pos} (up to {@code end}) into {@code out}
     * from {@code at}.
     *
     * @return the position after the values read (bit-packed runs are read whole)
     */
    static int decodeHybrid(byte[] in, int pos, int end, int bitWidth, int[] out, int at, int count) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new ParquetException("bit width " + bitWidth + " out of range");
        }
        int filled = 0;
        int byteWidth = (bitWidth + 7) >>> 3;
        while (filled < count) {
            if (pos >= end) {
                throw new ParquetException("encoded values end early (" + filled + " of " + count + ")");
            }
            long packedHeader = runHeader(in, pos, end);
            pos += (int) (packedHeader & 7);
            long header = packedHeader >>> 3;
            if ((header & 1) == 0) {
                long run = header >>> 1;
                int value = runValue(in, pos, end, byteWidth);
                pos += byteWidth;
                int n = (int) Math.min(run, count - filled);
                java.util.Arrays.fill(out, at + filled, at + filled + n, value);
                filled += n;
            } else {
                long groups = header >>> 1;
                long bytes = groups * bitWidth;
                if (bytes > end - pos) {
                    // The last run of a page may be cut short by the writer: read what is there.
                    bytes = end - pos;
                }
                int values = (int) Math.min(groups * 8, count - filled);
                unpack(in, pos, bitWidth, out, at + filled, values);
                filled += values;
                pos += (int) bytes;
            }
        }
        return pos;
    }

    /**
     * Reads the header of a hybrid run at {@code pos} (a ULEB128 int: the run's length and whether it is RLE or
     * bit-packed): the header shifted left by three, its length in bytes (1 to 5) in the low three bits.
     */
    static long runHeader(byte[] in, int pos, int end) {
        long header = 0;
        int p = pos;
        for (int shift = 0; ; shift += 7) {
            if (p >= end || shift > 35) {
                throw new ParquetException("corrupt run header");
            }
            int b = in[p++];
            header |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return header << 3 | (p - pos);
            }
        }
    }

    /** The repeated value of an RLE run: {@code byteWidth} little-endian bytes at {@code pos}. */
    static int runValue(byte[] in, int pos, int end, int byteWidth) {
        if (pos + byteWidth > end) {
            throw new ParquetException("corrupt run (past the end of its page)");
        }
        int value = 0;
        for (int i = 0; i < byteWidth; i++) {
            value |= (in[pos + i] & 0xff) << (8 * i);
        }
        return value;
    }

    /** Unpacks {@code count} little-endian bit-packed values of {@code bitWidth} bits starting at {@code pos}. */
    private static void unpack(byte[] in, int pos, int bitWidth, int[] out, int at, int count) {
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, at, at + count, 0);
            return;
        }
        long mask = (1L << bitWidth) - 1;
        long buffer = 0;
        int bits = 0;
        int p = pos;
        int limit = in.length;
        for (int i = 0; i < count; i++) {
            while (bits < bitWidth) {
                long b = p < limit ? in[p] & 0xff : 0;
                p++;
                buffer |= b << bits;
                bits += 8;
            }
            out[at + i] = (int) (buffer & mask);
            buffer >>>= bitWidth;
            bits -= bitWidth;
        }
    }

    /** Bits needed for values up to {@code max}. */
    static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    /**
     * Decodes DELTA_BINARY_PACKED values into {@code out} (up to {@code out.length}, or the count the stream holds).
     *
     * @return {@code {position after, values}}
     */
    static long[] decodeDelta(byte[] in, int pos, int end, long[] out) {
        int[] at = {pos};
        int blockSize = (int) varint(in, at, end);
        int miniBlocks = (int) varint(in, at, end);
        long total = varint(in, at, end);
        long value = zigzag(varint(in, at, end));
        if (blockSize <= 0 || miniBlocks <= 0 || blockSize % miniBlocks != 0 || total < 0 || total > out.length) {
            throw new ParquetException("corrupt DELTA_BINARY_PACKED header");
        }
        int perMini = blockSize / miniBlocks;
        int n = 0;
        if (total > 0) {
            out[n++] = value;
        }
        int[] widths = new int[miniBlocks];
        int[] deltas = new int[perMini];
        long[] wide = new long[perMini];
        while (n < total) {
            long minDelta = zigzag(varint(in, at, end));
            if (at[0] + miniBlocks > end) {
                throw new ParquetException("corrupt DELTA_BINARY_PACKED block");
            }
            for (int i = 0; i < miniBlocks; i++) {
                widths[i] = in[at[0]++] & 0xff;
            }
            for (int i = 0; i < miniBlocks && n < total; i++) {
                int width = widths[i];
                if (width > 64) {
                    throw new ParquetException("corrupt DELTA_BINARY_PACKED width " + width);
                }
                int take = (int) Math.min(perMini, total - n);
                if (width <= 32) {
                    unpack(in, at[0], width, deltas, 0, take);
                    for (int k = 0; k < take; k++) {
                        value += minDelta + (deltas[k] & 0xffffffffL);
                        out[n++] = value;
                    }
                } else {
                    unpackWide(in, at[0], width, wide, take);
                    for (int k = 0; k < take; k++) {
                        value += minDelta + wide[k];
                        out[n++] = value;
                    }
                }
                at[0] += perMini * width / 8;
            }
        }
        return new long[] {Math.min(at[0], end), n};
    }

    private static void unpackWide(byte[] in, int pos, int bitWidth, long[] out, int count) {
        long bitPos = (long) pos * 8;
        for (int i = 0; i < count; i++) {
            long value = 0;
            for (int b = 0; b < bitWidth; b++) {
                long bit = bitPos + (long) i * bitWidth + b;
                int index = (int) (bit >>> 3);
                int v = index < in.length ? (in[index] >>> (bit & 7)) & 1 : 0;
                value |= (long) v << b;
            }
            out[i] = value;
        }
    }

    private static long varint(byte[] in, int[] at, int end) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= end) {
                throw new ParquetException("encoded values end early");
            }
            int b = in[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new ParquetException("corrupt varint");
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
