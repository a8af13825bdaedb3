/** Checkout scales: the interface, the MT-SICS driver over TCP, and the simulator that speaks it. */
export { SCALE_MESSAGES, ScaleError } from './scale.js';
export type { Scale, ScaleFailure, WeightReading } from './scale.js';
export { SicsScale } from './sics-scale.js';
export type { SicsScaleOptions } from './sics-scale.js';
export { formatKg, parseWeightResponse, toGrams, weightLine } from './sics-format.js';
export type { WeightResponse } from './sics-format.js';
export { startScaleSimulator } from './simulator.js';
export type { ScaleSimulator, ScaleSimulatorOptions, SimulatedScaleState } from './simulator.js';
