/** The hub's structured logger: JSON lines; a device's lines carry its deviceId and laneId (child loggers). */
import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Secrets a log line must never carry, wherever a payload put them: PINs, card numbers, tokens. The
 * hub does not log payloads, so this is the second line: a careless `log.info({ payload })` is censored.
 */
const SECRETS = ['pin', 'newPin', 'pan', 'cardNumber', 'token', 'authorization'];
export const redact: LoggerOptions['redact'] = {
  paths: SECRETS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  censor: '[redacted]',
};

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'hub' }, redact });
}
