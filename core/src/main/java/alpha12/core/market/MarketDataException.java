package alpha12.core.market;

/** Market data could not be fetched or failed validation; the message says which and what to do. */
public class MarketDataException extends RuntimeException {

    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
