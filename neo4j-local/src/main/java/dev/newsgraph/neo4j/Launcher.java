package dev.newsgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
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
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("NEO4J STOPPING");
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

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) fail(flag + " needs a value");
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("neo4j-local: " + message);
    System.exit(2);
  }
}
