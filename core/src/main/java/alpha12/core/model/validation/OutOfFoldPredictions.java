package alpha12.core.model.validation;

/**
 * The raw forest probabilities of every validation row of the folds that were used, in row order:
 * {@code rows[i]} is the row index in the training set and {@code y[i]} its label.
 */
public record OutOfFoldPredictions(int[] rows, double[] raw, int[] y, int folds, int skippedFolds) {

    public int size() {
        return rows.length;
    }
}
