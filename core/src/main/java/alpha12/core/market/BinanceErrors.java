package alpha12.core.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Binance answer other than klines means, in one line that says what to do. */
final class BinanceErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("<title>\\s*(.*?)\\s*</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private BinanceErrors() {
    }

    /**
     * A 4xx other than 429/418: not retried, since asking again gets the same answer.
     *
     * @param what the request in words, e.g. {@code binance BTCUSDT 5m klines from ...}
     */
    static RequestRefusedException refused(int code, String body, String what, String symbol, String baseUrl) {
        if (code == 451 || code == 403) {
            return new RequestRefusedException(what + ": HTTP " + code + " (" + describe(body)
                    + "): Binance refuses this network's region; set " + BinanceHttp.BASE_URL_KEY + " (now " + baseUrl
                    + ") to a Binance endpoint you may use, or run on --source sample / csv:<dir>");
        }
        JsonNode error = errorBody(body);
        if (error != null && error.path("code").asInt() == -1121) {
            return new RequestRefusedException(what + ": Binance does not know the symbol '" + symbol + "' (code -1121 "
                    + error.path("msg").asText() + "); check ALPHA12_SYMBOL / --symbols");
        }
        String hint = body.stripLeading().startsWith("<") || code == 404
                ? "; is " + BinanceHttp.BASE_URL_KEY + " (now " + baseUrl + ") the Binance REST API?" : "";
        return new RequestRefusedException(what + ": Binance rejected the request with HTTP " + code + " ("
                + describe(body) + ")" + hint);
    }

    /** A body in a few words: a Binance error's code and message, an HTML page's title, or its start. */
    static String describe(String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            return "empty body";
        }
        JsonNode error = errorBody(text);
        if (error != null) {
            return "code " + error.path("code").asText() + " " + error.path("msg").asText();
        }
        if (text.startsWith("<")) {
            Matcher title = TITLE.matcher(text);
            return title.find() ? "an HTML page titled '" + oneLine(title.group(1), 80) + "'" : "an HTML page";
        }
        return "'" + oneLine(text, 120) + "'";
    }

    /** A Binance error body {@code {"code":-1121,"msg":"Invalid symbol."}}, or null. */
    private static JsonNode errorBody(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() && node.has("code") ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String oneLine(String s, int max) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }
}
