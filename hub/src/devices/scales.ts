/** Each lane's scale from the configuration. */
import type { Config } from '../config.js';
import { SicsScale, type Scale } from './scale/index.js';

export function scalesFromConfig(config: Config): Map<string, Scale> {
  const scales = new Map<string, Scale>();
  for (const lane of config.lanes) {
    const s = lane.scale;
    if (s) scales.set(lane.id, new SicsScale({ host: s.host, port: s.port, timeoutMs: s.timeoutMs, stableWithinMs: s.stableWithinMs }));
  }
  return scales;
}
