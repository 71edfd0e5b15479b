import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/**
 * Runs Neo4j Community embedded (the Maven module in neo4j-local/) as a child process with its
 * Bolt connector on 127.0.0.1: a real server to every client, without Docker.
 */

/** The Maven module of this package (from src/local-neo4j and dist/local-neo4j alike). */
export const MODULE_DIR = path.resolve(__dirname, '..', '..', 'neo4j-local');
const CLASSES_DIR = path.join(MODULE_DIR, 'target', 'classes');
const LIB_DIR = path.join(MODULE_DIR, 'target', 'lib');
const MAIN_CLASS = 'dev.newsgraph.neo4j.Launcher';
const BUILD_STAMP = path.join(MODULE_DIR, 'target', '.built-from');

export interface LocalNeo4jOptions {
  dataDir: string;
  /** Bolt port; 0 picks a free one. */
  port?: number;
  pageCacheMb?: number;
  heapMb?: number;
  /** Where progress messages go (building, starting, ready); default: nowhere. */
  log?: (line: string) => void;
  /** Give up if the server is not ready after this long. */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period) and resolves once it has exited. */
  stop(): Promise<void>;
  /** Resolves when the JVM exits, whether asked to (stop) or not (crash, kill -9). */
  exited: Promise<LocalNeo4jExit>;
}

export interface LocalNeo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() asked for it. */
  requested: boolean;
}

/** What a running launcher writes to DATA_DIR/server.json (see Launcher.java). */
export interface ServerRecord {
  uri: string;
  port: number;
  pid: number;
  startedAt: string;
}

export const RECORD_FILE = 'server.json';
/** Where the launcher's own output goes, so that start-up errors can stay one line long. */
export const LAUNCHER_LOG = 'launcher.log';

export class LocalNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalNeo4jError';
  }
}

function requireTool(cmd: string, args: string[], hint: string): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new LocalNeo4jError(
      `"${cmd}" was not found or did not run (${r.error?.message ?? `exit ${r.status}`}). ${hint} ` +
        'Or point NewsGraph at an existing server with NEO4J_URI=bolt://host:7687 (see README).',
    );
  }
}

function sourceFingerprint(): string {
  const files = [path.join(MODULE_DIR, 'pom.xml')];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(path.join(MODULE_DIR, 'src'));
  return files
    .sort()
    .map((f) => `${path.relative(MODULE_DIR, f)}:${fs.statSync(f).size}:${fs.readFileSync(f, 'utf8').length}`)
    .join('|');
}

export function isBuilt(): boolean {
  return (
    fs.existsSync(path.join(CLASSES_DIR, ...MAIN_CLASS.split('.')) + '.class') &&
    fs.existsSync(LIB_DIR) &&
    fs.existsSync(BUILD_STAMP) &&
    fs.readFileSync(BUILD_STAMP, 'utf8') === sourceFingerprint()
  );
}

/** Builds the launcher with Maven unless an up-to-date build is there. */
const JAVA_HINT = 'The embedded Neo4j needs Java 17 or 21: install a JDK, e.g. `apt-get install openjdk-17-jdk-headless`.';

export function ensureBuilt(log: (line: string) => void): void {
  requireTool('java', ['-version'], JAVA_HINT);
  if (isBuilt()) return;
  requireTool('mvn', ['-v'], 'Building the embedded Neo4j needs Apache Maven: install it, e.g. `apt-get install maven`.');
  log(
    'Building the embedded Neo4j launcher with Maven (first run downloads Neo4j from Maven Central, ~120 MB; this takes a minute or two)...',
  );
  const r = spawnSync('mvn', ['-B', '-q', '-ntp', '-Dstyle.color=never', '-f', path.join(MODULE_DIR, 'pom.xml'), 'package'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    throw new LocalNeo4jError(`Maven build of ${MODULE_DIR} failed (exit ${r.status}); see the Maven output above.`);
  }
  fs.writeFileSync(BUILD_STAMP, sourceFingerprint());
  log('Embedded Neo4j launcher built.');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, but someone else's
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function readServerRecord(dataDir: string): ServerRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(dataDir, RECORD_FILE), 'utf8')) as ServerRecord;
    return typeof record.uri === 'string' && Number.isInteger(record.port) && Number.isInteger(record.pid) ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The embedded Neo4j another process already runs on this data directory, if any: its record
 * names a live process that accepts connections. A record left by a killed server is removed.
 */
export async function findRunningLocalNeo4j(dataDir: string): Promise<ServerRecord | undefined> {
  const record = readServerRecord(dataDir);
  if (!record) return undefined;
  if (!pidAlive(record.pid)) {
    fs.rmSync(path.join(dataDir, RECORD_FILE), { force: true });
    return undefined;
  }
  return (await portOpen(record.port)) ? record : undefined;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => undefined);
  ensureBuilt(log);
  const port = options.port || (await freePort());
  fs.mkdirSync(options.dataDir, { recursive: true });
  const running = readServerRecord(options.dataDir);
  if (running && pidAlive(running.pid)) {
    throw new LocalNeo4jError(
      `Another embedded Neo4j (pid ${running.pid}) already uses ${options.dataDir}` +
        ((await portOpen(running.port))
          ? ` and listens on ${running.uri}: use it with NEO4J_URI=${running.uri}.`
          : ' but does not answer; stop it or set NEO4J_DATA_DIR.'),
    );
  }
  if (!(await portFree(port))) {
    throw new LocalNeo4jError(
      `Port ${port} on 127.0.0.1 is already in use: set NEO4J_EMBEDDED_PORT to another port, or NEO4J_URI to the server that listens there.`,
    );
  }
  const logFile = path.join(options.dataDir, LAUNCHER_LOG);
  const javaArgs = [
    `-Xmx${options.heapMb ?? 512}m`,
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-cp',
    `${CLASSES_DIR}${path.delimiter}${path.join(LIB_DIR, '*')}`,
    MAIN_CLASS,
    '--home',
    options.dataDir,
    '--port',
    String(port),
    '--pagecache-mb',
    String(options.pageCacheMb ?? 128),
    // the JVM exits when our end of its stdin closes, so a crashed parent leaves no orphan
    '--exit-on-stdin-close',
  ];
  log(`Starting embedded Neo4j on bolt://127.0.0.1:${port} (data in ${options.dataDir})...`);
  // java is spawned directly (no shell) so that SIGTERM reaches the JVM's shutdown hook
  const child = spawn('java', javaArgs, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  logStream.on('error', () => undefined);
  logStream.write(`--- ${new Date().toISOString()} starting on port ${port}\n`);
  const remember = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stderr!.on('data', remember);
  child.stdout!.pipe(logStream);
  child.stderr!.pipe(logStream);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new LocalNeo4jError(
          `Embedded Neo4j was not ready after ${(options.startTimeoutMs ?? 180000) / 1000} s; its output is in ${logFile}.`,
        ),
      );
    }, options.startTimeoutMs ?? 180000);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      remember(chunk);
      buffered += chunk.toString('utf8');
      if (/^NEO4J READY /m.test(buffered)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`Could not start java: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new LocalNeo4jError(
          `Embedded Neo4j exited before it was ready (${explainFailure(output, options.dataDir, port) ?? `code ${code}, signal ${signal}`}); its output is in ${logFile}.`,
        ),
      );
    });
  });
  child.removeAllListeners('exit');
  child.stdout!.removeAllListeners('data');
  child.stderr!.removeListener('data', remember);

  let stopping: Promise<void> | undefined;
  const exited = new Promise<LocalNeo4jExit>((resolve) => {
    const report = (code: number | null, signal: NodeJS.Signals | null): void => {
      // a killed JVM cannot remove its record; the parent does, so no one tries to share a dead server
      const record = readServerRecord(options.dataDir);
      if (record?.pid === child.pid) fs.rmSync(path.join(options.dataDir, RECORD_FILE), { force: true });
      resolve({ code, signal, requested: stopping !== undefined });
    };
    if (child.exitCode !== null || child.signalCode !== null) report(child.exitCode, child.signalCode);
    else child.once('exit', report);
  });
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 30000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5000);
      }
      child.stdin?.destroy();
    })();
    return stopping;
  };
  const uri = `bolt://127.0.0.1:${port}`;
  log(`Embedded Neo4j ready at ${uri}`);
  return { uri, port, dataDir: options.dataDir, pid: child.pid!, stop, exited };
}

/** A short reason from the launcher's output for the usual start-up failures. */
function explainFailure(output: string, dataDir: string, port: number): string | undefined {
  if (/FileLockException|lock file|StoreLockException|already locked/i.test(output)) return `another process holds the lock on ${dataDir}`;
  if (/Address already in use|BindException/i.test(output)) return `port ${port} is already in use`;
  if (/OutOfMemoryError/.test(output)) return 'out of memory';
  if (/UnsupportedClassVersionError/.test(output)) return 'the Java version is too old; Java 17 or 21 is needed';
  if (/No space left on device/i.test(output)) return 'no space left on the device';
  const own = /neo4j-local: (.*)/.exec(output);
  return own?.[1];
}
