package dev.costagent.perf.bench;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Whether the optimising JIT compiler (HotSpot's C2) is still busy: compiling a method now or holding methods in its
 * queue. Warm-ups ask it before calling a figure steady: on a busy machine the compiler threads are starved, the
 * code runs on a slower tier for seconds with its final compilation still queued, and run times sit on a plateau
 * that looks steady but is not; the total compilation time does not move while a compilation waits.
 *
 * <p>Read through the {@code com.sun.management:type=DiagnosticCommand} MBean's {@code compilerQueue} operation
 * (the same as {@code jcmd <pid> Compiler.queue}); where that is not available (another JVM), it answers
 * {@code true} and warm-ups rely on their other criteria.
 */
public final class JitActivity {

    private static final ObjectName DIAGNOSTICS = diagnostics();

    private JitActivity() {}

    /** True when C2 compiles nothing and has nothing queued (or when this JVM cannot tell). */
    public static boolean optimizingCompilerIdle() {
        String queue = compilerQueue();
        return queue == null || c2Idle(queue);
    }

    /** Parses the output of {@code Compiler.queue}: no "C2 ..." current compile and an empty C2 queue. */
    static boolean c2Idle(String queue) {
        String section = "";
        for (String raw : queue.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Current compiles:")) {
                section = "current";
            } else if (line.endsWith("compile queue:")) {
                section = line.startsWith("C2") ? "c2queue" : "other";
            } else if (section.equals("current") && line.startsWith("C2")) {
                return false;
            } else if (section.equals("c2queue") && !line.equals("Empty")) {
                return false;
            }
        }
        return true;
    }

    private static String compilerQueue() {
        if (DIAGNOSTICS == null) {
            return null;
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object text = server.invoke(
                    DIAGNOSTICS, "compilerQueue", new Object[] {null}, new String[] {String[].class.getName()});
            return text instanceof String s ? s : null;
        } catch (Exception | LinkageError e) {
            return null; // not HotSpot, or no diagnostic commands: the other criteria decide
        }
    }

    private static ObjectName diagnostics() {
        try {
            return new ObjectName("com.sun.management:type=DiagnosticCommand");
        } catch (Exception e) {
            return null;
        }
    }
}
