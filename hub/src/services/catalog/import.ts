/** Catalog import from JSON or CSV text: validates every row, names bad rows by line, returns all or nothing. */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { catalogSchema, productSchema, toGtin14, type Catalog, type Product } from '@selfserve/shared';
import { jsonElementLines } from './json-lines.js';
import { productCodes } from '../../storage/catalog.repository.js';

export interface ImportIssue {
  /** 1-based line in the file where the bad row starts, when known. */
  line: number | null;
  /** Where in the row, e.g. "products[3].price". */
  path: string;
  message: string;
}

export type ImportResult = { ok: true; catalog: Partial<Catalog> } | { ok: false; issues: ImportIssue[] };

const MAX_ISSUES = 100;

/** JSON: either a whole catalog object or a bare array of products. Sections present replace the stored ones. */
export function importJson(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [{ line: null, path: '', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const lines = jsonElementLines(text);
  const doc = Array.isArray(raw) ? { products: raw } : raw;
  const top = catalogSchema.partial().safeParse(doc);
  const issues: ImportIssue[] = [];
  if (!top.success) {
    for (const issue of top.error.issues) {
      const [section, index] = issue.path;
      const sectionLines = lines.get(Array.isArray(raw) ? '' : String(section));
      const line = typeof index === 'number' ? (sectionLines?.[index] ?? null) : null;
      issues.push({ line, path: issue.path.join('.'), message: issue.message });
    }
    return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  }
  const catalog = normalise(top.data);
  const productLines = lines.get(Array.isArray(raw) ? '' : 'products') ?? [];
  const crossIssues = checkProducts(catalog.products ?? [], (i) => productLines[i] ?? null);
  return crossIssues.length ? { ok: false, issues: crossIssues } : { ok: true, catalog };
}

/** The CSV format of the README: one product per row, header row first. */
const csvRow = z.object({
  id: z.string(),
  name_da: z.string(),
  name_en: z.string().optional(),
  gtins: z.string().optional(),
  plu: z.string().optional(),
  rcn_items: z.string().optional(),
  price: z.string(),
  member_price: z.string().optional(),
  unit: z.string().optional(),
  vat_rate: z.string().optional(),
  age_category: z.string().optional(),
  abv: z.string().optional(),
  department: z.string(),
  image: z.string().optional(),
});

/** "12.95" or "12,95" kroner → 1295 øre, exactly (no floats); null when not a price. */
export function parseDecimal(text: string, decimals: number): number | null {
  const m = /^(\d{1,9})(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > decimals) return null;
  return Number(m[1]) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
}

const list = (s: string | undefined) => (s ?? '').split(';').map((x) => x.trim()).filter(Boolean);
const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());

function csvToProduct(row: z.infer<typeof csvRow>): unknown {
  const number = (s: string | undefined, decimals: number) => {
    const v = blank(s);
    return v === undefined ? undefined : (parseDecimal(v, decimals) ?? Number.NaN);
  };
  return {
    id: row.id.trim(),
    name: { da: row.name_da.trim(), ...(blank(row.name_en) ? { en: blank(row.name_en) } : {}) },
    gtins: list(row.gtins),
    plu: blank(row.plu),
    rcnItems: list(row.rcn_items),
    price: number(row.price, 2),
    memberPrice: number(row.member_price, 2),
    unit: blank(row.unit),
    vatRate: number(row.vat_rate, 2),
    ageCategory: blank(row.age_category),
    abv: number(row.abv, 1),
    department: row.department.trim(),
    image: blank(row.image),
  };
}

export function importCsv(text: string): ImportResult {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parseCsv(text, { columns: true, info: true, bom: true, skip_empty_lines: true, trim: false }) as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { ok: false, issues: [{ line: e.lines ?? null, path: '', message: `not valid CSV: ${e.message}` }] };
  }
  const issues: ImportIssue[] = [];
  const products: Product[] = [];
  records.forEach(({ record, info }, i) => {
    const row = csvRow.safeParse(record);
    const parsed = row.success ? productSchema.safeParse(csvToProduct(row.data)) : row;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ line: info.lines, path: `row ${i + 1}.${issue.path.join('.')}`, message: issue.message });
    } else products.push(parsed.data as Product);
  });
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  const catalog = normalise({ products });
  const crossIssues = checkProducts(catalog.products ?? [], (i) => records[i]?.info.lines ?? null);
  return crossIssues.length ? { ok: false, issues: crossIssues } : { ok: true, catalog };
}

/** GTINs are stored as GTIN-14 so every length finds the same product. */
function normalise(catalog: Partial<Catalog>): Partial<Catalog> {
  if (!catalog.products) return catalog;
  return { ...catalog, products: catalog.products.map(withGtin14) };
}

/** GTINs are stored as GTIN-14, whatever length they came in. */
export const withGtin14 = (p: Product): Product => ({ ...p, gtins: p.gtins.map((g) => toGtin14(g) ?? g) });

/** Rules across rows: valid check digits, unique ids, unique codes. */
export function checkProducts(products: Product[], lineOf: (index: number) => number | null): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const ids = new Map<string, number>();
  const codes = new Map<string, number>();
  products.forEach((p, i) => {
    const at = (path: string, message: string) => issues.push({ line: lineOf(i), path: `products[${i}].${path}`, message });
    p.gtins.forEach((g, j) => {
      if (g.length !== 14 || toGtin14(g) === null) at(`gtins.${j}`, `GTIN ${g} has a wrong check digit`);
    });
    if (ids.has(p.id)) at('id', `duplicate product id ${p.id} (first on row ${ids.get(p.id)! + 1})`);
    else ids.set(p.id, i);
    for (const code of productCodes(p)) {
      if (codes.has(code) && codes.get(code) !== i) at('gtins', `code ${code} is also used by row ${codes.get(code)! + 1}`);
      else codes.set(code, i);
    }
  });
  return issues.slice(0, MAX_ISSUES);
}
