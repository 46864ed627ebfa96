package alpha12.stress;

import alpha12.core.store.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Watches the heartbeat files in a runs/ folder as the daemons write them (inotify, through a
 * {@link WatchService}: each atomic replace is an event) and records every new value with the moment it
 * was seen.
 */
final class FaultSoakHeartbeats {

    /** A heartbeat value (the daemon's simulated time) and when it was seen ({@link System#nanoTime()}). */
    record Beat(long seenNanos, Instant simulated) {
    }

    private final Path runs;
    private final Map<String, List<Beat>> beats = new HashMap<>();
    private WatchService watch;
    private Thread thread;

    FaultSoakHeartbeats(Path runs) {
        this.runs = runs;
    }

    void start() throws IOException {
        watch = FileSystems.getDefault().newWatchService();
        runs.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        thread = new Thread(this::follow, "heartbeats " + runs);
        thread.setDaemon(true);
        thread.start();
    }

    synchronized List<Beat> beats(String file) {
        return List.copyOf(beats.getOrDefault(file, List.of()));
    }

    /** Stops watching, after a last look at each heartbeat (events still queued would be lost). */
    void stop() {
        if (watch == null) {
            return;
        }
        try {
            watch.close();
            thread.join();
            watch = null;
            try (Stream<Path> files = Files.list(runs)) {
                for (Path p : files.filter(f -> f.getFileName().toString().endsWith("_heartbeat.txt")).toList()) {
                    String name = p.getFileName().toString();
                    read(name).ifPresent(t -> record(name, t));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow() {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && name.toString().endsWith("_heartbeat.txt")) {
                        read(name.toString()).ifPresent(t -> record(name.toString(), t));
                    }
                }
                key.reset();
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            // stop() closed the watch
        }
    }

    private Optional<Instant> read(String file) {
        try {
            return Timestamps.tryParse(Files.readString(runs.resolve(file)).strip());
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void record(String file, Instant simulated) {
        List<Beat> list = beats.computeIfAbsent(file, f -> new ArrayList<>());
        if (list.isEmpty() || !list.get(list.size() - 1).simulated().equals(simulated)) {
            list.add(new Beat(System.nanoTime(), simulated));
        }
    }
}
