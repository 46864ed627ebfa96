package alpha12.core.features;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.util.Arrays;

/** TA-Lib Java 0.4.0 called over a whole series, outputs re-aligned to bar index (NaN before the lookback). */
final class TaLibReference {

    private static final Core CORE = new Core();

    private TaLibReference() {
    }

    interface Call {
        RetCode run(int end, MInteger begin, MInteger count, double[][] outs);
    }

    /** Runs {@code call} with {@code outputs} output arrays and returns them aligned to bar index. */
    static double[][] run(int n, int outputs, Call call) {
        double[][] raw = new double[outputs][n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        RetCode code = call.run(n - 1, begin, count, raw);
        if (code != RetCode.Success) {
            throw new IllegalStateException("TA-Lib returned " + code);
        }
        double[][] aligned = new double[outputs][n];
        for (int k = 0; k < outputs; k++) {
            Arrays.fill(aligned[k], Double.NaN);
            System.arraycopy(raw[k], 0, aligned[k], begin.value, count.value);
        }
        return aligned;
    }

    static double[] one(int n, Call call) {
        return run(n, 1, call)[0];
    }

    static double[] roc(double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.roc(0, e, c, p, b, k, o[0]));
    }

    static double[] rsi(double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.rsi(0, e, c, p, b, k, o[0]));
    }

    static double[] ema(double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.ema(0, e, c, p, b, k, o[0]));
    }

    static double[] sma(double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.sma(0, e, c, p, b, k, o[0]));
    }

    static double[] atr(double[] h, double[] l, double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.atr(0, e, h, l, c, p, b, k, o[0]));
    }

    static double[] adx(double[] h, double[] l, double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.adx(0, e, h, l, c, p, b, k, o[0]));
    }

    static double[] plusDi(double[] h, double[] l, double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.plusDI(0, e, h, l, c, p, b, k, o[0]));
    }

    static double[] minusDi(double[] h, double[] l, double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.minusDI(0, e, h, l, c, p, b, k, o[0]));
    }

    static double[] cci(double[] h, double[] l, double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.cci(0, e, h, l, c, p, b, k, o[0]));
    }

    static double[] willR(double[] h, double[] l, double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.willR(0, e, h, l, c, p, b, k, o[0]));
    }

    static double[] mfi(double[] h, double[] l, double[] c, double[] v, int p) {
        return one(c.length, (e, b, k, o) -> CORE.mfi(0, e, h, l, c, v, p, b, k, o[0]));
    }

    static double[] obv(double[] c, double[] v) {
        return one(c.length, (e, b, k, o) -> CORE.obv(0, e, c, v, b, k, o[0]));
    }

    static double[] linearRegSlope(double[] c, int p) {
        return one(c.length, (e, b, k, o) -> CORE.linearRegSlope(0, e, c, p, b, k, o[0]));
    }

    /** Upper, middle, lower. */
    static double[][] bbands(double[] c, int p, double dev) {
        return run(c.length, 3, (e, b, k, o) -> CORE.bbands(0, e, c, p, dev, dev, MAType.Sma, b, k, o[0], o[1], o[2]));
    }

    /** MACD line, signal, histogram. */
    static double[][] macd(double[] c, int fast, int slow, int signal) {
        return run(c.length, 3, (e, b, k, o) -> CORE.macd(0, e, c, fast, slow, signal, b, k, o[0], o[1], o[2]));
    }

    /** Slow K, slow D. */
    static double[][] stoch(double[] h, double[] l, double[] c, int fastK, int slowK, int slowD) {
        return run(c.length, 2, (e, b, k, o) -> CORE.stoch(0, e, h, l, c, fastK, slowK, MAType.Sma, slowD,
                MAType.Sma, b, k, o[0], o[1]));
    }
}
