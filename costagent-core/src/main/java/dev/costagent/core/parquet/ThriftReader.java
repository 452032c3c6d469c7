package dev.costagent.core.parquet;

import java.nio.charset.StandardCharsets;

/**
 * Reads the Thrift compact protocol, the encoding of Parquet's footer and page headers: just the pieces those
 * structures use (varints, zigzag integers, binary, lists, nested structs) plus skipping whatever a newer writer adds.
 */
final class ThriftReader {

    static final int STOP = 0;
    static final int TRUE = 1;
    static final int FALSE = 2;
    static final int BYTE = 3;
    static final int I16 = 4;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int DOUBLE = 7;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int SET = 10;
    static final int MAP = 11;
    static final int STRUCT = 12;

    private final byte[] data;
    private int pos;
    private final int limit;
    /** Field ids of the structs being read, innermost last. */
    private final short[] lastField = new short[64];

    private int depth;
    private int fieldType;
    private short fieldId;

    ThriftReader(byte[] data, int offset, int limit) {
        this.data = data;
        this.pos = offset;
        this.limit = limit;
    }

    int position() {
        return pos;
    }

    /** Starts reading a struct's fields. */
    void beginStruct() {
        if (depth == lastField.length) {
            throw new ParquetException("metadata nested too deeply");
        }
        lastField[depth++] = fieldId;
        fieldId = 0;
    }

    /** Ends a struct (after {@link #nextField()} returned false). */
    void endStruct() {
        fieldId = lastField[--depth];
    }

    /** Moves to the next field of the current struct; false at its end. */
    boolean nextField() {
        int header = readByte() & 0xff;
        int type = header & 0x0f;
        if (type == STOP) {
            return false;
        }
        int delta = header >>> 4;
        fieldId = delta == 0 ? (short) zigzag(readVarLong()) : (short) (fieldId + delta);
        fieldType = type;
        return true;
    }

    short fieldId() {
        return fieldId;
    }

    int fieldType() {
        return fieldType;
    }

    boolean readBool() {
        return fieldType == TRUE;
    }

    int readInt() {
        return (int) zigzag(readVarLong());
    }

    long readLong() {
        return zigzag(readVarLong());
    }

    String readString() {
        int length = readLength();
        String text = new String(data, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return text;
    }

    /** Reads a list header: its size; {@link #listElementType()} tells the element type. */
    int readListHeader() {
        int header = readByte() & 0xff;
        int size = header >>> 4;
        listElementType = header & 0x0f;
        if (size == 15) {
            size = readLength();
        }
        return size;
    }

    private int listElementType;

    int listElementType() {
        return listElementType;
    }

    /** Skips the value of the current field. */
    void skip() {
        skip(fieldType);
    }

    private void skip(int type) {
        switch (type) {
            case TRUE, FALSE -> {}
            case BYTE -> pos++;
            case I16, I32, I64 -> readVarLong();
            case DOUBLE -> pos += 8;
            case BINARY -> {
                int length = readLength(); // read before pos is: the length's own bytes move it
                pos += length;
            }
            case LIST, SET -> {
                int size = readListHeader();
                int element = listElementType;
                for (int i = 0; i < size; i++) {
                    if (element == TRUE || element == FALSE) {
                        pos++; // booleans in a collection take a byte each
                    } else {
                        skip(element);
                    }
                }
            }
            case MAP -> {
                int size = readLength();
                if (size > 0) {
                    int kinds = readByte() & 0xff;
                    for (int i = 0; i < size; i++) {
                        skip(kinds >>> 4);
                        skip(kinds & 0x0f);
                    }
                }
            }
            case STRUCT -> {
                beginStruct();
                while (nextField()) {
                    skip();
                }
                endStruct();
            }
            default -> throw new ParquetException("corrupt metadata (unknown Thrift type " + type + ")");
        }
        if (pos > limit) {
            throw new ParquetException("corrupt metadata (runs past its end)");
        }
    }

    private int readLength() {
        long length = readVarLong();
        if (length < 0 || length > limit - pos) {
            throw new ParquetException("corrupt metadata (length " + length + " past its end)");
        }
        return (int) length;
    }

    private byte readByte() {
        if (pos >= limit) {
            throw new ParquetException("corrupt metadata (runs past its end)");
        }
        return data[pos++];
    }

    private long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = readByte();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new ParquetException("corrupt metadata (varint too long)");
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
