// The screen's lane as the components below useDeviceLane read it, without knowing the app's store.
import type { DeviceHello, LaneSnapshot } from '@selfserve/shared';
import { type InjectionKey, inject } from 'vue';

export interface LaneState {
  readonly snapshot: LaneSnapshot | null;
  readonly hello: DeviceHello | null;
}

/** Provided by useDeviceLane: the app's lane store, read when rendering so it stays reactive. */
export const LANE_STATE: InjectionKey<LaneState> = Symbol('lane state');

export function useLaneState(): LaneState {
  const lane = inject(LANE_STATE);
  if (!lane) throw new Error('a lane component needs useDeviceLane() in an ancestor component');
  return lane;
}
