// What keeps a paired screen from working, and the composable that connects its lane and says so.
import type { DeviceHello } from '@selfserve/shared';
import { type ComputedRef, computed, onUnmounted, provide } from 'vue';
import type { ConnectionStatus } from '../device/hubConnection.js';
import { LANE_STATE, type LaneState } from '../device/laneState.js';
import { readDeviceToken } from '../device/token.js';

/** unpaired and refused come from the connection; not-a-lane (kiosk) and no-lane (display) from the hello. */
export type Problem = 'unpaired' | 'refused' | 'not-a-lane' | 'no-lane';

/** The part of an app's lane store this needs. */
export interface DeviceLane extends LaneState {
  readonly status: ConnectionStatus;
  /** The hub's reason for refusing this device, shown beside the problem. */
  readonly refusal: string | null;
  connect(token: string | null): void;
  disconnect(): void;
}

export interface DeviceLaneOptions {
  /** Where this app keeps its pairing token, so a kiosk and a display in one browser keep their own. */
  tokenKey: string;
  /** The problem when the hub's hello does not fit this app, or null when it does. */
  misfit: (hello: DeviceHello) => Problem | null;
}

/**
 * Connects `lane` with the page's pairing token while the calling component lives, and provides it to the
 * components below (useLaneState, useFormat). Gives the problem to show instead of the app, if any.
 */
export function useDeviceLane(lane: DeviceLane, options: DeviceLaneOptions): ComputedRef<Problem | null> {
  provide(LANE_STATE, lane);
  lane.connect(readDeviceToken(options.tokenKey));
  onUnmounted(() => lane.disconnect());
  return computed(() => {
    if (lane.status === 'unpaired') return 'unpaired';
    if (lane.status === 'refused') return 'refused';
    return lane.hello ? options.misfit(lane.hello) : null;
  });
}
