// Imports graph files with the Gephi toolkit's own importer (the code Gephi Desktop runs on
// File > Open), each in a new project, and prints what Gephi ends up holding as one JSON
// object per line on stdout: nodes (id, label, attributes by column title), edges (id,
// source, target, kind, weight, directed, attributes) and the import report's issues.
// Used by tests/test_gephi.py, which keeps one running and names a file per line.
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

public final class GephiImport {
    private GephiImport() {}

    static String str(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Object[]) {
            StringBuilder b = new StringBuilder("[");
            for (Object x : (Object[]) o) {
                b.append(b.length() > 1 ? "," : "").append(str(x));
            }
            return b.append(']').toString();
        }
        if (o instanceof Number || o instanceof Boolean) {
            double d = o instanceof Number ? ((Number) o).doubleValue() : 0;
            if (o instanceof Number && (Double.isNaN(d) || Double.isInfinite(d))) {
                return "null";
            }
            return o.toString();
        }
        String s = o.toString();
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static void intervals(StringBuilder out, org.gephi.graph.api.Element el) {
        out.append("\"intervals\":[");
        org.gephi.graph.api.Interval[] ivs;
        try {
            ivs = el.getIntervals();
        } catch (RuntimeException e) {
            ivs = new org.gephi.graph.api.Interval[0]; // a static graph has no time set
        }
        for (int i = 0; i < ivs.length; i++) {
            out.append(i == 0 ? "" : ",").append('[').append(str(ivs[i].getLow())).append(',');
            out.append(str(ivs[i].getHigh())).append(']');
        }
        out.append("],");
    }

    static void attrs(StringBuilder out, Table table, org.gephi.graph.api.Element el) {
        out.append("\"attrs\":{");
        boolean first = true;
        for (Column col : table) {
            if (col.isProperty()) {
                continue; // id, label, weight: printed on their own
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(str(col.getTitle())).append(":{\"type\":").append(str(col.getTypeClass().getSimpleName()));
            out.append(",\"value\":").append(str(el.getAttribute(col))).append('}');
        }
        out.append('}');
    }

    /** What Gephi holds after opening {@code file} in a new project, as one line of JSON. */
    static String importOne(File file) {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.newProject();
        try {
            Workspace ws = pc.getCurrentWorkspace();
            ImportController ic = Lookup.getDefault().lookup(ImportController.class);
            Container container;
            try {
                container = ic.importFile(file);
            } catch (Exception e) {
                return "{\"error\":" + str(e.toString()) + "}";
            }
            if (container == null) {
                return "{\"error\":\"no importer for this file\"}";
            }
            List<String> issues = new ArrayList<>();
            java.util.Iterator<Issue> it = container.getReport().getIssues(Integer.MAX_VALUE);
            while (it.hasNext()) {
                Issue issue = it.next();
                issues.add(issue.getLevel() + ": " + issue.getMessage());
            }
            ic.process(container, new DefaultProcessor(), ws);
            GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
            return describe(gm, issues);
        } finally {
            pc.closeCurrentProject(); // the next file opens in a project of its own
        }
    }

    static String describe(GraphModel gm, List<String> issues) {
        Graph g = gm.getGraph();
        StringBuilder out = new StringBuilder("{\"directed\":").append(gm.isDirected());
        out.append(",\"mixed\":").append(gm.isMixed());
        out.append(",\"dynamic\":").append(gm.isDynamic()).append(",\"nodes\":[");
        boolean first = true;
        for (Node n : g.getNodes()) {
            out.append(first ? "" : ",").append("{\"id\":").append(str(n.getId()));
            out.append(",\"label\":").append(str(n.getLabel())).append(',');
            intervals(out, n);
            attrs(out, gm.getNodeTable(), n);
            out.append('}');
            first = false;
        }
        out.append("],\"edges\":[");
        first = true;
        for (Edge e : g.getEdges()) {
            out.append(first ? "" : ",").append("{\"id\":").append(str(e.getId()));
            out.append(",\"source\":").append(str(e.getSource().getId()));
            out.append(",\"target\":").append(str(e.getTarget().getId()));
            out.append(",\"kind\":").append(str(e.getTypeLabel()));
            out.append(",\"weight\":").append(str(e.getWeight()));
            out.append(",\"directed\":").append(e.isDirected()).append(',');
            intervals(out, e);
            attrs(out, gm.getEdgeTable(), e);
            out.append('}');
            first = false;
        }
        out.append("],\"issues\":[");
        for (int i = 0; i < issues.size(); i++) {
            out.append(i == 0 ? "" : ",").append(str(issues.get(i)));
        }
        out.append("]}");
        return out.toString();
    }

    /**
     * With a file argument: imports it and prints its line. Without: imports each file named
     * on a line of standard input and prints its line, until the input ends (one JVM start
     * for many files).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            String line = importOne(new File(args[0]));
            System.out.println(line);
            System.exit(line.startsWith("{\"error\"") ? 2 : 0);
        }
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        java.io.PrintStream out = new java.io.PrintStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        for (String path; (path = in.readLine()) != null; ) {
            out.println(importOne(new File(path)));
        }
        System.exit(0);
    }
}
