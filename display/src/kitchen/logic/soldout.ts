// The sold-out panel's lists: every item by category, the combos, and each modifier group's options, with what is sold out now.
import type { LocalizedText, Menu } from '@selfserve/shared';
import { soldOutKey } from '@selfserve/shared/pure';

export interface SoldOutEntry {
  /** The sold-out key menu:setSoldOut takes. */
  key: string;
  name: LocalizedText;
  soldOut: boolean;
  /** Sold out in the menu file itself: only a new menu brings it back. */
  fixed: boolean;
}

export interface SoldOutSection {
  id: string;
  /** A category's or modifier group's name; null for the combos, which the panel names itself. */
  name: LocalizedText | null;
  kind: 'category' | 'combos' | 'options';
  entries: SoldOutEntry[];
}

const matches = (name: LocalizedText, query: string): boolean =>
  query === '' || Object.values(name).some((n) => typeof n === 'string' && n.toLocaleLowerCase().includes(query));

/** The sections with entries whose name contains `query` (any language, any case); empty sections are left out. */
export function soldOutSections(menu: Menu, soldOut: ReadonlySet<string>, query = ''): SoldOutSection[] {
  const q = query.trim().toLocaleLowerCase();
  const entry = (key: string, name: LocalizedText, fixed = false): SoldOutEntry => ({ key, name, fixed, soldOut: fixed || soldOut.has(key) });
  const categories = [...menu.categories].sort((a, b) => a.sort - b.sort);
  const sections: SoldOutSection[] = [
    ...categories.map((c) => ({
      id: `category:${c.id}`,
      name: c.name,
      kind: 'category' as const,
      entries: menu.items.filter((i) => i.categoryId === c.id).map((i) => entry(soldOutKey.item(i.id), i.name, i.soldOut)),
    })),
    { id: 'combos', name: null, kind: 'combos', entries: menu.combos.map((c) => entry(soldOutKey.combo(c.id), c.name, c.soldOut)) },
    ...menu.modifierGroups.map((g) => ({
      id: `group:${g.id}`,
      name: g.name,
      kind: 'options' as const,
      entries: g.options.map((o) => entry(soldOutKey.option(g.id, o.id), o.name)),
    })),
  ];
  return sections.map((s) => ({ ...s, entries: s.entries.filter((e) => matches(e.name, q)) })).filter((s) => s.entries.length > 0);
}
