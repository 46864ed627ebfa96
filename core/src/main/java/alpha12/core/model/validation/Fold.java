package alpha12.core.model.validation;

/**
 * One walk-forward fold over rows oldest first: the forest trains on rows {@code [0, trainEnd)} and is
 * validated on rows {@code [validationStart, validationEnd)}; the rows in between are the purge gap.
 */
public record Fold(int number, int trainEnd, int validationStart, int validationEnd) {

    public int trainRows() {
        return trainEnd;
    }

    public int validationRows() {
        return validationEnd - validationStart;
    }

    public int gap() {
        return validationStart - trainEnd;
    }
}
