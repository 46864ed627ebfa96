package alpha12.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import alpha12.core.runs.SetupsFile;
import alpha12.core.runs.SignalsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict reader the stress checks rely on refuses what a damaged setups.csv looks like. */
class StrictCsvTest {

    /** A row the tracker wrote in a stress run. */
    static final String ROW = "AUTO-BTCUSDT-1h-20240301_010000,AUTO-BTCUSDT-1h-LONG-20240301-0100,BTCUSDT,1h,long,"
            + "61262.56893500245,60308.40467501224,62980.06460298482,1.8,0.0041921503117723705,256.82189746084686,"
            + "0.6420547436521171,2024-03-01T01:00:00+00:00,2024-03-01T02:00:00+00:00,timeout,0.5898627525733893,"
            + "touch,5.0,auto,2024-03-04T20:15:00+00:00,61262.56893500245,2024-03-01T01:00:00+00:00,1";

    @TempDir
    Path dir;

    private Path setups(String text) throws IOException {
        return Files.writeString(dir.resolve("setups.csv"), text);
    }

    @Test
    void aWholeFileReadsRowByRow() throws IOException {
        String header = SetupsFile.SCHEMA.header();
        assertThat(StrictCsv.read(setups(header + "\n" + ROW + "\n" + ROW + "\n"), SetupsFile.SCHEMA)).hasSize(2)
                .allSatisfy(cells -> assertThat(cells).hasSize(SetupsFile.SCHEMA.columns().size()));
    }

    @Test
    void aRowShiftedByOneColumnIsRefusedThoughItHasTheRightFieldCount() throws IOException {
        // The original's misaligned row: values one column to the right, the last one dropped.
        String shifted = ROW.replaceFirst("BTCUSDT,1h,long,", "BTCUSDT,BTCUSDT,1h,long,")
                .substring(0, ROW.lastIndexOf(',') + "BTCUSDT,".length());
        assertThat(shifted.split(",", -1)).hasSize(SetupsFile.SCHEMA.columns().size());
        assertThatThrownBy(() -> StrictCsv.read(setups(SetupsFile.SCHEMA.header() + "\n" + shifted + "\n"),
                SetupsFile.SCHEMA)).hasMessageContaining("line 2: column interval holds 'BTCUSDT'");
        String status20 = ROW.replace(",timeout,", ",20,");
        assertThatThrownBy(() -> StrictCsv.read(setups(SetupsFile.SCHEMA.header() + "\n" + status20 + "\n"),
                SetupsFile.SCHEMA)).hasMessageContaining("column status holds '20', not a setup status");
    }

    @Test
    void aCutLastLineAnExtraFieldAForeignHeaderAndAnEmptyFileAreRefused() throws IOException {
        String header = SetupsFile.SCHEMA.header();
        assertThatThrownBy(() -> StrictCsv.read(setups(header + "\n" + ROW.substring(0, 80)), SetupsFile.SCHEMA))
                .hasMessageContaining("does not end with a line break");
        assertThatThrownBy(() -> StrictCsv.read(setups(header + "\n" + ROW + ",x\n"), SetupsFile.SCHEMA))
                .hasMessageContaining("line 2: 24 fields, the header has 23");
        assertThatThrownBy(() -> StrictCsv.read(setups(SignalsFile.SCHEMA.header() + "\n"), SetupsFile.SCHEMA))
                .hasMessageContaining("line 1: header is not setups.csv's");
        assertThatThrownBy(() -> StrictCsv.read(setups(""), SetupsFile.SCHEMA)).hasMessageContaining("is empty");
    }
}
