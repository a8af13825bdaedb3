/**
 * A change to the store's catalog from head office: products, promotions (personal offers included) and
 * members to add or replace, ids to remove, consent changes and erasure requests. Versions rise; the store
 * applies each version once, all of it or nothing.
 */
import { z } from 'zod';
import { memberSchema, productSchema, promotionSchema } from './schema.js';

const ids = z.array(z.string().min(1).max(64)).max(200_000).default([]);

export const catalogDeltaSchema = z
  .object({
    /** Head office's version of the catalog; each store applies a version once and refuses older ones. */
    version: z.number().int().min(1),
    upsert: z
      .object({
        products: z.array(productSchema).max(200_000).default([]),
        promotions: z.array(promotionSchema).max(10_000).default([]),
        members: z.array(memberSchema).max(1_000_000).default([]),
      })
      .strict()
      .prefault({}),
    remove: z.object({ products: ids, promotions: ids, members: ids }).strict().prefault({}),
    /** A member's marketing consent given or withdrawn: effective at once, for events not yet sent too. */
    consent: z.array(z.object({ memberId: z.string().min(1).max(64), marketing: z.boolean() }).strict()).max(1_000_000).default([]),
    /** Members to forget (GDPR erasure): their record goes, and their id is scrubbed from visits, sales and unsent events. */
    erase: ids,
  })
  .strict();
export type CatalogDelta = z.output<typeof catalogDeltaSchema>;
export type CatalogDeltaInput = z.input<typeof catalogDeltaSchema>;
