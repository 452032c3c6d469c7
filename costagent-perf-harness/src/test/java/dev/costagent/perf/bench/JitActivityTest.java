package dev.costagent.perf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitActivityTest {

    @Test
    void idleOnlyWithoutACurrentC2CompileAndWithAnEmptyC2Queue() {
        String idle =
                "Current compiles: \n\nC1 compile queue:\n1398  3  a.B::c (23 bytes)\n\nC2 compile queue:\nEmpty\n";
        String compiling =
                "Current compiles: \nC2 CompilerThread0  1542  4  java.lang.StringBuilder::toString (20 bytes)"
                        + "\n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n";
        String queued = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\n"
                + "1363  4  x.Y::contains (18 bytes)\n";
        assertThat(JitActivity.c2Idle(idle)).isTrue();
        assertThat(JitActivity.c2Idle(compiling)).isFalse();
        assertThat(JitActivity.c2Idle(queued)).isFalse();
    }
}
