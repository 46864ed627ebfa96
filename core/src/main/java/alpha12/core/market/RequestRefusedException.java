package alpha12.core.market;

/**
 * Market data the source will never give for this request — an unknown symbol, a region Binance refuses,
 * an interval the sample does not have: asking again gets the same answer, so callers do not retry it.
 */
public final class RequestRefusedException extends MarketDataException {

    public RequestRefusedException(String message) {
        super(message);
    }
}
