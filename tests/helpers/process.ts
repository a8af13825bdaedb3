/** Runs the built hub (hub/dist/main.js) as a child process, as the store runs it, so tests can kill it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import { io } from 'socket.io-client';
import type { Client } from './hub.js';

const MAIN = fileURLToPath(new URL('../../hub/dist/main.js', import.meta.url));

export interface HubProcess {
  child: ChildProcess;
  url: string;
  /** SIGKILL: no shutdown code runs, as in a crash or a pulled plug of the process. */
  kill(): Promise<void>;
}

export function writeConfig(dir: string, config: object): string {
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** Starts the built hub with `--config FILE`, or with the given arguments. */
export function startHubProcess(configFileOrArgs: string | string[]): Promise<HubProcess> {
  const args = typeof configFileOrArgs === 'string' ? ['--config', configFileOrArgs] : configFileOrArgs;
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /open at (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        child,
        url: m[1]!,
        kill: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before it was ready:\n${out}`));
    });
  });
}

/** A device's socket straight to a hub (a child process or not), connected before it is returned. */
export async function connectDevice(url: string, token: string): Promise<Client> {
  const socket: Client = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Reads a hub's SQLite file on a connection of its own, read-only (the hub may be dead or alive). */
export function queryFile<T>(file: string, sql: string): Promise<T[]> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  return new Promise((resolve, reject) => db.all(sql, (err, rows) => (db.close(), err ? reject(err) : resolve(rows as T[]))));
}
