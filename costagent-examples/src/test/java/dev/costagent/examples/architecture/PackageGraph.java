package dev.costagent.examples.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which package uses which, with one class-level example per arrow, built from {@link ClassReferences}. Only packages
 * under a prefix (the project's own) take part; arrows into other libraries are ignored.
 */
final class PackageGraph {

    private final Map<String, Map<String, String>> arrows = new TreeMap<>();

    /** The graph of the classes' packages under {@code prefix} (e.g. {@code dev.costagent.}). */
    static PackageGraph of(Map<String, Set<String>> classReferences, String prefix) {
        PackageGraph graph = new PackageGraph();
        classReferences.forEach((from, targets) -> {
            if (!from.startsWith(prefix)) {
                return;
            }
            String fromPackage = packageOf(from);
            graph.arrows.computeIfAbsent(fromPackage, k -> new TreeMap<>());
            for (String to : targets) {
                String toPackage = packageOf(to);
                if (to.startsWith(prefix) && !toPackage.equals(fromPackage)) {
                    graph.arrows.get(fromPackage).putIfAbsent(toPackage, simple(from) + " -> " + simple(to));
                }
            }
        });
        return graph;
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Every package with classes. */
    Set<String> packages() {
        return arrows.keySet();
    }

    /** The packages {@code from} uses, each with an example class arrow. */
    Map<String, String> arrowsFrom(String from) {
        return arrows.getOrDefault(from, Map.of());
    }

    /**
     * The package cycles: strongly connected groups of more than one package (Tarjan), each as its sorted package
     * names. Empty when the graph is acyclic.
     */
    List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> result = new ArrayList<>();
        int[] counter = {0};
        for (String start : arrows.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, index, low, stack, onStack, result, counter);
            }
        }
        return result;
    }

    private void connect(
            String node,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> result,
            int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : arrowsFrom(node).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, index, low, stack, onStack, result, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                result.add(component);
            }
        }
    }
}
