package alpha12.tracker;

import alpha12.core.cli.Alpha12Runtime;
import alpha12.core.cli.CommonOptions;
import alpha12.core.cli.Launcher;
import alpha12.core.legacy.FileReport;
import alpha12.core.legacy.ImportReport;
import alpha12.core.legacy.LegacyImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import-legacy <dir>}: the original alpha12's runs/ folder into this system's files ({@link LegacyImport}). */
@Command(name = "import-legacy", mixinStandardHelpOptions = true,
        description = {"Import an original alpha12 runs/ folder (setups.csv, trade_history.csv, "
                + "background_analysis.csv) into this system's runs/ files: times in UTC, columns by name. Rows "
                + "that cannot be trusted are kept verbatim with their reasons in runs/legacy-import/<file>.rejected. "
                + "Importing again adds nothing.",
            "Exit 0 when done (rows may have been rejected: see the summary), 1 when a file could not be read "
                + "at all."})
final class ImportLegacyCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DIR",
            description = "The original's runs/ folder (only read; not this system's runs dir).")
    Path dir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "DIR " + dir + " is not a folder; accepted: the original "
                    + "alpha12's runs/ folder holding setups.csv, trade_history.csv and/or background_analysis.csv");
        }
        Alpha12Runtime runtime = Alpha12Runtime.start(TrackerMain.PROGRAM, common);
        PrintWriter err = spec.commandLine().getErr();
        if (sameFolder(dir, runtime.store().dir())) {
            err.println(TrackerMain.PROGRAM + " import-legacy: " + dir + " is this system's runs dir; copy the "
                    + "original's files to another folder and import from there");
            err.flush();
            return Launcher.EXIT_FAILURE;
        }
        ImportReport report = new LegacyImport(runtime.store()).run(dir);
        PrintWriter out = spec.commandLine().getOut();
        report.lines().forEach(out::println);
        out.flush();
        report.files().stream().filter(f -> f.state() == FileReport.State.UNUSABLE)
                .forEach(f -> err.println(TrackerMain.PROGRAM + " import-legacy: " + f.file() + ": " + f.note()));
        err.flush();
        return report.complete() ? Launcher.EXIT_OK : Launcher.EXIT_FAILURE;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
