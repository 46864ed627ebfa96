package alpha12.core.model.calibration;

import java.io.DataOutput;

/** The forest's raw probability, unchanged ({@code ALPHA12_CALIBRATION=none}). */
enum NoCalibration implements Calibrator {
    INSTANCE;

    @Override
    public CalibrationMethod method() {
        return CalibrationMethod.NONE;
    }

    @Override
    public double apply(double raw) {
        return Calibrator.clamp(raw);
    }

    @Override
    public void writeParameters(DataOutput out) {
        // nothing to store
    }
}
