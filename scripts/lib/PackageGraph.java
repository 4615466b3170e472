/*
 * Draws mpmbench's module and package graph from the compiled classes, as the JDK's jdeps sees them,
 * and names every package cycle. Run by scripts/package-graph (which builds the classes first);
 * output is Markdown with Mermaid diagrams (GitHub draws them), so a reviewer can put the graph of two
 * revisions side by side.
 *
 * Usage: java PackageGraph.java ROOT [--check]
 *   ROOT     the checkout; every folder below it (two levels deep) holding pom.xml and target/classes
 *            is a module, named by its path (server, benchmarks/analysis, ...).
 *   --check  exit 1 when any package cycle exists (the ArchUnit tests enforce the same per module).
 */
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

public class PackageGraph {
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: java PackageGraph.java ROOT [--check]");
      System.exit(2);
    }
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    boolean check = args.length > 1 && args[1].equals("--check");

    Map<String, String> moduleOf = new TreeMap<>();   // package -> module
    Map<String, Path> classes = new TreeMap<>();      // module -> target/classes
    try (Stream<Path> poms = Files.find(root, 3, (p, a) -> p.getFileName().toString().equals("pom.xml"))) {
      for (Path pom : poms.toList()) {
        Path dir = pom.getParent();
        Path cls = dir.resolve("target/classes");
        if (!Files.isDirectory(cls)) {
          if (Files.isDirectory(dir.resolve("src/main/java"))) {
            // a graph without a module would pass --check while saying nothing about it
            System.err.println("package-graph: " + root.relativize(dir) + " has sources but no compiled classes (build first: mvn -q -DskipTests compile)");
            System.exit(2);
          }
          continue;
        }
        String module = root.relativize(dir).toString();
        try (Stream<Path> files = Files.walk(cls)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
            String pkg = cls.relativize(f.getParent()).toString().replace('/', '.');
            if (pkg.startsWith("mpmbench")) {
              moduleOf.put(pkg, module);
              classes.put(module, cls);
            }
          }
        }
      }
    }
    if (classes.isEmpty()) {
      System.err.println("package-graph: no compiled module under " + root + " (build first: mvn -q -DskipTests compile)");
      System.exit(2);
    }

    Map<String, Set<String>> edges = new TreeMap<>();  // package -> packages it uses
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("this JDK has no jdeps"));
    List<String> jdepsArgs = new ArrayList<>(List.of("-verbose:package", "-e", "mpmbench\\..*"));
    classes.values().forEach(p -> jdepsArgs.add(p.toString()));
    StringWriter out = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(System.err), jdepsArgs.toArray(String[]::new));
    if (rc != 0) System.exit(rc);
    for (String line : out.toString().split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[1].equals("->") && moduleOf.containsKey(f[0]) && moduleOf.containsKey(f[2]) && !f[0].equals(f[2])) {
        edges.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[2]);
      }
    }

    StringBuilder md = new StringBuilder("# mpmbench: modules and packages\n\n");
    md.append("Drawn by `scripts/package-graph` from the compiled classes (jdeps); an arrow A → B means code in A uses B.\n\n");
    md.append("## Modules\n\n```mermaid\nflowchart LR\n");
    Set<String> moduleEdges = new TreeSet<>();
    edges.forEach((a, bs) -> bs.forEach(b -> {
      String ma = moduleOf.get(a), mb = moduleOf.get(b);
      if (!ma.equals(mb)) moduleEdges.add("  " + id(ma) + "[" + ma + "] --> " + id(mb) + "[" + mb + "]");
    }));
    classes.keySet().forEach(m -> md.append("  ").append(id(m)).append("[").append(m).append("]\n"));
    moduleEdges.forEach(e -> md.append(e).append("\n"));
    md.append("```\n");

    List<List<String>> allCycles = new ArrayList<>();
    for (String module : classes.keySet()) {
      List<String> pkgs = moduleOf.entrySet().stream().filter(e -> e.getValue().equals(module)).map(Map.Entry::getKey).toList();
      md.append("\n## ").append(module).append(" (").append(pkgs.size()).append(" packages)\n\n```mermaid\nflowchart TD\n");
      String prefix = commonPrefix(pkgs);
      for (String p : pkgs) {
        md.append("  ").append(id(p)).append("[").append(shortName(p, prefix)).append("]\n");
        for (String q : edges.getOrDefault(p, Set.of())) {
          if (module.equals(moduleOf.get(q))) md.append("  ").append(id(p)).append(" --> ").append(id(q)).append("\n");
        }
      }
      md.append("```\n");
      List<List<String>> cycles = cycles(pkgs, edges);
      allCycles.addAll(cycles);
      if (cycles.isEmpty()) {
        md.append("\nPackage cycles: none.\n");
      } else {
        md.append("\nPackage cycles (each a set of packages that reach one another):\n");
        for (List<String> c : cycles) md.append("- ").append(String.join(" ↔ ", c)).append("\n");
      }
    }
    md.append("\nPackage cycles in all: ").append(allCycles.size()).append("\n");
    System.out.print(md);
    if (check && !allCycles.isEmpty()) System.exit(1);
  }

  /** Tarjan's strongly connected components with more than one package: each is a cycle. */
  static List<List<String>> cycles(List<String> nodes, Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String n : nodes) if (!index.containsKey(n)) strong(n, nodes, edges, index, low, stack, onStack, out, counter);
    return out;
  }

  private static void strong(String v, List<String> nodes, Map<String, Set<String>> edges, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out, int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.push(v);
    onStack.add(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!nodes.contains(w)) continue;
      if (!index.containsKey(w)) {
        strong(w, nodes, edges, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> comp = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        comp.add(w);
      } while (!w.equals(v));
      if (comp.size() > 1) out.add(comp.stream().sorted().toList());
    }
  }

  private static String id(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static String commonPrefix(List<String> pkgs) {
    if (pkgs.isEmpty()) return "";
    String p = pkgs.get(0);
    for (String q : pkgs) while (!q.equals(p) && !q.startsWith(p + ".")) p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "";
    return p;
  }

  private static String shortName(String pkg, String prefix) {
    return pkg.equals(prefix) || prefix.isEmpty() ? pkg : pkg.substring(prefix.length() + 1);
  }
}
