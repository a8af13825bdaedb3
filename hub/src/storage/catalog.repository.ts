/** Catalog tables: products with their lookup codes, promotions and members, replaced atomically. */
import type { Catalog, Member, Product, Promotion } from '@selfserve/shared';
import type { Database, Param, Tx } from './db.js';

/** Lookup keys of a product: "gtin:<GTIN-14>", "plu:<plu>", "rcn:<item>". */
export function productCodes(p: Product): string[] {
  return [...p.gtins.map((g) => `gtin:${g}`), ...(p.plu ? [`plu:${p.plu}`] : []), ...p.rcnItems.map((r) => `rcn:${r}`)];
}

/** Multi-row INSERTs are ~10× faster than one statement per row through sqlite3's thread pool. */
async function insertMany(tx: Tx, table: string, columns: string[], rows: Param[][]): Promise<void> {
  const perStatement = Math.floor(900 / columns.length); // SQLite's default variable limit is 999+
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const placeholders = chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
    await tx.run(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${placeholders}`, chunk.flat());
  }
}

export class CatalogRepository {
  constructor(private readonly db: Database) {}

  async load(): Promise<Catalog> {
    const [products, promotions, members, currency] = await Promise.all([
      this.db.all<{ data: string }>('SELECT data FROM products ORDER BY id'),
      this.db.all<{ data: string }>('SELECT data FROM promotions ORDER BY id'),
      this.db.all<{ data: string }>('SELECT data FROM members ORDER BY id'),
      this.db.get<{ value: string }>("SELECT value FROM catalog_meta WHERE key = 'currency'"),
    ]);
    return {
      currency: currency?.value ?? 'DKK',
      products: products.map((r) => JSON.parse(r.data) as Product),
      promotions: promotions.map((r) => JSON.parse(r.data) as Promotion),
      members: members.map((r) => JSON.parse(r.data) as Member),
    };
  }

  /** Replaces the given sections in one transaction: all of it lands, or none. */
  replace(catalog: Partial<Catalog>, importedAt: string): Promise<void> {
    return this.db.tx(async (tx) => {
      if (catalog.products) {
        await tx.run('DELETE FROM product_codes');
        await tx.run('DELETE FROM products');
        await insertMany(tx, 'products', ['id', 'data'], catalog.products.map((p) => [p.id, JSON.stringify(p)]));
        const codes = catalog.products.flatMap((p) => productCodes(p).map((c): Param[] => [c, p.id]));
        await insertMany(tx, 'product_codes', ['code', 'product_id'], codes);
      }
      if (catalog.promotions) {
        await tx.run('DELETE FROM promotions');
        await insertMany(tx, 'promotions', ['id', 'data'], catalog.promotions.map((p) => [p.id, JSON.stringify(p)]));
      }
      if (catalog.members) {
        await tx.run('DELETE FROM members');
        const rows = catalog.members.map((m): Param[] => [m.id, m.cardNumber, JSON.stringify(m)]);
        await insertMany(tx, 'members', ['id', 'card_number', 'data'], rows);
      }
      if (catalog.currency) await this.setMeta(tx, 'currency', catalog.currency);
      await this.setMeta(tx, 'imported_at', importedAt);
    });
  }

  private async setMeta(tx: Tx, key: string, value: string) {
    await tx.run('INSERT INTO catalog_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
  }
}
