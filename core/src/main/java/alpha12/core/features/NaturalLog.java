package alpha12.core.features;

/**
 * ln(x) for positive normal doubles, faster than {@link Math#log}: the Hurst exponent takes 19 logarithms
 * per bar, the largest single cost of the feature set. x = 2^e·m with m in [1, 2) is split at the nearest
 * c = 1 + k/1024 (1/c and ln c from tables), and ln(m/c) = ln(1+r) with |r| <= 2^-11 is a degree-5 series
 * (truncation below 3e-21; m - c is exact). The error is within a few ulps of the result, or below 1e-15
 * absolute for x just under 1, where the result itself is tiny.
 */
final class NaturalLog {

    private static final int TABLE_BITS = 10;
    private static final double STEP = 1.0 / (1 << TABLE_BITS);
    private static final double[] INVERSE = new double[(1 << TABLE_BITS) + 1];
    private static final double[] LN_CENTER = new double[INVERSE.length];
    private static final long FRACTION = 0x000F_FFFF_FFFF_FFFFL;
    private static final long ONE = 0x3FF0_0000_0000_0000L;
    /** ln 2 split so that e·LN2_HI is exact for |e| < 2^11. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    static {
        for (int k = 0; k < INVERSE.length; k++) {
            double center = 1.0 + k * STEP;
            INVERSE[k] = 1.0 / center;
            LN_CENTER[k] = Math.log(center);
        }
    }

    private NaturalLog() {
    }

    /** ln(x) for a positive normal x (the caller guarantees it). */
    static double ln(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) - 1023;
        long fraction = bits & FRACTION;
        int k = (int) ((fraction + (1L << (51 - TABLE_BITS))) >>> (52 - TABLE_BITS));
        double m = Double.longBitsToDouble(fraction | ONE);
        double r = (m - (1.0 + k * STEP)) * INVERSE[k];
        double series = r - r * r * (0.5 - r * (1.0 / 3 - r * (0.25 - r * 0.2)));
        return exponent * LN2_HI + (LN_CENTER[k] + (series + exponent * LN2_LO));
    }
}
