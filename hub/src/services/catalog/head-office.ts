/** A delta from head office, over HTTP or NATS: applied to the catalog, then to the lanes (re-priced, erased members gone). */
import type { CatalogService, DeltaResult } from './catalog.service.js';
import type { LanesService } from '../lanes/lanes.service.js';

export interface HeadOfficeDeps {
  catalog: CatalogService;
  lanes: LanesService;
  pseudonym: (memberId: string) => string | null;
}

export async function applyHeadOfficeDelta(input: unknown, deps: HeadOfficeDeps): Promise<DeltaResult> {
  const result = await deps.catalog.applyDelta(input, deps.pseudonym);
  if (result.ok && result.applied) {
    for (const id of result.erased) await deps.lanes.forgetMember(id);
    await deps.lanes.refreshAll();
  }
  return result;
}
