package alpha12.core.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The package dependencies of compiled classes, read from the constant pools of their class files: every
 * class a class names in its class constants, descriptors and generic signatures. Like any bytecode
 * check it cannot see compile-time constants, which javac copies into the classes that use them.
 */
public final class PackageGraph {

    /** The daemon modules' packages: none may name another's. */
    public static final List<String> DAEMON_PACKAGES =
            List.of("alpha12.autosignal", "alpha12.backgroundanalysis", "alpha12.tracker");

    private static final Pattern DESCRIBED_CLASS = Pattern.compile("L([\\w/$]+)[;<]");

    /** Per package, the packages it names, each with one class-to-class example. */
    private final Map<String, Map<String, String>> edges;

    private PackageGraph(Map<String, Map<String, String>> edges) {
        this.edges = edges;
    }

    /**
     * The graph of the classes in the folder or jar {@code anyClass} was loaded from, limited to packages
     * starting with {@code prefix} (both ends of an edge).
     */
    public static PackageGraph of(Class<?> anyClass, String prefix) {
        try {
            Path location = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            return of(location, prefix);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anyClass, e);
        }
    }

    public static PackageGraph of(Path classesFolderOrJar, String prefix) {
        Map<String, Map<String, String>> edges = new TreeMap<>();
        try {
            for (byte[] classFile : classFiles(classesFolderOrJar)) {
                ClassRefs refs = ClassRefs.read(classFile);
                String from = packageOf(refs.name());
                if (!from.startsWith(prefix)) {
                    continue;
                }
                edges.computeIfAbsent(from, p -> new TreeMap<>());
                for (String target : refs.referenced()) {
                    String to = packageOf(target);
                    if (to.startsWith(prefix) && !to.equals(from)) {
                        edges.get(from).putIfAbsent(to, simple(refs.name()) + " names " + simple(target));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes in " + classesFolderOrJar, e);
        }
        if (edges.isEmpty()) {
            throw new IllegalStateException("no classes of " + prefix + " in " + classesFolderOrJar);
        }
        return new PackageGraph(edges);
    }

    /** A graph given edge by edge ({@code "a -> b"}), to check the cycle finder itself. */
    public static PackageGraph ofEdges(List<String> edgeList) {
        Map<String, Map<String, String>> edges = new TreeMap<>();
        for (String edge : edgeList) {
            String[] ends = edge.split(" -> ");
            edges.computeIfAbsent(ends[0], p -> new TreeMap<>()).put(ends[1], edge);
            edges.computeIfAbsent(ends[1], p -> new TreeMap<>());
        }
        return new PackageGraph(edges);
    }

    public Set<String> packages() {
        return edges.keySet();
    }

    /** The packages {@code pkg} names, in order. */
    public Set<String> dependencies(String pkg) {
        return edges.getOrDefault(pkg, Map.of()).keySet();
    }

    /**
     * Every package cycle, one line each: the packages of a strongly connected group and, for each of their
     * dependencies on one another, a class that makes it. Empty when the graph has no cycle.
     */
    public List<String> cycles() {
        List<String> out = new ArrayList<>();
        for (Set<String> group : new Tarjan().groups()) {
            StringBuilder line = new StringBuilder(String.join(", ", group)).append(":");
            for (String from : group) {
                edges.get(from).forEach((to, example) -> {
                    if (group.contains(to)) {
                        line.append(' ').append(from).append(" -> ").append(to).append(" (").append(example)
                                .append(");");
                    }
                });
            }
            out.add(line.toString());
        }
        return out;
    }

    /**
     * The dependencies of the daemon module holding {@code daemonClass} on any other daemon's package, each
     * with its example; fails when the module's classes or their use of core cannot be seen at all.
     */
    public static List<String> otherDaemonsNamedBy(Class<?> daemonClass) {
        PackageGraph graph = of(daemonClass, "alpha12");
        String own = daemonClass.getPackageName();
        if (!graph.packages().contains(own) || graph.dependenciesOn(List.of("alpha12.core")).isEmpty()) {
            throw new IllegalStateException("read no classes of " + own + " that use core");
        }
        return graph.dependenciesOn(DAEMON_PACKAGES.stream().filter(p -> !p.equals(own)).toList());
    }

    /** Each dependency of any package on one of {@code targets} (prefix match), with its example. */
    public List<String> dependenciesOn(List<String> targets) {
        List<String> out = new ArrayList<>();
        edges.forEach((from, tos) -> tos.forEach((to, example) -> {
            if (targets.stream().anyMatch(t -> to.equals(t) || to.startsWith(t + "."))) {
                out.add(from + " -> " + to + " (" + example + ")");
            }
        }));
        return out;
    }

    /** Strongly connected groups of more than one package (Tarjan's algorithm). */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> groups = new ArrayList<>();

        List<Set<String>> groups() {
            for (String pkg : edges.keySet()) {
                if (!index.containsKey(pkg)) {
                    visit(pkg);
                }
            }
            groups.sort(Comparator.comparing(g -> g.iterator().next()));
            return groups;
        }

        private void visit(String pkg) {
            index.put(pkg, index.size());
            low.put(pkg, index.get(pkg));
            stack.add(pkg);
            onStack.add(pkg);
            for (String next : dependencies(pkg)) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(pkg, Math.min(low.get(pkg), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(pkg, Math.min(low.get(pkg), index.get(next)));
                }
            }
            if (low.get(pkg).equals(index.get(pkg))) {
                Set<String> group = new TreeSet<>();
                String member;
                do {
                    member = stack.remove(stack.size() - 1);
                    onStack.remove(member);
                    group.add(member);
                } while (!member.equals(pkg));
                if (group.size() > 1) {
                    groups.add(group);
                }
            }
        }
    }

    private static List<byte[]> classFiles(Path location) throws IOException {
        List<byte[]> out = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    out.add(Files.readAllBytes(file));
                }
            }
            return out;
        }
        try (ZipFile jar = new ZipFile(location.toFile())) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    out.add(jar.getInputStream(entry).readAllBytes());
                }
            }
        }
        return out;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /** A class file's own name and the names of the classes its constant pool refers to. */
    private record ClassRefs(String name, Set<String> referenced) {

        static ClassRefs read(byte[] classFile) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            Set<Integer> stringConstants = new HashSet<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 8 -> stringConstants.add(in.readUnsignedShort());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // eight-byte constants take two slots
                    }
                    case 15 -> in.skipBytes(3);
                    case 16, 19, 20 -> in.skipBytes(2);
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            in.readUnsignedShort(); // access flags
            String name = utf8[classNameIndex[in.readUnsignedShort()]];
            Set<String> referenced = new HashSet<>();
            for (int i = 1; i < count; i++) {
                if (classNameIndex[i] != 0) {
                    String target = utf8[classNameIndex[i]];
                    if (target.startsWith("[")) {
                        described(target, referenced);
                    } else {
                        referenced.add(target);
                    }
                } else if (utf8[i] != null && !stringConstants.contains(i)) {
                    described(utf8[i], referenced);
                }
            }
            return new ClassRefs(name, referenced);
        }

        private static void described(String descriptorOrSignature, Set<String> into) {
            Matcher m = DESCRIBED_CLASS.matcher(descriptorOrSignature);
            while (m.find()) {
                into.add(m.group(1));
            }
        }
    }
}
