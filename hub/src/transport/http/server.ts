/** The hub's listening server: plain HTTP, or HTTPS when `http.tls` names a certificate and key. */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { ConfigError, type Config } from '../../config.js';

export interface ListeningServer {
  server: HttpServer;
  scheme: 'http' | 'https';
}

/** Reads the TLS files now, so a wrong path stops start-up with the key that names it. */
export function createListeningServer(app: RequestListener, tls: Config['http']['tls']): ListeningServer {
  if (!tls) return { server: createHttpServer(app), scheme: 'http' };
  const cert = readPem(tls.certFile, 'http.tls.certFile');
  const key = readPem(tls.keyFile, 'http.tls.keyFile');
  try {
    return { server: createHttpsServer({ cert, key }, app), scheme: 'https' };
  } catch (err) {
    throw new ConfigError(`invalid configuration:\n  http.tls: certificate and key do not make a TLS server: ${(err as Error).message}`);
  }
}

function readPem(file: string, key: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`invalid configuration:\n  ${key}: cannot read ${file}: ${(err as Error).message}`);
  }
}
