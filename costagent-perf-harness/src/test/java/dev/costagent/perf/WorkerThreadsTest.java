package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.costagent.perf.result.LoadResult;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Virtual threads exactly when the runtime has them (Java 21+), platform threads otherwise or when asked. */
class WorkerThreadsTest {

    private static final boolean RUNTIME_HAS_VIRTUAL = Runtime.version().feature() >= 21;

    @Test
    void autoUsesVirtualThreadsExactlyWhenTheRuntimeHasThem() throws Exception {
        Set<Boolean> seen = ConcurrentHashMap.newKeySet();

        LoadResult closed = Load.closed(3).iterations(10).run(() -> seen.add(isVirtual(Thread.currentThread())));
        LoadResult open = Load.open(100)
                .duration(Duration.ofMillis(100))
                .maxConcurrency(3)
                .run(() -> seen.add(isVirtual(Thread.currentThread())));

        assertThat(seen).containsExactly(RUNTIME_HAS_VIRTUAL);
        assertThat(closed.virtualThreads()).isEqualTo(RUNTIME_HAS_VIRTUAL);
        assertThat(open.virtualThreads()).isEqualTo(RUNTIME_HAS_VIRTUAL);
    }

    @Test
    void platformThreadsCanBeForced() throws Exception {
        Set<Boolean> seen = ConcurrentHashMap.newKeySet();

        LoadResult result = Load.closed(2)
                .iterations(5)
                .threads(ThreadMode.PLATFORM)
                .run(() -> seen.add(isVirtual(Thread.currentThread())));

        assertThat(seen).containsExactly(false);
        assertThat(result.virtualThreads()).isFalse();
    }

    @Test
    void askingForVirtualThreadsOnJava17To20IsAClearError() {
        assumeTrue(!RUNTIME_HAS_VIRTUAL, "this runtime has virtual threads");

        assertThatThrownBy(() -> Load.closed(1).threads(ThreadMode.VIRTUAL).run(() -> {}))
                .hasMessageStartingWith("virtual threads need Java 21 or later");
    }

    @Test
    void threadModesParseIgnoringCase() {
        assertThat(ThreadMode.parse(" Platform ")).isEqualTo(ThreadMode.PLATFORM);
        assertThatThrownBy(() -> ThreadMode.parse("green")).hasMessageContaining("expected auto, virtual or platform");
    }

    private static boolean isVirtual(Thread thread) throws Exception {
        if (!RUNTIME_HAS_VIRTUAL) {
            return false;
        }
        Method isVirtual = Thread.class.getMethod("isVirtual");
        return (boolean) isVirtual.invoke(thread);
    }
}
