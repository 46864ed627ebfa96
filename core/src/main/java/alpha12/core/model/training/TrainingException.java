package alpha12.core.model.training;

/** The data cannot give an honest model (too few rows, one class only, no usable fold); says which. */
public class TrainingException extends Exception {

    public TrainingException(String message) {
        super(message);
    }
}
