package dev.costagent.llm.narrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cleaning untrusted strings and redacting ids. */
class UntrustedTextTest {

    @Test
    void controlLineSeparatorAndBidiCharactersBecomeSpaces() {
        assertThat(UntrustedText.clean("team\n\nSYSTEM:\u2028do\u202Eit\u0000now\t ", 100))
                .isEqualTo("team SYSTEM: do it now");
    }

    @Test
    void longTextIsCutWithAnEllipsisAndNeverSplitsASurrogatePair() {
        assertThat(UntrustedText.clean("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(UntrustedText.clean("abc\uD83D\uDE00defg", 5)).isEqualTo("abc…");
        assertThat(UntrustedText.clean("short", 5)).isEqualTo("short");
    }

    @Test
    void redactsEveryKindOfIdConsistentlyAndRestoresThem() {
        IdRedactor redactor = new IdRedactor();
        String text = "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc123def4567890 in 123456789012, "
                + "sub 0f8fad5b-d9cb-469f-a165-70867728950e, /subscriptions/0f8fad5b/resourceGroups/rg1 and "
                + "vol-0123456789abcdef0; cost 12.50";

        String redacted = redactor.redact(text);

        assertThat(redacted)
                .doesNotContain("123456789012")
                .doesNotContain("0f8fad5b")
                .doesNotContain("vol-0")
                .contains("RESOURCE_ID_1 in ACCOUNT_ID_2")
                .contains("cost 12.50");
        assertThat(redactor.redact("again 123456789012")).isEqualTo("again ACCOUNT_ID_2");
        assertThat(redactor.restore(redacted)).isEqualTo(text);
        assertThat(redactor.unknownPlaceholder("ACCOUNT_ID_2 and RESOURCE_ID_9"))
                .isEqualTo("RESOURCE_ID_9");
    }
}
