/** The self-checkout lane's life with one shopper, as a pure transition function. */
import type { StaffRole } from '../staff/roles.js';

export const LANE_STATUSES = ['closed', 'idle', 'scanning', 'payment', 'paid', 'finished', 'cancelled'] as const;
export type LaneStatus = (typeof LANE_STATUSES)[number];

/** Why staff must act; each reason blocks either payment only or the whole lane. */
export const INTERVENTION_BLOCKS = {
  'age-check': 'payment', // the shopper may keep scanning, but not pay
  'void-approval': 'lane',
  'price-override': 'lane',
  'help': 'lane',
  'payment-failed': 'lane',
  'unknown-item': 'lane',
  'quantity-limit': 'lane',
} as const satisfies Record<string, 'payment' | 'lane'>;
export type InterventionReason = keyof typeof INTERVENTION_BLOCKS;

/** Where an intervention is in its life: the lane shows open and claimed ones; resolved and expired ones are history. */
export const INTERVENTION_STATES = ['open', 'claimed', 'resolved', 'expired'] as const;
export type InterventionState = (typeof INTERVENTION_STATES)[number];

/** A staff member as an intervention names them. */
export interface StaffRef {
  staffId: string;
  name: string;
  role: StaffRole;
}

export interface Intervention {
  id: string;
  reason: InterventionReason;
  blocks: 'payment' | 'lane';
  /** Only live ones are in a lane's snapshot. */
  state: 'open' | 'claimed';
  openedAt: string;
  /** Free detail for staff, e.g. the item or the age required. */
  detail?: string;
  /** Staff who asked (a price override by an attendant); null when the lane or the shopper asked. */
  requestedBy: StaffRef | null;
  /** The device it was asked from (the lane's kiosk, or a staff member's). */
  requestedDevice: string | null;
  /** Who said "I'm on my way", and when. */
  claimedBy: StaffRef | null;
  claimedAt: string | null;
  /** age-check: the highest age in the basket, which approval must cover. */
  requiredAge?: number;
  /** void-approval, price-override, quantity-limit: the line concerned. */
  lineId?: string;
  /** void-approval: the quantity asked for (0 removes the line); quantity-limit: the quantity over the limit. */
  quantity?: number;
  /** quantity-limit: the line's quantity before, restored on reject (0 = the line is removed). */
  previousQuantity?: number;
  /** price-override: the new price of the whole line, in minor units. */
  price?: number;
  /** unknown-item: the code the lane could not find. */
  code?: string;
}

export interface LaneState {
  status: LaneStatus;
  interventions: Intervention[];
}

export type LaneEvent =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'scan' } // a line added, changed or removed
  | { type: 'basket-emptied' }
  | { type: 'pay' }
  | { type: 'order-placed' } // an ordering kiosk's order goes to be paid at the counter
  | { type: 'payment-approved' }
  | { type: 'payment-failed' }
  | { type: 'receipt-done' }
  | { type: 'cancel' }
  | { type: 'next-shopper' }
  | { type: 'intervene'; intervention: Intervention }
  | { type: 'resolve'; interventionId: string };

export type TransitionResult =
  | { ok: true; state: LaneState }
  | { ok: false; reason: 'not-allowed' | 'lane-blocked'; message: string };

export const initialLaneState = (): LaneState => ({ status: 'idle', interventions: [] });

export const blocksLane = (s: LaneState) => s.interventions.some((i) => i.blocks === 'lane');
export const blocksPayment = (s: LaneState) => s.interventions.length > 0;

const to = (state: LaneState, status: LaneStatus): TransitionResult => ({ ok: true, state: { ...state, status } });
const refuse = (state: LaneState, event: LaneEvent): TransitionResult => ({
  ok: false,
  reason: 'not-allowed',
  message: `cannot ${event.type} while the lane is ${state.status}`,
});
const blocked = (message: string): TransitionResult => ({ ok: false, reason: 'lane-blocked', message });

/** Which statuses each event may leave from, and where it goes. */
const MOVES: Partial<Record<LaneEvent['type'], { from: readonly LaneStatus[]; to: LaneStatus | 'same' }>> = {
  open: { from: ['closed'], to: 'idle' },
  close: { from: ['idle', 'finished', 'cancelled'], to: 'closed' },
  scan: { from: ['idle', 'scanning'], to: 'scanning' },
  'basket-emptied': { from: ['scanning'], to: 'scanning' },
  pay: { from: ['scanning'], to: 'payment' },
  'order-placed': { from: ['scanning'], to: 'finished' },
  'payment-approved': { from: ['payment'], to: 'paid' },
  'payment-failed': { from: ['payment'], to: 'scanning' },
  'receipt-done': { from: ['paid'], to: 'finished' },
  // Not while paying: the terminal may be charging; the payment must end (approved or not) first.
  cancel: { from: ['idle', 'scanning'], to: 'cancelled' },
  'next-shopper': { from: ['finished', 'cancelled'], to: 'idle' },
};

/** Applies one event; never throws, never mutates its input. */
export function transition(state: LaneState, event: LaneEvent): TransitionResult {
  if (event.type === 'intervene') {
    if (state.status === 'closed') return refuse(state, event);
    return { ok: true, state: { ...state, interventions: [...state.interventions, event.intervention] } };
  }
  if (event.type === 'resolve') {
    const rest = state.interventions.filter((i) => i.id !== event.interventionId);
    if (rest.length === state.interventions.length) return refuse(state, event);
    return { ok: true, state: { ...state, interventions: rest } };
  }
  const move = MOVES[event.type];
  if (!move || !move.from.includes(state.status)) return refuse(state, event);
  if (event.type === 'scan' && blocksLane(state)) return blocked('staff must help at this lane before it can go on');
  if ((event.type === 'pay' || event.type === 'order-placed') && blocksPayment(state)) return blocked('payment waits for staff approval');
  // A visit ending clears what was open for it: the next shopper starts clean.
  if (event.type === 'next-shopper') return { ok: true, state: { status: 'idle', interventions: [] } };
  return to(state, move.to === 'same' ? state.status : move.to);
}
