package dev.costagent.core.parquet;

import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/**
 * Page decompression: Snappy by our own decoder (a few lines, and measured as fast as a library's), Gzip by the JDK,
 * Zstd by aircompressor's pure-Java decoder.
 */
final class Codecs {

    static final int UNCOMPRESSED = 0;
    static final int SNAPPY = 1;
    static final int GZIP = 2;
    static final int ZSTD = 6;

    private Codecs() {}

    /** Whether pages of this codec can be read. */
    static boolean supported(int codec) {
        return codec == UNCOMPRESSED || codec == SNAPPY || codec == GZIP || codec == ZSTD;
    }

    static String name(int codec) {
        return switch (codec) {
            case 0 -> "UNCOMPRESSED";
            case 1 -> "SNAPPY";
            case 2 -> "GZIP";
            case 3 -> "LZO";
            case 4 -> "BROTLI";
            case 5 -> "LZ4";
            case 6 -> "ZSTD";
            case 7 -> "LZ4_RAW";
            default -> "codec " + codec;
        };
    }

    /** Decompresses {@code length} bytes at {@code offset} into exactly {@code size} bytes. */
    static byte[] decompress(int codec, byte[] src, int offset, int length, int size) {
        byte[] out = new byte[size];
        decompress(codec, src, offset, length, out, 0, size);
        return out;
    }

    /** Decompresses into {@code out} at {@code at}, exactly {@code size} bytes. */
    static void decompress(int codec, byte[] src, int offset, int length, byte[] out, int at, int size) {
        try {
            int produced;
            switch (codec) {
                case UNCOMPRESSED -> {
                    if (length != size) {
                        throw new ParquetException(
                                "page size " + length + " differs from its uncompressed size " + size);
                    }
                    System.arraycopy(src, offset, out, at, size);
                    produced = size;
                }
                case SNAPPY -> produced = Snappy.decompress(src, offset, length, out, at, size);
                case GZIP -> {
                    try (GZIPInputStream in = new GZIPInputStream(
                            new ByteArrayInputStream(src, offset, length), Math.max(512, Math.min(length, 1 << 16)))) {
                        produced = in.readNBytes(out, at, size);
                    }
                }
                case ZSTD -> produced = new ZstdDecompressor().decompress(src, offset, length, out, at, size);
                default -> throw new ParquetException("compression " + name(codec) + " is not supported");
            }
            if (produced != size) {
                throw new ParquetException("page decompresses to " + produced + " bytes, header says " + size);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ParquetException p) {
                throw p;
            }
            throw new ParquetException("corrupt " + name(codec) + " page: " + e.getMessage(), e);
        }
    }
}
