/** Catalog tables: products with their lookup codes, promotions and members, replaced atomically. */
import type { Catalog, CatalogDelta, Member, Product, Promotion } from '@selfserve/shared';
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
  replace(catalog: Partial<Catalog>, importedAt: string, version?: number): Promise<void> {
    return this.db.tx(async (tx) => {
      if (version !== undefined) await this.setVersion(tx, version);
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

  inTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.tx(fn);
  }

  /** The catalog version head office last sent (0 before any versioned import). */
  async version(tx: Tx): Promise<number> {
    return Number((await tx.get<{ value: string }>("SELECT value FROM catalog_meta WHERE key = 'version'"))?.value ?? 0);
  }

  setVersion(tx: Tx, version: number): Promise<void> {
    return this.setMeta(tx, 'version', String(version));
  }

  /** Which product each of these lookup codes belongs to now. */
  async codeOwners(tx: Tx, codes: string[]): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    for (let i = 0; i < codes.length; i += 500) {
      const chunk = codes.slice(i, i + 500);
      const rows = await tx.all<{ code: string; productId: string }>(`SELECT code, product_id AS productId FROM product_codes WHERE code IN (${chunk.map(() => '?').join(',')})`, chunk);
      for (const r of rows) owners.set(r.code, r.productId);
    }
    return owners;
  }

  /** Applies a delta's catalog part inside the caller's transaction. */
  async applyDelta(tx: Tx, delta: CatalogDelta, at: string): Promise<void> {
    const removeProducts = [...delta.remove.products, ...delta.upsert.products.map((p) => p.id)];
    for (const id of removeProducts) {
      await tx.run('DELETE FROM product_codes WHERE product_id = ?', [id]);
      await tx.run('DELETE FROM products WHERE id = ?', [id]);
    }
    await insertMany(tx, 'products', ['id', 'data'], delta.upsert.products.map((p) => [p.id, JSON.stringify(p)]));
    await insertMany(tx, 'product_codes', ['code', 'product_id'], delta.upsert.products.flatMap((p) => productCodes(p).map((c): Param[] => [c, p.id])));
    for (const id of [...delta.remove.promotions, ...delta.upsert.promotions.map((p) => p.id)]) await tx.run('DELETE FROM promotions WHERE id = ?', [id]);
    await insertMany(tx, 'promotions', ['id', 'data'], delta.upsert.promotions.map((p) => [p.id, JSON.stringify(p)]));
    for (const id of [...delta.remove.members, ...delta.upsert.members.map((m) => m.id), ...delta.erase]) await tx.run('DELETE FROM members WHERE id = ?', [id]);
    await insertMany(tx, 'members', ['id', 'card_number', 'data'], delta.upsert.members.map((m): Param[] => [m.id, m.cardNumber, JSON.stringify(m)]));
    for (const c of delta.consent) {
      await tx.run("UPDATE members SET data = json_set(data, '$.marketingConsent', json(?)) WHERE id = ?", [c.marketing ? 'true' : 'false', c.memberId]);
    }
    await this.setVersion(tx, delta.version);
    await this.setMeta(tx, 'imported_at', at);
  }

  private async setMeta(tx: Tx, key: string, value: string) {
    await tx.run('INSERT INTO catalog_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
  }
}
