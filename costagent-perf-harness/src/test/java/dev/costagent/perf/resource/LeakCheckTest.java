package dev.costagent.perf.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A leak check sees retained heap that grows with the calls, and none where nothing is kept. */
class LeakCheckTest {

    private static final List<byte[]> LEAKED = new ArrayList<>();
    private static volatile byte[] garbage;

    @Test
    void anOperationKeeping1KiBPerCallLeaksAboutThat() {
        LeakCheck.Result result = LeakCheck.of(() -> LEAKED.add(new byte[1_024]))
                .rounds(4)
                .callsPerRound(2_000)
                .run();
        LEAKED.clear();
        assertThat(result.confirmed()).isTrue();
        // 1 KiB array plus header and the list's slot: 1,040..1,100 B per call.
        assertThat(result.bytesPerCall()).as(result.describe()).isBetween(1_000.0, 1_200.0);
        assertThat(result.leaks(64)).isTrue();
    }

    @Test
    void anOperationMakingOnlyGarbageDoesNotLeak() {
        LeakCheck.Result result = LeakCheck.of(() -> garbage = new byte[1_024])
                .rounds(4)
                .callsPerRound(2_000)
                .run();
        assertThat(result.bytesPerCall()).as(result.describe()).isLessThan(64.0);
        assertThat(result.leaks(64)).isFalse();
    }
}
