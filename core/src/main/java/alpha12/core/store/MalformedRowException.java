package alpha12.core.store;

/** A CSV row that cannot be trusted: wrong field count, an unparsable number or time, an unknown status. */
public class MalformedRowException extends Exception {

    public MalformedRowException(String reason) {
        super(reason);
    }
}
