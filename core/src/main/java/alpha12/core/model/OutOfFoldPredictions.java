package alpha12.core.model;

/**
 * The raw forest probabilities of every validation row of the folds that were used, in row order:
 * {@code rows[i]} is the row index in the training set, {@code y[i]} its label and
 * {@code trainingRate[i]} the positive rate of the training window that predicted it.
 */
public record OutOfFoldPredictions(int[] rows, double[] raw, int[] y, double[] trainingRate, int folds,
        int skippedFolds) {

    public int size() {
        return rows.length;
    }
}
