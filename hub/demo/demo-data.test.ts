/** Checks the demo grocery catalog (grocery.json, grocery.csv) against the catalog schema and its own promises. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ageCategory, catalogSchema, type Catalog, type Product } from '../../shared/src/catalog/schema.js';

const raw: unknown = JSON.parse(readFileSync(new URL('./grocery.json', import.meta.url), 'utf8'));
const catalog: Catalog = catalogSchema.parse(raw);
const byId = new Map(catalog.products.map((p) => [p.id, p]));

/** GS1 mod-10 check digit of the digits before it. */
function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}
const validGtin = (code: string) => /^\d{8}$|^\d{12,14}$/.test(code) && checkDigit(code.slice(0, -1)) === Number(code.at(-1));

describe('demo grocery catalog', () => {
  it('parses with catalogSchema, in DKK, with at least 150 products, 8 promotions and 3 members', () => {
    expect(catalogSchema.safeParse(raw).success).toBe(true);
    expect(catalog.currency).toBe('DKK');
    expect(catalog.products.length).toBeGreaterThanOrEqual(150);
    expect(catalog.promotions.length).toBeGreaterThanOrEqual(8);
    expect(catalog.members.length).toBeGreaterThanOrEqual(3);
    for (const p of catalog.products) expect(p.name.en, p.id).toBeTruthy();
  });

  it('every GTIN has a valid check digit', () => {
    const bad = catalog.products.flatMap((p) => p.gtins.filter((g) => !validGtin(g)).map((g) => `${p.id}: ${g}`));
    expect(bad).toEqual([]);
  });

  it('product ids, GTINs, PLUs and RCN item numbers are unique across products', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    const claim = (key: string, id: string) => {
      const other = seen.get(key);
      if (other !== undefined) dupes.push(`${key} in ${other} and ${id}`);
      seen.set(key, id);
    };
    for (const p of catalog.products) {
      claim(`id:${p.id}`, p.id);
      for (const g of p.gtins) claim(`gtin:${g}`, p.id);
      if (p.plu !== undefined) claim(`plu:${p.plu}`, p.id);
      for (const r of p.rcnItems) claim(`rcn:${r}`, p.id);
    }
    expect(dupes).toEqual([]);
  });

  it('RCN items follow the Danish layout: 21–24 price labels, 26/28 weight labels (6 digits), 27 weight labels (7 digits), sold by kg', () => {
    const rcn = catalog.products.filter((p) => p.rcnItems.length > 0);
    for (const p of rcn) {
      for (const item of p.rcnItems) {
        const prefix = Number(item.slice(0, 2));
        if (prefix >= 21 && prefix <= 24) {
          expect(item, p.id).toHaveLength(6);
          expect(p.unit, p.id).toBe('each');
        } else if (prefix === 26 || prefix === 28) {
          expect(item, p.id).toHaveLength(6);
          expect(p.unit, p.id).toBe('kg');
        } else {
          expect(prefix, p.id).toBe(27);
          expect(item, p.id).toHaveLength(7);
          expect(p.unit, p.id).toBe('kg');
        }
      }
    }
    const count = (test: (item: string) => boolean) => rcn.filter((p) => p.rcnItems.some(test)).length;
    expect(count((i) => /^2[1-4]/.test(i))).toBeGreaterThanOrEqual(3);
    expect(count((i) => /^2[68]/.test(i))).toBeGreaterThanOrEqual(3);
    expect(count((i) => /^27/.test(i))).toBeGreaterThanOrEqual(2);
  });

  it('the example label codes have valid check digits and name items that exist', () => {
    const examples: Array<[code: string, item: string, unit: Product['unit']]> = [
      ['2135040039753', '213504', 'each'], // 39.75 kr
      ['2623570001505', '262357', 'kg'], // 150 g
      ['2712341002251', '2712341', 'kg'], // 225 g
    ];
    for (const [code, item, unit] of examples) {
      expect(validGtin(code), code).toBe(true);
      const product = catalog.products.find((p) => p.rcnItems.includes(item));
      expect(product, item).toBeDefined();
      expect(product?.unit).toBe(unit);
    }
  });

  it('has weighed produce by PLU, some of it with no GTIN at all', () => {
    const weighed = catalog.products.filter((p) => p.unit === 'kg' && p.plu !== undefined);
    expect(weighed.length).toBeGreaterThanOrEqual(10);
    expect(weighed.filter((p) => p.gtins.length === 0).length).toBeGreaterThan(0);
    expect(byId.get('bananer')?.plu).toBe('4011');
    expect(byId.get('aebler-roede')?.plu).toBe('4015');
  });

  it('every age category is present, alcohol always with an abv, and the alcohol examples span the age bands', () => {
    const present = new Set(catalog.products.map((p) => p.ageCategory).filter((c) => c !== undefined));
    expect([...present].sort()).toEqual([...ageCategory.options].sort());
    for (const p of catalog.products) {
      if (p.ageCategory === 'alcohol') expect(p.abv, p.id).toBeDefined();
      if (p.abv !== undefined) expect(p.ageCategory, p.id).toBe('alcohol');
    }
    const abvs = catalog.products.flatMap((p) => (p.abv === undefined ? [] : [p.abv]));
    expect(abvs.some((a) => a < 12)).toBe(true); // no limit
    expect(abvs.some((a) => a >= 12 && a <= 60)).toBe(true); // 16+
    expect(abvs.some((a) => a > 60)).toBe(true); // 18+
  });

  it('has member prices below the shelf price and a couple of zero-VAT items', () => {
    const members = catalog.products.filter((p) => p.memberPrice !== undefined);
    expect(members.length).toBeGreaterThanOrEqual(5);
    for (const p of members) expect(p.memberPrice!, p.id).toBeLessThan(p.price);
    expect(catalog.products.filter((p) => p.vatRate === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('every promotion target names existing products or departments, and every kind is covered', () => {
    const departments = new Set(catalog.products.map((p) => p.department));
    const missing: string[] = [];
    for (const promo of catalog.promotions) {
      const targets = promo.kind === 'bundle' ? promo.components : 'target' in promo && promo.target ? [promo.target] : [];
      for (const t of targets) {
        for (const id of t.productIds) if (!byId.has(id)) missing.push(`${promo.id}: product ${id}`);
        for (const d of t.departments) if (!departments.has(d)) missing.push(`${promo.id}: department ${d}`);
      }
    }
    expect(missing).toEqual([]);
    const kinds = new Set(catalog.promotions.map((p) => p.kind));
    for (const k of ['multibuy', 'n-for-m', 'mix-match', 'percent-off', 'amount-off', 'bundle', 'basket-percent', 'basket-amount', 'coupon'] as const) {
      expect(kinds.has(k), k).toBe(true);
    }
    expect(new Set(catalog.promotions.map((p) => p.id)).size).toBe(catalog.promotions.length);
  });

  it('has the welcome coupon, an expired promotion and no other promotion that expires before 2030', () => {
    const coupon = catalog.promotions.find((p) => p.kind === 'coupon');
    expect(coupon).toMatchObject({ code: 'CPN-WELCOME10', percent: 1000, minTotal: 10000 });
    const expired = catalog.promotions.filter((p) => p.validTo !== undefined && Date.parse(p.validTo) < Date.parse('2026-01-01T00:00:00Z'));
    expect(expired.map((p) => p.id)).toEqual(['c-2025-40-bananer-20pct']);
    for (const p of catalog.promotions) {
      if (p.validTo !== undefined && p !== expired[0]) expect(Date.parse(p.validTo), p.id).toBeGreaterThan(Date.parse('2030-01-01T00:00:00Z'));
    }
  });

  it('members carry our LOY loyalty prefix and unique card numbers', () => {
    for (const m of catalog.members) expect(m.cardNumber).toMatch(/^LOY-\d{4}-\d{4}$/);
    expect(new Set(catalog.members.map((m) => m.cardNumber)).size).toBe(catalog.members.length);
  });

  it('grocery.csv holds the first 20 products in the CSV import format, matching the JSON', () => {
    const rows = parse(readFileSync(new URL('./grocery.csv', import.meta.url), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows).toHaveLength(20);
    const toMinor = (s: string) => (s === '' ? undefined : Math.round(Number(s.replace(',', '.')) * 100));
    const list = (s: string) => (s === '' ? [] : s.split(';'));
    rows.forEach((row, i) => {
      const p = catalog.products[i]!;
      expect({
        id: row.id,
        name: { da: row.name_da, en: row.name_en },
        gtins: list(row.gtins!),
        plu: row.plu || undefined,
        rcnItems: list(row.rcn_items!),
        price: toMinor(row.price!),
        memberPrice: toMinor(row.member_price!),
        unit: row.unit,
        vatRate: Number(row.vat_rate) * 100,
        ageCategory: row.age_category || undefined,
        abv: row.abv ? Math.round(Number(row.abv) * 10) : undefined,
        department: row.department,
        image: row.image || undefined,
      }).toEqual(p); // toEqual treats absent and undefined alike
    });
  });
});
