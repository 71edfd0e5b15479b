import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../config';

/**
 * Runs Neo4j Community embedded (the Maven module in neo4j-local/) as a child process with its
 * Bolt connector on 127.0.0.1: a real server to every client, without Docker.
 */

export const MODULE_DIR = path.join(PROJECT_ROOT, 'neo4j-local');
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
  /** Where progress messages go (building, starting, ready). */
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
}

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
      `"${cmd}" was not found or did not run (${r.error?.message ?? `exit ${r.status}`}). ${hint}\n` +
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

export function ensureBuilt(log: (line: string) => void = console.error): void {
  requireTool('java', ['-version'], JAVA_HINT);
  if (isBuilt()) return;
  requireTool('mvn', ['-v'], 'Building the embedded Neo4j needs Apache Maven: install it, e.g. `apt-get install maven`.');
  log('Building the embedded Neo4j launcher with Maven (first run downloads Neo4j from Maven Central, ~120 MB; this takes a minute or two)...');
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
  const log = options.log ?? ((line: string) => console.error(line));
  ensureBuilt(log);
  const port = options.port || (await freePort());
  fs.mkdirSync(options.dataDir, { recursive: true });
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
  const remember = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stderr!.on('data', remember);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(`Embedded Neo4j was not ready after ${(options.startTimeoutMs ?? 180000) / 1000} s.\n${output}`));
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
      const locked = /lock|Lock/.test(output) ? ` Is another Neo4j using ${options.dataDir}?` : '';
      reject(new LocalNeo4jError(`Embedded Neo4j exited before it was ready (code ${code}, signal ${signal}).${locked}\n${output.slice(-3000)}`));
    });
  });
  child.removeAllListeners('exit');
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();

  let stopping: Promise<void> | undefined;
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
  return { uri, port, dataDir: options.dataDir, pid: child.pid!, stop };
}
