/** The weight of a weighed item scanned without one, read from the lane's scale. */
import { DomainError, type LaneScanPayload, type ParseOptions } from '@selfserve/shared';
import { ScaleError, type Scale } from '../../devices/scale/index.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { resolveCode } from './resolve-code.js';

/**
 * Read before the lane is locked for the change, and only for an item that needs a weight. A scale
 * that is moving, empty or failing answers weight-required saying why.
 */
export async function weighIfNeeded(scale: Scale, p: LaneScanPayload, catalog: CatalogService, options: ParseOptions): Promise<number | undefined> {
  try {
    resolveCode({ code: p.code, quantity: p.quantity }, catalog, options);
    return undefined;
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'weight-required') return undefined;
  }
  let reading;
  try {
    reading = await scale.read();
  } catch (err) {
    const message = err instanceof ScaleError ? err.en : 'the scale did not answer';
    throw new DomainError('weight-required', message, { scale: err instanceof ScaleError ? err.reason : 'error' });
  }
  if (reading.state === 'stable' && reading.grams > 0) return reading.grams;
  const why = reading.state === 'stable' ? 'empty' : reading.state;
  throw new DomainError('weight-required', `put the item on the scale (the scale reads: ${why})`, { scale: why });
}
