package dev.newsgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community embedded, with Bolt on 127.0.0.1, and keeps it up until SIGTERM/SIGINT
 * or until standard input closes (with --exit-on-stdin-close), so that a crashed parent process
 * never leaves an orphan JVM behind.
 *
 * <p>Once the database is available it records where it listens in {@code HOME/server.json}
 * (removed again on a clean shutdown), so that other NewsGraph processes find and share the running
 * server instead of starting a second one on the same store.
 *
 * <p>Usage: java -cp ... dev.newsgraph.neo4j.Launcher --home DIR --port N [--pagecache-mb N]
 * [--exit-on-stdin-close]
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(".data/neo4j");
    int port = 7687;
    long pageCacheMb = 128;
    boolean exitOnStdinClose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--home" -> home = Path.of(value(args, ++i, "--home"));
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--pagecache-mb" -> pageCacheMb = Long.parseLong(value(args, ++i, "--pagecache-mb"));
        case "--exit-on-stdin-close" -> exitOnStdinClose = true;
        default -> fail("unknown argument: " + args[i]);
      }
    }
    if (port < 1 || port > 65535) fail("--port must be between 1 and 65535, got " + port);

    SocketAddress address = new SocketAddress("127.0.0.1", port);
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home.toAbsolutePath())
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, address)
            .setConfig(BoltConnector.advertised_address, address)
            // Bolt's defaults wait ~10 s for idle connections and threads on shutdown; Ctrl-C must
            // stop everything within 5 s, and clients retry anyway
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .build();

    Path record = home.toAbsolutePath().resolve(RECORD_FILE);
    long pid = ProcessHandle.current().pid();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("NEO4J STOPPING");
                  removeRecord(record, pid);
                  dbms.shutdown();
                  System.out.println("NEO4J STOPPED");
                  System.out.flush();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(120_000)) {
      System.err.println("NEO4J FAILED: database did not become available within 120 s");
      System.exit(1);
    }
    writeRecord(record, port, pid);
    System.out.println("NEO4J READY bolt://127.0.0.1:" + port + " home=" + home.toAbsolutePath());
    System.out.flush();

    if (exitOnStdinClose) {
      Thread watcher =
          new Thread(
              () -> {
                try (InputStream in = System.in) {
                  byte[] buf = new byte[256];
                  while (in.read(buf) >= 0) {
                    // keep reading until the parent closes the pipe
                  }
                } catch (IOException ignored) {
                  // a broken pipe means the parent is gone as well
                }
                System.exit(0);
              },
              "stdin-watcher");
      watcher.setDaemon(true);
      watcher.start();
    }
    stopped.await();
  }

  static final String RECORD_FILE = "server.json";

  /** Written to a temporary file and moved into place, so a reader never sees half of it. */
  private static void writeRecord(Path record, int port, long pid) throws IOException {
    String json =
        "{\"uri\":\"bolt://127.0.0.1:"
            + port
            + "\",\"port\":"
            + port
            + ",\"pid\":"
            + pid
            + ",\"startedAt\":\""
            + Instant.now()
            + "\"}\n";
    Path tmp = record.resolveSibling(RECORD_FILE + "." + pid + ".tmp");
    Files.writeString(tmp, json, StandardCharsets.UTF_8);
    Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Only our own record: a newer server on the same store may have replaced it. */
  private static void removeRecord(Path record, long pid) {
    try {
      if (Files.exists(record) && Files.readString(record).contains("\"pid\":" + pid + ",")) {
        Files.delete(record);
      }
    } catch (IOException ignored) {
      // a stale record is detected by its readers (dead pid, closed port)
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) fail(flag + " needs a value");
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("neo4j-local: " + message);
    System.exit(2);
  }
}
