import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, merge, parseConfig } from './config.js';

describe('configuration', () => {
  it('has sane defaults for a Danish store', () => {
    const c = parseConfig({});
    expect(c.store).toMatchObject({ country: 'DK', currency: 'DKK', timeZone: 'Europe/Copenhagen' });
    expect(c.http.port).toBe(3000);
  });

  it('environment variables override the file, and the command line overrides both', () => {
    const file = { http: { port: 4000, host: '0.0.0.0' }, store: { name: 'Fil' } };
    const env = configFromEnv({ SELFSERVE_HTTP_PORT: '5000', SELFSERVE_STORE_TIMEZONE: 'Europe/Oslo', OTHER: 'x' });
    const c = parseConfig(merge(merge(file, env), { http: { port: 6000 } }));
    expect(c.http).toMatchObject({ port: 6000, host: '0.0.0.0' });
    expect(c.store).toMatchObject({ name: 'Fil', timeZone: 'Europe/Oslo' });
  });

  it('a bad value stops start-up with a message naming the key', () => {
    expect(() => parseConfig({ http: { port: 'eighty' } })).toThrow(ConfigError);
    expect(() => parseConfig({ http: { port: 'eighty' } })).toThrow(/http\.port/);
    expect(() => parseConfig({ store: { timeZone: 'Mars/Olympus' } })).toThrow(/store\.timeZone: unknown IANA time zone/);
  });

  it('a device must name a configured lane', () => {
    expect(() => parseConfig({ devices: [{ id: 'k', kind: 'kiosk', laneId: 'nope', token: 'a'.repeat(16) }] })).toThrow(/devices\.0\.laneId: no lane "nope"/);
  });

  it('a country without age rules is refused at start-up', () => {
    expect(() => parseConfig({ store: { country: 'SE' } })).toThrow(/store\.country: no age rules for SE/);
  });

  it('own-code prefixes that could collide with GTINs or each other are refused', () => {
    expect(() => parseConfig({ barcodes: { ownPrefixes: { loyalty: '99', coupon: 'CPN', staff: 'STF' } } })).toThrow(/barcodes\.ownPrefixes: .*all digits/);
    expect(() => parseConfig({ barcodes: { ownPrefixes: { loyalty: 'L', coupon: 'LC', staff: 'STF' } } })).toThrow(/cannot be told apart/);
  });

  it('an unknown key is refused rather than ignored', () => {
    expect(() => parseConfig({ htp: {} })).toThrow(/htp|Unrecognized/);
  });
});
