package alpha12.core.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads klines in the Binance public-data (data.binance.vision) column order:
 * {@code open_time,open,high,low,close,volume,close_time,quote_volume,trades,taker_buy_base,taker_buy_quote,ignore}.
 * A header line is optional; times may be milliseconds or microseconds (Binance's spot files from 2025
 * on); the columns after volume may be missing or empty (OHLCV-only files). Rows are validated with
 * {@link KlineValidation}; any bad row fails the whole file, naming the line.
 */
final class PublicDataCsv {

    static final String COLUMNS =
            "open_time,open,high,low,close,volume"
            + "[,close_time,quote_volume,trades,taker_buy_base,taker_buy_quote,ignore]";

    /** Epoch values above this are microseconds: as milliseconds they would be after the year 2286. */
    private static final long MICROS_ABOVE = 10_000_000_000_000L;

    private static final String[] NAMES = {"open_time", "open", "high", "low", "close", "volume", "close_time",
        "quote_volume", "trades", "taker_buy_base", "taker_buy_quote", "ignore"};

    private PublicDataCsv() {
    }

    /**
     * Parses every row of {@code reader}, oldest first.
     *
     * @param origin the file or resource, named in every error
     */
    static List<Kline> read(BufferedReader reader, String origin, String symbol, Interval interval) throws IOException {
        return read(reader, origin, symbol, interval, 6);
    }

    /** As {@link #read(BufferedReader, String, String, Interval)}, requiring at least {@code minFields} per row. */
    static List<Kline> read(BufferedReader reader, String origin, String symbol, Interval interval, int minFields)
            throws IOException {
        List<Kline> out = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            char first = line.charAt(0);
            if (lineNumber == 1 && !Character.isDigit(first)) {
                continue; // the header; Binance's spot files have none, futures files and exports do
            }
            try {
                String[] fields = line.split(",", -1);
                if (fields.length < minFields) {
                    throw new IllegalArgumentException(fields.length + " fields, expected " + minFields);
                }
                out.add(parse(fields, interval));
            } catch (IllegalArgumentException e) {
                throw new MarketDataException(origin + " line " + lineNumber + ": " + e.getMessage()
                        + "; expected Binance public-data columns " + COLUMNS);
            }
        }
        KlineValidation.check(origin, symbol, interval, out);
        return List.copyOf(out);
    }

    private static Kline parse(String[] f, Interval interval) {
        if (f.length < 6 || f.length > 12) {
            throw new IllegalArgumentException(f.length + " fields, expected 6 to 12");
        }
        long open = time(f, 0);
        double o = decimal(f, 1);
        double h = decimal(f, 2);
        double l = decimal(f, 3);
        double c = decimal(f, 4);
        double v = decimal(f, 5);
        boolean extras = false;
        for (int i = 6; i < f.length; i++) {
            extras |= !f[i].isBlank();
        }
        if (!extras) {
            return Kline.ohlcv(interval, open, o, h, l, c, v);
        }
        long close = present(f, 6) ? time(f, 6) : open + interval.millis() - 1;
        long trades = present(f, 8) ? whole(f, 8) : -1;
        return new Kline(open, o, h, l, c, v, close, optional(f, 7), trades, optional(f, 9), optional(f, 10),
                present(f, 11) ? decimal(f, 11) : 0.0);
    }

    private static boolean present(String[] f, int i) {
        return i < f.length && !f[i].isBlank();
    }

    private static long time(String[] f, int i) {
        long t = whole(f, i);
        return t > MICROS_ABOVE ? t / 1000 : t;
    }

    private static long whole(String[] f, int i) {
        String s = required(f, i);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NAMES[i] + " is not a whole number: '" + s + "'");
        }
    }

    private static double decimal(String[] f, int i) {
        String s = required(f, i);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NAMES[i] + " is not a number: '" + s + "'");
        }
    }

    private static double optional(String[] f, int i) {
        return present(f, i) ? decimal(f, i) : Double.NaN;
    }

    private static String required(String[] f, int i) {
        String s = f[i].strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(NAMES[i] + " is empty");
        }
        return s;
    }
}
