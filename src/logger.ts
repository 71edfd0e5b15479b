import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The one structured logger (pino, JSON lines on stderr) that start-up creates and passes down:
 * to Apollo Server (its `logger`), the error masking, the change follower and the HTTP layer.
 * The start-up status lines and the CLI's output are user-facing text, not log records.
 */
export function createLogger(options: { level?: string; fd?: number } = {}): Logger {
  return pino({ name: 'newsgraph', level: options.level ?? 'info' }, pino.destination({ fd: options.fd ?? 2, sync: true }));
}

/** The (message, error) callback the API's parts take, writing to a logger at level error. */
export function errorLog(logger: Logger): (msg: string, err?: unknown) => void {
  return (msg, err) => (err === undefined || err === '' ? logger.error(msg) : logger.error({ err }, msg));
}
