package alpha12.core.market;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a {@code GET /api/v3/klines} body: an array of 12-element arrays, times as numbers and every
 * decimal as a string ({@code "58415.00000000"}). A body cut short is {@link BinanceHttp.TruncatedBody}
 * (retried); anything else that is not this shape is a {@link MarketDataException} (not retried: the
 * same server would send the same thing).
 */
final class BinanceKlineJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String[] NAMES = {"open time", "open", "high", "low", "close", "volume", "close time",
        "quote volume", "trades", "taker buy base", "taker buy quote", "ignore"};

    private BinanceKlineJson() {
    }

    static List<Kline> parse(byte[] body, String origin) throws BinanceHttp.TruncatedBody {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new BinanceHttp.TruncatedBody("HTTP 200 with an empty body");
            }
            if (first != JsonToken.START_ARRAY) {
                throw notKlines(body, origin, "it does not start with a JSON array");
            }
            List<Kline> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
                out.add(kline(p, out.size() + 1, origin));
            }
            if (t == null) {
                throw new JsonEOFException(p, null, "end of input inside the kline array");
            }
            if (t != JsonToken.END_ARRAY) {
                throw notKlines(body, origin, "element " + (out.size() + 1) + " is " + t + ", not a kline array");
            }
            if (p.nextToken() != null) {
                throw notKlines(body, origin, "there is more after the array");
            }
            return out;
        } catch (StreamReadException e) {
            if (e instanceof JsonEOFException || endsAtEndOfInput(e, body)) {
                throw new BinanceHttp.TruncatedBody("HTTP 200 body is truncated: it ends inside the JSON after "
                        + body.length + " bytes");
            }
            throw notKlines(body, origin, "it is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new MarketDataException(origin + ": cannot read the response: " + e.getMessage(), e);
        }
    }

    /** Jackson reports some cut-off documents as plain parse errors; where it stopped tells them apart. */
    private static boolean endsAtEndOfInput(StreamReadException e, byte[] body) {
        return e.getLocation() != null && e.getLocation().getByteOffset() >= body.length;
    }

    private static Kline kline(JsonParser p, int index, String origin) throws IOException {
        long[] longs = new long[12];
        double[] decimals = new double[12];
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonEOFException(p, null, "end of input inside kline #" + index);
            }
            if (i >= 12) {
                throw new MarketDataException(origin + ": kline #" + index + " has more than 12 fields");
            }
            if (i == 0 || i == 6 || i == 8) {
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    throw field(origin, index, i, p.getText(), "a whole number");
                }
                longs[i] = p.getLongValue();
            } else {
                if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT
                        && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw field(origin, index, i, p.getText(), "a decimal");
                }
                try {
                    decimals[i] = Double.parseDouble(p.getText());
                } catch (NumberFormatException e) {
                    throw field(origin, index, i, p.getText(), "a decimal");
                }
            }
            i++;
        }
        if (i != 12) {
            throw new MarketDataException(origin + ": kline #" + index + " has " + i + " fields, expected 12");
        }
        return new Kline(longs[0], decimals[1], decimals[2], decimals[3], decimals[4], decimals[5], longs[6],
                decimals[7], longs[8], decimals[9], decimals[10], decimals[11]);
    }

    private static MarketDataException field(String origin, int index, int field, String value, String expected) {
        return new MarketDataException(origin + ": kline #" + index + " " + NAMES[field] + " is '" + value
                + "', expected " + expected);
    }

    private static MarketDataException notKlines(byte[] body, String origin, String why) {
        String text = new String(body, 0, Math.min(body.length, 8_192), StandardCharsets.UTF_8);
        return new MarketDataException(origin + ": HTTP 200 but the body is not klines: " + why + "; got "
                + BinanceErrors.describe(text) + "; is " + BinanceHttp.BASE_URL_KEY
                + " the Binance REST API (or is a proxy answering)?");
    }
}
