package dev.costagent.core.focus.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoding check agrees with the JDK's strict UTF-8 decoder, and refuses control characters but tab, LF, CR. */
class TextCheckTest {

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(13);
        String[] pieces = {"a", "Usage", "é", "€", "😀", "\t", ",", "\"", "東京"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (round % 2 == 1 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128)); // often breaks UTF-8
            }
            boolean valid = decodes(bytes);
            assertThat(TextCheck.firstBad(bytes, 0, bytes.length) < 0)
                    .as(java.util.Arrays.toString(bytes))
                    .isEqualTo(valid);
        }
    }

    @Test
    void refusesNulAndOtherControlCharactersButNotTabOrLineEnds() {
        assertThat(TextCheck.firstBad("a\tb\r\nc".getBytes(StandardCharsets.UTF_8), 0, 6))
                .isEqualTo(-1);
        byte[] nul = "abcdefghij\0kl".getBytes(StandardCharsets.UTF_8);
        assertThat(TextCheck.firstBad(nul, 0, nul.length)).isEqualTo(10);
        assertThat(TextCheck.describe(nul, 10, 0)).isEqualTo("control character NUL (0x00) at byte 11 of the field");
        byte[] ff = {'U', 's', (byte) 0xFF, (byte) 0xFE, 'a', 'g', 'e'};
        assertThat(TextCheck.firstBad(ff, 0, ff.length)).isEqualTo(2);
        assertThat(TextCheck.describe(ff, 2, 0)).isEqualTo("invalid UTF-8 (byte 0xFF) at byte 3 of the field");
    }

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
