package alpha12.core.model.publish;

import alpha12.core.features.FeatureNames;
import alpha12.core.label.LabelSettings;
import alpha12.core.model.Forest;
import alpha12.core.model.TimeframeModel;
import alpha12.core.model.calibration.Calibrator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary {@code model.bin}: magic {@code A12MODEL}, format version, payload length, payload, CRC-32 of
 * the payload. The payload holds the ordered feature names, the label settings, the calibrator and the
 * compiled forest. Decoding refuses anything that is not exactly such a file, with the reason.
 */
public final class ModelFile {

    /** Smile models are not readable across Smile versions; it is recorded in every model's meta.json. */
    public static final String SMILE_VERSION = "3.1.1";
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "A12MODEL".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 4 + 4;
    private static final int TRAILER = 4;

    private ModelFile() {
    }

    static byte[] encode(TimeframeModel model) {
        try {
            ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream(1 << 16);
            DataOutputStream out = new DataOutputStream(payloadBytes);
            out.writeInt(model.featureNames().size());
            for (String name : model.featureNames()) {
                out.writeUTF(name);
            }
            out.writeInt(model.label().horizonBars());
            out.writeDouble(model.label().atrMult());
            Calibrator.write(model.calibrator(), out);
            model.forest().write(out);
            out.flush();
            byte[] payload = payloadBytes.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(payload);
            ByteBuffer file = ByteBuffer.allocate(HEADER + payload.length + TRAILER);
            file.put(MAGIC).putInt(FORMAT_VERSION).putInt(payload.length).put(payload).putInt((int) crc.getValue());
            return file.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a whole file; the exception's message is one line saying what is wrong. */
    static TimeframeModel decode(byte[] file) throws ModelUnavailableException {
        if (file.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw corrupt(file.length == 0 ? "model.bin is empty" : "model.bin is not an Alpha12 model file");
        }
        if (file.length < HEADER + TRAILER) {
            throw corrupt("model.bin is truncated (" + file.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(file);
        buffer.position(MAGIC.length);
        int version = buffer.getInt();
        if (version != FORMAT_VERSION) {
            throw new ModelUnavailableException(ModelUnavailableException.Kind.INCOMPATIBLE,
                    "model.bin has format version " + version + "; this build reads version " + FORMAT_VERSION);
        }
        long payloadLength = buffer.getInt() & 0xFFFFFFFFL;
        long expected = HEADER + payloadLength + TRAILER;
        if (file.length < expected) {
            throw corrupt("model.bin is truncated (" + file.length + " of " + expected + " bytes)");
        }
        if (file.length > expected) {
            throw corrupt("model.bin has " + (file.length - expected) + " unexpected trailing bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(file, HEADER, (int) payloadLength);
        int stored = buffer.getInt(HEADER + (int) payloadLength);
        if ((int) crc.getValue() != stored) {
            throw corrupt("model.bin is damaged (checksum mismatch)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file, HEADER, (int) payloadLength));
        try {
            TimeframeModel model = readPayload(in, (int) payloadLength);
            if (in.available() > 0) {
                throw corrupt("model.bin has " + in.available() + " unread payload bytes");
            }
            return model;
        } catch (EOFException e) {
            throw corrupt("model.bin payload ends early");
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt("model.bin is malformed: " + e.getMessage());
        }
    }

    private static TimeframeModel readPayload(DataInputStream in, int maxBytes)
            throws IOException, ModelUnavailableException {
        int count = in.readInt();
        if (count < 1 || count > maxBytes / 2) {
            throw new IOException("implausible feature count " + count);
        }
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
        }
        if (!names.equals(FeatureNames.ALL)) {
            throw new ModelUnavailableException(ModelUnavailableException.Kind.INCOMPATIBLE,
                    "model.bin was trained on other features than this build computes ("
                            + firstDifference(names) + ")");
        }
        LabelSettings label = new LabelSettings(in.readInt(), in.readDouble());
        Calibrator calibrator = Calibrator.read(in, maxBytes);
        Forest forest = Forest.read(in, maxBytes);
        if (forest.features() != names.size()) {
            throw new IOException("forest uses " + forest.features() + " features, file names " + names.size());
        }
        return new TimeframeModel(forest, calibrator, names, label);
    }

    /** The first position where names differ from {@link FeatureNames#ALL}, for the error message. */
    static String firstDifference(List<String> names) {
        for (int i = 0; i < Math.min(names.size(), FeatureNames.COUNT); i++) {
            if (!names.get(i).equals(FeatureNames.ALL.get(i))) {
                return "difference at #" + (i + 1) + ": '" + names.get(i) + "' instead of '"
                        + FeatureNames.ALL.get(i) + "'";
            }
        }
        return "difference in count: " + names.size() + " instead of " + FeatureNames.COUNT;
    }

    private static ModelUnavailableException corrupt(String reason) {
        return new ModelUnavailableException(ModelUnavailableException.Kind.CORRUPT, reason);
    }
}
