package alpha12.core.legacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The outcome of one import of an original runs/ folder, file by file, and its printed summary. */
public record ImportReport(Path source, Path runsDir, List<FileReport> files, Path rejectedDir) {

    public ImportReport {
        files = List.copyOf(files);
    }

    /** False when a file was there but could not be imported at all (see its note). */
    public boolean complete() {
        return files.stream().noneMatch(f -> f.state() == FileReport.State.UNUSABLE);
    }

    public Optional<FileReport> file(String name) {
        return files.stream().filter(f -> f.file().equals(name)).findFirst();
    }

    /** The summary, one line per file and one per rejection reason (most frequent first). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("import-legacy " + source + " -> " + runsDir);
        for (FileReport f : files) {
            if (f.state() != FileReport.State.IMPORTED) {
                out.add(f.file() + ": " + f.note());
                continue;
            }
            out.add(String.format(Locale.ROOT, "%s: %d rows read, %d imported, %d already present, %d rejected",
                    f.file(), f.read(), f.imported(), f.alreadyPresent(), f.rejectedTotal()));
            f.rejected().entrySet().stream()
                    .sorted(Map.Entry.<RejectReason, Integer>comparingByValue(Comparator.reverseOrder()))
                    .forEach(e -> out.add(String.format(Locale.ROOT, "  %4d rejected: %s", e.getValue(),
                            e.getKey().label())));
            if (f.stillActive() > 0) {
                out.add("  " + f.stillActive() + " imported setup(s) still pending or triggered: the tracker follows "
                        + "them from their created_at, by this system's rules "
                        + "('alpha12-tracker cancel <id>' stops one)");
            }
            if (!f.ignoredColumns().isEmpty()) {
                out.add("  columns not carried over: " + String.join(", ", f.ignoredColumns()));
            }
        }
        if (files.stream().anyMatch(f -> f.rejectedTotal() > 0)) {
            out.add("rejected rows, verbatim with their reasons: " + rejectedDir + "/<file>.rejected");
        }
        return out;
    }
}
