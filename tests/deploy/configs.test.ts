/** The configurations shipped in deploy/ are ones the hub accepts, and a mistake in one names its key. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../hub/src/config.js';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const read = (file: string) => JSON.parse(readFileSync(join(DEPLOY, file), 'utf8')) as Record<string, unknown>;

describe('example configurations', () => {
  it.each(['hub.example.json', 'examples/grocery-4-lanes.json', 'examples/restaurant.json'])('%s validates', (file) => {
    expect(() => parseConfig(read(file))).not.toThrow();
  });

  it('the grocery has 4 lanes, each with a terminal, a printer and a scale, served over HTTPS', () => {
    const config = parseConfig(read('examples/grocery-4-lanes.json'));
    expect(config.lanes).toHaveLength(4);
    for (const lane of config.lanes) expect([lane.terminal?.kind, lane.printer?.port, lane.scale?.port]).toEqual(['adyen', 9100, 4001]);
    expect(config.http.tls).toBeDefined();
  });

  it('the restaurant\'s 3 ordering kiosks and its counter are lanes with a terminal and a printer each, and the grill prints tickets', () => {
    const config = parseConfig(read('examples/restaurant.json'));
    expect(config.lanes.map((l) => [l.id, l.mode])).toEqual([['kiosk-1', 'order'], ['kiosk-2', 'order'], ['kiosk-3', 'order'], ['disk', 'counter']]);
    for (const lane of config.lanes) expect(lane.terminal && lane.printer && !lane.scale).toBe(true);
    expect(config.restaurant).toMatchObject({ menuFile: expect.any(String), kitchen: { printers: { grill: { port: 9100 } } } });
  });

  it('a mistake in an example is reported with the key that holds it', () => {
    const config = read('examples/restaurant.json');
    const http = { ...(config.http as object), tls: { certFile: '/etc/selfserve/tls/hub.crt' } };
    expect(() => parseConfig({ ...config, http })).toThrow(/http\.tls\.keyFile/);
  });
});
