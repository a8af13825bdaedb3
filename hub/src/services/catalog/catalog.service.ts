/** The catalog in memory: lookups by code in microseconds, replaced whole after an import. */
import { parseBarcode, type Catalog, type Member, type OwnCodePrefixes, type Product, type Promotion } from '@selfserve/shared';
import { CatalogRepository, productCodes } from '../../storage/catalog.repository.js';
import { importCsv, importJson, type ImportResult } from './import.js';
import type { Clock } from '../../clock.js';

export interface CatalogCounts {
  products: number;
  promotions: number;
  members: number;
}

export class CatalogService {
  private byId = new Map<string, Product>();
  private byCode = new Map<string, Product>();
  private memberByCard = new Map<string, Member>();
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
  memberByCardId(id: string): Member | undefined {
    return this.memberByCard.get(id);
  }

  /** By the id of a scanned coupon; returns the code as the catalog writes it, for pricing. */
  couponById(id: string): (Promotion & { kind: 'coupon' }) | undefined {
    return this.promotionList.find((p): p is Promotion & { kind: 'coupon' } => p.kind === 'coupon' && this.ownCodeId(p.code, 'coupon') === id);
  }

  /** Parses, validates and stores a catalog file; nothing changes unless every row is good. */
  async import(text: string, format: 'json' | 'csv'): Promise<ImportResult & { counts?: CatalogCounts }> {
    const result = format === 'csv' ? importCsv(text) : importJson(text);
    if (!result.ok) return result;
    await this.repo.replace(result.catalog, this.clock.now().toISOString());
    await this.load();
    return { ...result, counts: this.counts() };
  }

  private index(catalog: Catalog): void {
    this.byId = new Map(catalog.products.map((p) => [p.id, p]));
    this.byCode = new Map(catalog.products.flatMap((p) => productCodes(p).map((c) => [c, p] as const)));
    this.memberByCard = new Map(catalog.members.map((m) => [this.ownCodeId(m.cardNumber, 'loyalty'), m]));
    this.promotionList = catalog.promotions;
    this.currencyCode = catalog.currency;
  }
}
