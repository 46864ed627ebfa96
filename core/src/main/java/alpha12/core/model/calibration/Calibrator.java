package alpha12.core.model.calibration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Maps the forest's raw probability to a calibrated one in [0, 1]. Fitted only on out-of-fold
 * predictions, so it learns how the forest errs on rows it has not seen.
 */
public sealed interface Calibrator permits PlattCalibration, IsotonicCalibration, NoCalibration {

    CalibrationMethod method();

    /** The calibrated probability of a raw forest probability. */
    double apply(double raw);

    /** Fits the given method on raw probabilities and their 0/1 labels. */
    public static Calibrator fit(CalibrationMethod method, double[] raw, int[] y) {
        return switch (method) {
            case PLATT -> PlattCalibration.fit(raw, y);
            case ISOTONIC -> IsotonicCalibration.fit(raw, y);
            case NONE -> NoCalibration.INSTANCE;
        };
    }

    void writeParameters(DataOutput out) throws IOException;

    public static void write(Calibrator calibrator, DataOutput out) throws IOException {
        out.writeUTF(calibrator.method().code());
        calibrator.writeParameters(out);
    }

    public static Calibrator read(DataInput in, int maxBytes) throws IOException {
        String code = in.readUTF();
        CalibrationMethod method = CalibrationMethod.fromCode(code)
                .orElseThrow(() -> new IOException("unknown calibration method '" + code + "'"));
        return switch (method) {
            case PLATT -> PlattCalibration.read(in);
            case ISOTONIC -> IsotonicCalibration.read(in, maxBytes);
            case NONE -> NoCalibration.INSTANCE;
        };
    }

    /** Clamps to [0, 1]; NaN (never expected) becomes the uninformative 0.5 rather than spreading. */
    static double clamp(double p) {
        if (Double.isNaN(p)) {
            return 0.5;
        }
        return Math.min(1.0, Math.max(0.0, p));
    }
}
