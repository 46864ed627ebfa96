package alpha12.core.market;

import java.nio.file.Path;
import java.util.Optional;

/** Which kline source to use: {@code binance}, the bundled {@code sample}, or {@code csv:<dir>}. */
public record SourceSpec(Kind kind, Optional<Path> dir) {

    public enum Kind { BINANCE, SAMPLE, CSV }

    public static final String ACCEPTED = "binance, sample or csv:<dir>";

    public static SourceSpec binance() {
        return new SourceSpec(Kind.BINANCE, Optional.empty());
    }

    public static SourceSpec sample() {
        return new SourceSpec(Kind.SAMPLE, Optional.empty());
    }

    public static SourceSpec csv(Path dir) {
        return new SourceSpec(Kind.CSV, Optional.of(dir));
    }

    /** Parses the command-line/env form; returns empty when the text is none of the accepted forms. */
    public static Optional<SourceSpec> parse(String text) {
        String t = text.trim();
        if (t.equals("binance")) {
            return Optional.of(binance());
        }
        if (t.equals("sample")) {
            return Optional.of(sample());
        }
        if (t.startsWith("csv:") && t.length() > 4) {
            return Optional.of(csv(Path.of(t.substring(4))));
        }
        return Optional.empty();
    }

    public boolean isOffline() {
        return kind != Kind.BINANCE;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BINANCE -> "binance";
            case SAMPLE -> "sample";
            case CSV -> "csv:" + dir.orElseThrow();
        };
    }
}
