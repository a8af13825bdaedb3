import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub({ config: { http: { host: '127.0.0.1', port: 0, allowedOrigins: ['http://dev.example:5173'] } } });
});
afterEach(() => t.close());

function connectFrom(origin: string): Promise<'connected' | string> {
  const socket = io(t.url, { auth: { token: TOKENS.kiosk1 }, transports: ['websocket'], reconnection: false, extraHeaders: { origin } });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (err) => resolve(err.message));
  });
}

describe('the WebSocket handshake checks Origin', () => {
  it('a page from another site cannot open a socket, even with a valid device token', async () => {
    expect(await connectFrom('http://evil.example')).not.toBe('connected');
  });

  it('the hub\'s own pages and allowed origins can', async () => {
    expect(await connectFrom(t.url)).toBe('connected');
    expect(await connectFrom('http://dev.example:5173')).toBe('connected');
  });
});
