package alpha12.bench;

import alpha12.core.features.FeatureNames;
import alpha12.core.features.FeatureSet;
import alpha12.core.label.LabelSettings;
import alpha12.core.label.LabelledRows;
import alpha12.core.label.TripleBarrierLabel;
import alpha12.core.market.CsvKlineSource;
import alpha12.core.market.Interval;
import alpha12.core.market.Kline;
import alpha12.core.market.KlineSeries;
import alpha12.core.market.KlineSource;
import alpha12.core.market.SampleKlineSource;
import alpha12.core.market.SourceSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the labelled training rows of one symbol and interval (the same features and triple-barrier
 * label the daemons train on) as {@code open_time,<44 features>,label}, epoch ms and full-precision
 * decimals, keeping the last {@code days} days of rows: the dataset of {@code bench/train-vs-sklearn.sh}.
 * <p>
 * Usage: {@code ExportDataset <sample|csv:DIR> <SYMBOL> <interval> <days> <horizon> <atrMult> <out.csv>}
 */
public final class ExportDataset {

    private ExportDataset() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 7) {
            System.err.println("usage: ExportDataset <sample|csv:DIR> <SYMBOL> <interval> <days> <horizon> <atrMult> "
                    + "<out.csv>");
            System.exit(2);
        }
        SourceSpec spec = SourceSpec.parse(args[0])
                .orElseThrow(() -> new IllegalArgumentException("source: " + SourceSpec.ACCEPTED));
        String symbol = args[1];
        Interval interval = Interval.fromCode(args[2])
                .orElseThrow(() -> new IllegalArgumentException("unknown interval " + args[2]));
        int days = Integer.parseInt(args[3]);
        LabelSettings label = new LabelSettings(Integer.parseInt(args[4]), Double.parseDouble(args[5]));
        Path out = Path.of(args[6]);

        KlineSource source = spec.kind() == SourceSpec.Kind.CSV ? new CsvKlineSource(spec.dir().orElseThrow())
                : new SampleKlineSource();
        Instant farFuture = Instant.parse("2999-01-01T00:00:00Z");
        List<Kline> klines = source.closedKlines(symbol, interval, Instant.EPOCH, farFuture);
        KlineSeries series = KlineSeries.of(symbol, interval, klines);
        LabelledRows rows = LabelledRows.of(FeatureSet.compute(series), TripleBarrierLabel.compute(series, label));
        int keep = (int) Math.min(rows.size(), Math.round(days * interval.barsPerDay()));
        int from = rows.size() - keep;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("open_time," + String.join(",", FeatureNames.ALL) + ",label\n");
            StringBuilder line = new StringBuilder(1024);
            for (int i = from; i < rows.size(); i++) {
                line.setLength(0);
                line.append(rows.openTimes()[i]);
                for (double v : rows.x()[i]) {
                    line.append(',').append(v);
                }
                line.append(',').append(rows.y()[i]).append('\n');
                w.write(line.toString());
            }
        }
        System.out.printf("exported %d rows (%s to %s) of %s %s from %s (%d klines) to %s%n", keep,
                Instant.ofEpochMilli(rows.openTimes()[from]), Instant.ofEpochMilli(rows.openTimes()[rows.size() - 1]),
                symbol, interval.code(), source.name(), klines.size(), out);
    }
}
