/** Splits group offers into components that share no units, so each is searched on its own. */
import type { GroupOffer } from './group-offers.js';

/** Groups offers that share a unit class, keeping the search order inside and between groups. */
export function components(offers: readonly GroupOffer[]): GroupOffer[][] {
  const parent = offers.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i] ?? i)));
  const owner = new Map<number, number>();
  offers.forEach((offer, i) => {
    for (const cls of offer.classes) {
      const other = owner.get(cls);
      if (other === undefined) owner.set(cls, i);
      else parent[root(i)] = root(other);
    }
  });
  const groups = new Map<number, GroupOffer[]>();
  offers.forEach((offer, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), offer]));
  return [...groups.values()];
}
