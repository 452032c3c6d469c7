package dev.costagent.examples.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classes each compiled class refers to, read from the constant pool of its class file: class entries, and every
 * {@code Lname;} in descriptors and generic signatures (fields, methods, annotations, lambdas). That is what the JVM
 * would link against, so an import that is never used does not count and a fully qualified name in code does.
 */
final class ClassReferences {

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");

    private ClassReferences() {}

    /** Class name (dotted) to the dotted names of the classes it refers to, for every class under a root. */
    static Map<String, Set<String>> of(Path root) {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file :
                            files.filter(ClassReferences::isClassFile).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            read(in, references);
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (var entry : jar.stream()
                            .filter(e -> isClassFile(Path.of(e.getName())))
                            .toList()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            read(in, references);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classes under " + root + ": " + e.getMessage(), e);
        }
        return references;
    }

    private static boolean isClassFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class");
    }

    private static void read(InputStream stream, Map<String, Set<String>> references) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        List<Integer> classEntries = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> {
                    classNameIndex[i] = in.readUnsignedShort();
                    classEntries.add(i);
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        String self = utf8[classNameIndex[in.readUnsignedShort()]].replace('/', '.');
        Set<String> referenced = references.computeIfAbsent(self, k -> new TreeSet<>());
        for (int entry : classEntries) {
            String name = utf8[classNameIndex[entry]];
            if (name.startsWith("[")) {
                addDescriptorClasses(name, referenced);
            } else {
                referenced.add(name.replace('/', '.'));
            }
        }
        for (String text : utf8) {
            if (text != null && text.indexOf(';') >= 0) {
                addDescriptorClasses(text, referenced);
            }
        }
        referenced.remove(self);
    }

    private static void addDescriptorClasses(String descriptor, Set<String> into) {
        Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
        while (m.find()) {
            into.add(m.group(1).replace('/', '.'));
        }
    }
}
