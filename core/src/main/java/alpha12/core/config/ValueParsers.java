package alpha12.core.config;

import alpha12.core.market.Interval;
import alpha12.core.market.SourceSpec;
import alpha12.core.store.Cells;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parsers of configuration values; each failure says what would have been accepted. */
final class ValueParsers {

    /** A value that was not accepted; the message is what is accepted. */
    static final class Invalid extends Exception {
        Invalid(String accepted) {
            super(accepted, null, false, false);
        }
    }

    /** Parses one value's text (already stripped, never blank). */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws Invalid;
    }

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{5,20}");

    private ValueParsers() {
    }

    static Parser<Integer> wholeNumber(int min, int max, String unit) {
        return text -> {
            if (WHOLE.matcher(text).matches()) {
                long v = Long.parseLong(text);
                if (v >= min && v <= max) {
                    return (int) v;
                }
            }
            throw new Invalid("a whole number of " + unit + " from " + min + " to " + max);
        };
    }

    static Parser<Long> anyWholeNumber() {
        return text -> {
            if (WHOLE.matcher(text).matches()) {
                return Long.parseLong(text);
            }
            throw new Invalid("a whole number (at most 18 digits)");
        };
    }

    static Parser<Double> decimal(double min, double max, boolean minInclusive, String what) {
        String accepted = what + " (" + (minInclusive ? "from " + plain(min) + " to " : "above " + plain(min)
                + ", at most ") + plain(max) + ")";
        return text -> {
            if (Cells.isDecimal(text)) {
                double v = Double.parseDouble(text);
                if ((minInclusive ? v >= min : v > min) && v <= max) {
                    return v;
                }
            }
            throw new Invalid(accepted);
        };
    }

    static Parser<Boolean> flag() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new Invalid("1 or 0 (also true/false, yes/no, on/off)");
        };
    }

    /** A comma-separated list of intervals out of {@code allowed}; duplicates collapse. */
    static Parser<List<Interval>> intervals(List<Interval> allowed, String why) {
        String list = allowed.stream().map(Interval::code).collect(Collectors.joining(", "));
        return text -> {
            List<Interval> out = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                String code = part.strip();
                Optional<Interval> interval = Interval.fromCode(code).filter(allowed::contains);
                if (interval.isEmpty()) {
                    throw new Invalid("a comma-separated list of " + list
                            + (code.isEmpty() ? " (an empty item)"
                                    : " ('" + code + "' is not one of them" + why + ")"));
                }
                if (!out.contains(interval.get())) {
                    out.add(interval.get());
                }
            }
            return List.copyOf(out);
        };
    }

    static Parser<List<String>> symbols() {
        return text -> {
            List<String> out = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                String s = part.strip().toUpperCase(Locale.ROOT);
                if (!SYMBOL.matcher(s).matches()) {
                    throw new Invalid("comma-separated Binance spot symbols such as BTCUSDT,ETHUSDT");
                }
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
            return List.copyOf(out);
        };
    }

    static Parser<URI> httpUrl() {
        String accepted = "an http(s) URL such as https://api.binance.com";
        return text -> {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                        && uri.getQuery() == null && uri.getFragment() == null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new Invalid(accepted);
        };
    }

    static Parser<SourceSpec> source() {
        return text -> {
            SourceSpec spec = SourceSpec.parse(text).orElseThrow(() -> new Invalid(SourceSpec.ACCEPTED));
            if (spec.kind() == SourceSpec.Kind.CSV && !Files.isDirectory(spec.dir().orElseThrow())) {
                throw new Invalid("csv:<dir> where <dir> is an existing folder");
            }
            return spec;
        };
    }

    /** A folder path: it may not exist yet (it is created), but it may not be a file. */
    static Parser<Path> folder() {
        return text -> {
            try {
                Path path = Path.of(text);
                if (Files.exists(path) && !Files.isDirectory(path)) {
                    throw new Invalid("a folder (this path is a file)");
                }
                return path;
            } catch (InvalidPathException e) {
                throw new Invalid("a folder path");
            }
        };
    }

    /** One value of a closed set, case-insensitive. */
    static <T> Parser<T> oneOf(Function<String, Optional<T>> fromCode, String accepted) {
        return text -> fromCode.apply(text.toLowerCase(Locale.ROOT)).orElseThrow(() -> new Invalid(accepted));
    }

    /** Hours for every interval ({@code 24}) or per interval ({@code 5m=6,1h=24}); others keep defaults. */
    static Parser<Map<Interval, Duration>> maxAges(Map<Interval, Duration> defaults) {
        String accepted = "hours for every interval (e.g. 24) or per interval like 5m=6,1h=24,4h=72 "
                + "(whole hours from 1 to 100000)";
        Parser<Integer> hours = wholeNumber(1, 100_000, "hours");
        return text -> {
            Map<Interval, Duration> map = new EnumMap<>(defaults);
            try {
                if (!text.contains("=")) {
                    long h = hours.parse(text);
                    Interval.TIMEFRAMES.forEach(i -> map.put(i, Duration.ofHours(h)));
                    return Map.copyOf(map);
                }
                for (String part : text.split(",", -1)) {
                    String[] kv = part.split("=", -1);
                    Optional<Interval> interval = kv.length == 2
                            ? Interval.fromCode(kv[0].strip()).filter(Interval.TIMEFRAMES::contains)
                            : Optional.empty();
                    if (interval.isEmpty()) {
                        throw new Invalid(accepted);
                    }
                    map.put(interval.get(), Duration.ofHours(hours.parse(kv[1].strip())));
                }
                return Map.copyOf(map);
            } catch (Invalid e) {
                throw new Invalid(accepted);
            }
        };
    }

    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
