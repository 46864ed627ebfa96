package alpha12.core.features;

/**
 * ln(x) for positive normal doubles, several times faster than {@link Math#log}: the Hurst exponent takes
 * 19 logarithms per bar, which with Math.log would cost more than all the other features together.
 * x = 2^e·m, m in [1, 2) is split at the nearest c = 1 + k/256 (ln c from a table), and ln(m/c) = ln(1+r)
 * with |r| <= 1/512 is a degree-7 series (truncation below 1e-20; m - c is exact). The error is within a
 * few ulps of the result, or below 1e-15 absolute for x just under 1 where the result itself is tiny.
 */
final class NaturalLog {

    private static final int TABLE_BITS = 8;
    private static final double[] CENTER = new double[(1 << TABLE_BITS) + 1];
    private static final double[] INVERSE = new double[CENTER.length];
    private static final double[] LN_CENTER = new double[CENTER.length];
    /** ln 2 split so that e·LN2_HI is exact for |e| < 2^11. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    static {
        for (int k = 0; k < CENTER.length; k++) {
            CENTER[k] = 1.0 + k / (double) (1 << TABLE_BITS);
            INVERSE[k] = 1.0 / CENTER[k];
            LN_CENTER[k] = Math.log(CENTER[k]);
        }
    }

    private NaturalLog() {
    }

    /** ln(x) for a positive normal x (the caller guarantees it). */
    static double ln(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) - 1023;
        long mantissaBits = (bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L;
        double m = Double.longBitsToDouble(mantissaBits);
        int k = (int) (((bits & 0x000F_FFFF_FFFF_FFFFL) + (1L << (51 - TABLE_BITS))) >>> (52 - TABLE_BITS));
        double r = (m - CENTER[k]) * INVERSE[k];
        double series = r * (1.0 - r * (0.5 - r * (1.0 / 3 - r * (0.25 - r * (0.2 - r * (1.0 / 6 - r / 7))))));
        return exponent * LN2_HI + (LN_CENTER[k] + (series + exponent * LN2_LO));
    }
}
