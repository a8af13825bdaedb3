/** The catalog in memory: lookups by code in microseconds, replaced whole after an import. */
import { catalogDeltaSchema, parseBarcode, type Catalog, type CatalogItem, type Member, type PromotionSummary, type OwnCodePrefixes, type Product, type Promotion } from '@selfserve/shared';
import { CatalogRepository, productCodes } from '../../storage/catalog.repository.js';
import { checkProducts, importCsv, importJson, withGtin14, type ImportIssue } from './import.js';
import { privacyRepository } from '../../storage/privacy.repository.js';
import type { Clock } from '../../clock.js';

export type ImportOutcome = { ok: true; applied: boolean; version: number | null; counts: CatalogCounts } | { ok: false; stale?: true; issues: ImportIssue[] };

export type DeltaResult =
  | { ok: true; applied: boolean; version: number; erased: string[]; counts: CatalogCounts }
  | { ok: false; stale?: true; issues: ImportIssue[] };

export interface CatalogCounts {
  products: number;
  promotions: number;
  members: number;
}

export class CatalogService {
  private byId = new Map<string, Product>();
  private byCode = new Map<string, Product>();
  private memberByCard = new Map<string, Member>();
  private memberByPhone = new Map<string, Member>();
  private memberById = new Map<string, Member>();
  private promotionList: Promotion[] = [];
  private currencyCode = 'DKK';

  constructor(
    private readonly repo: CatalogRepository,
    private readonly clock: Clock,
    private readonly ownPrefixes: OwnCodePrefixes,
  ) {}

  /** The id a card or coupon is known by, whichever way it was written ('LOY-1000-0001', 'loy10000001'). */
  ownCodeId(code: string, kind: 'loyalty' | 'coupon'): string {
    const parsed = parseBarcode(code, { ownPrefixes: this.ownPrefixes, allowPlu: false });
    return parsed.ok && parsed.kind === kind ? parsed.id : code.trim().toUpperCase();
  }

  async load(): Promise<void> {
    this.index(await this.repo.load());
  }

  get currency(): string {
    return this.currencyCode;
  }

  get promotions(): readonly Promotion[] {
    return this.promotionList;
  }

  counts(): CatalogCounts {
    return { products: this.byId.size, promotions: this.promotionList.length, members: this.memberByCard.size };
  }

  product(id: string): Product | undefined {
    return this.byId.get(id);
  }

  byGtin14(gtin14: string): Product | undefined {
    return this.byCode.get(`gtin:${gtin14}`);
  }

  byPlu(plu: string): Product | undefined {
    return this.byCode.get(`plu:${plu}`);
  }

  byRcnItem(item: string): Product | undefined {
    return this.byCode.get(`rcn:${item}`);
  }

  /** By the id of a scanned loyalty card. */
  member(id: string): Member | undefined {
    return this.memberById.get(id);
  }

  memberByCardId(id: string): Member | undefined {
    return this.memberByCard.get(id);
  }

  /** By phone number: digits only; a Danish 8-digit number also matches with its country code 45. */
  memberByPhoneNumber(phone: string): Member | undefined {
    const digits = phone.replace(/\D/g, '');
    return this.memberByPhone.get(digits) ?? (digits.length === 8 ? this.memberByPhone.get(`45${digits}`) : undefined);
  }

  /**
   * Items by name (accents and case ignored), or with `withoutBarcode` the items sold by PLU only
   * (the picture grid). Sorted by department, then name.
   */
  search(query: string, options: { withoutBarcode?: boolean | undefined; limit?: number | undefined } = {}): CatalogItem[] {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const out: CatalogItem[] = [];
    for (const p of this.byId.values()) {
      if (options.withoutBarcode && (p.gtins.length > 0 || p.rcnItems.length > 0 || !p.plu)) continue;
      const code = p.plu ?? p.gtins[0];
      if (!code) continue;
      const names = fold(Object.values(p.name).join(' '));
      if (!words.every((w) => names.includes(w))) continue;
      out.push({ productId: p.id, name: p.name, price: p.price, unit: p.unit, code, image: p.image ?? null, department: p.department });
    }
    out.sort((a, b) => a.department.localeCompare(b.department, 'da') || a.name.da.localeCompare(b.name.da, 'da'));
    return out.slice(0, options.limit ?? 60);
  }

  /** Campaigns valid at `now` that apply without a code (coupons are left out), for displays. */
  livePromotions(now: Date): PromotionSummary[] {
    const t = now.getTime();
    return this.promotionList
      .filter((p) => p.kind !== 'coupon')
      .filter((p) => (!p.validFrom || Date.parse(p.validFrom) <= t) && (!p.validTo || Date.parse(p.validTo) >= t))
      .map((p) => ({ campaignId: p.id, name: p.name, kind: p.kind, memberOnly: p.memberOnly }));
  }

  /** By the id of a scanned coupon; returns the code as the catalog writes it, for pricing. */
  couponById(id: string): (Promotion & { kind: 'coupon' }) | undefined {
    return this.promotionList.find((p): p is Promotion & { kind: 'coupon' } => p.kind === 'coupon' && this.ownCodeId(p.code, 'coupon') === id);
  }

  /** Parses, validates and stores a catalog file; nothing changes unless every row is good. */
  /** A whole catalog (or whole sections of it); with a version, one not newer than the store's is not applied. */
  async import(text: string, format: 'json' | 'csv', version?: number): Promise<ImportOutcome> {
    if (version !== undefined) {
      const current = await this.repo.inTx((tx) => this.repo.version(tx));
      if (version === current) return { ok: true, applied: false, version, counts: this.counts() };
      if (version < current) return { ok: false, stale: true, issues: [{ line: null, path: 'version', message: `version ${version} is older than the store's ${current}` }] };
    }
    const result = format === 'csv' ? importCsv(text) : importJson(text);
    if (!result.ok) return result;
    await this.repo.replace(result.catalog, this.clock.now().toISOString(), version);
    await this.load();
    return { ok: true, applied: true, version: version ?? null, counts: this.counts() };
  }

  /**
   * Applies head office's delta, all of it or nothing: a version not newer than the store's is not applied
   * again (the same version answers `applied: false`; an older one is refused); a product code already
   * taken by another product is named. Consent changes and erasures take effect at once, also for events
   * not yet sent (`pseudonym` gives the member's pseudonym, or null without a key).
   */
  async applyDelta(input: unknown, pseudonym: (memberId: string) => string | null): Promise<DeltaResult> {
    const parsed = catalogDeltaSchema.safeParse(input);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, 100).map((i) => ({ line: null, path: i.path.join('.'), message: i.message })) };
    const delta = { ...parsed.data, upsert: { ...parsed.data.upsert, products: parsed.data.upsert.products.map(withGtin14) } };
    const crossIssues = checkProducts(delta.upsert.products, () => null).map((i) => ({ ...i, path: i.path.replace(/^products\[(\d+)\]/, 'upsert.products.$1') }));
    if (crossIssues.length) return { ok: false, issues: crossIssues };
    const outcome = await this.repo.inTx(async (tx) => {
      const current = await this.repo.version(tx);
      if (delta.version < current) return { ok: false as const, stale: current };
      if (delta.version === current) return { ok: true as const, applied: false };
      const replaced = new Set([...delta.remove.products, ...delta.upsert.products.map((p) => p.id)]);
      const codes = delta.upsert.products.flatMap((p) => productCodes(p).map((code) => ({ code, id: p.id })));
      const owners = await this.repo.codeOwners(tx, codes.map((c) => c.code));
      const taken = codes.filter((c) => owners.has(c.code) && owners.get(c.code) !== c.id && !replaced.has(owners.get(c.code)!));
      if (taken.length) return { ok: false as const, taken };
      await this.repo.applyDelta(tx, delta, this.clock.now().toISOString());
      for (const c of delta.consent) {
        const p = c.marketing ? null : pseudonym(c.memberId);
        if (p) await privacyRepository.withdrawFromOutbox(tx, p);
      }
      for (const id of delta.erase) await privacyRepository.forgetMember(tx, id, pseudonym(id));
      return { ok: true as const, applied: true };
    });
    if (!outcome.ok) {
      if ('stale' in outcome) return { ok: false, stale: true, issues: [{ line: null, path: 'version', message: `version ${delta.version} is older than the store's ${outcome.stale}` }] };
      return { ok: false, issues: outcome.taken.slice(0, 100).map((t) => ({ line: null, path: 'upsert.products', message: `code ${t.code} of ${t.id} already belongs to another product` })) };
    }
    if (outcome.applied) await this.load();
    return { ok: true, applied: outcome.applied, version: delta.version, erased: delta.erase, counts: this.counts() };
  }

  private index(catalog: Catalog): void {
    this.byId = new Map(catalog.products.map((p) => [p.id, p]));
    this.byCode = new Map(catalog.products.flatMap((p) => productCodes(p).map((c) => [c, p] as const)));
    this.memberByCard = new Map(catalog.members.map((m) => [this.ownCodeId(m.cardNumber, 'loyalty'), m]));
    this.memberByPhone = new Map(catalog.members.flatMap((m) => (m.phone ? [[m.phone, m] as const] : [])));
    this.memberById = new Map(catalog.members.map((m) => [m.id, m]));
    this.promotionList = catalog.promotions;
    this.currencyCode = catalog.currency;
  }
}

/** Lower case without accents, so "blabaer" and "æble" still find what a shopper means. */
function fold(text: string): string {
  return text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'aa').normalize('NFD').replace(/\p{M}/gu, '');
}
