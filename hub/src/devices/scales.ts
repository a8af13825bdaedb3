/** Each lane's scale from the configuration, and simulated ones for the demo store. */
import type { Config } from '../config.js';
import { SicsScale, startScaleSimulator, type Scale, type ScaleSimulator } from './scale/index.js';

export function scalesFromConfig(config: Config): Map<string, Scale> {
  const scales = new Map<string, Scale>();
  for (const lane of config.lanes) {
    const s = lane.scale;
    if (s) scales.set(lane.id, new SicsScale({ host: s.host, port: s.port, timeoutMs: s.timeoutMs, stableWithinMs: s.stableWithinMs }));
  }
  return scales;
}

/** Starts one scale simulator per lane without a scale, and points the lane at it. */
export async function withDemoScales(config: Config): Promise<{ config: Config; simulators: Array<{ laneId: string; sim: ScaleSimulator }> }> {
  const simulators: Array<{ laneId: string; sim: ScaleSimulator }> = [];
  const lanes = [];
  for (const lane of config.lanes) {
    if (lane.scale) {
      lanes.push(lane);
      continue;
    }
    const sim = await startScaleSimulator({ host: '127.0.0.1', port: 0 });
    simulators.push({ laneId: lane.id, sim });
    lanes.push({ ...lane, scale: { host: '127.0.0.1', port: sim.port, timeoutMs: 1000, stableWithinMs: 2000 } });
  }
  return { config: { ...config, lanes }, simulators };
}
