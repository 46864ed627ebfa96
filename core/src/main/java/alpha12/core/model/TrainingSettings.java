package alpha12.core.model;

import alpha12.core.model.calibration.CalibrationMethod;

/** How a timeframe model is trained and validated. */
public record TrainingSettings(ForestSettings forest, CalibrationMethod calibration, int folds) {

    public static final int DEFAULT_FOLDS = 5;

    public static final TrainingSettings DEFAULT =
            new TrainingSettings(ForestSettings.DEFAULT, CalibrationMethod.PLATT, DEFAULT_FOLDS);
}
