/** Builders for small test catalogs with valid codes. */
import { gtinCheckDigit, type CatalogInput, type ProductInput, type Promotion } from '@selfserve/shared';

/** A GTIN-13 with its check digit, from 12 digits. */
export const ean13 = (first12: string) => `${first12}${gtinCheckDigit(first12)}`;

export const MILK = ean13('570000000001');
export const COLA = ean13('570000000002');
export const BEER = ean13('570000000003');
export const CHIPS = ean13('570000000004');
/** A bottle of water with a class A deposit (pant, 1 kr). */
export const WATER = ean13('570000000005');
/** A deposit-return voucher worth 4,50 kr, as the reverse vending machine prints it (prefix 98, 5 amount digits). */
export const voucher = (id: string, amount: number) => ean13(`98${id.padStart(5, '0')}${String(amount).padStart(5, '0')}`);

export function product(over: Partial<ProductInput> & { id: string }): ProductInput {
  return { name: { da: over.id, en: over.id }, price: 1000, department: 'kolonial', ...over };
}

export function testCatalog(extra: { promotions?: Promotion[] } = {}): CatalogInput {
  return {
    currency: 'DKK',
    products: [
      product({ id: 'milk', name: { da: 'Letmælk 1 l', en: 'Semi-skimmed milk 1 l' }, gtins: [MILK], price: 1295, department: 'mejeri' }),
      product({ id: 'cola', name: { da: 'Cola 1,5 l', en: 'Cola 1.5 l' }, gtins: [COLA], price: 2000, memberPrice: 1800, department: 'drikkevarer' }),
      product({ id: 'beer', name: { da: 'Pilsner', en: 'Lager' }, gtins: [BEER], price: 800, ageCategory: 'alcohol', abv: 46, department: 'oel-og-vin' }),
      product({ id: 'chips', name: { da: 'Chips', en: 'Crisps' }, gtins: [CHIPS], price: 2500, department: 'slik' }),
      product({ id: 'water', name: { da: 'Kildevand 0,5 l', en: 'Spring water 0.5 l' }, gtins: [WATER], price: 1000, deposit: 'A', department: 'drikkevarer' }),
      product({ id: 'bananas', name: { da: 'Bananer', en: 'Bananas' }, plu: '4011', unit: 'kg', price: 2200, department: 'frugt' }),
      product({ id: 'minced-beef', name: { da: 'Hakket oksekød', en: 'Minced beef' }, rcnItems: ['213504'], price: 0, department: 'koed' }),
      product({ id: 'cheese-deli', name: { da: 'Ost fra disken', en: 'Deli cheese' }, rcnItems: ['262357'], unit: 'kg', price: 14000, department: 'deli' }),
    ],
    promotions: [
      { id: 'c-cola-3for2', kind: 'n-for-m', name: { da: 'Cola 3 for 2' }, target: { productIds: ['cola'] }, buy: 3, pay: 2 },
      { id: 'c-welcome', kind: 'coupon', name: { da: 'Velkommen 10 %' }, code: 'CPN-WELCOME10', percent: 1000, minTotal: 5000 },
      ...(extra.promotions ?? []),
    ] as CatalogInput['promotions'],
    members: [{ id: 'm1', cardNumber: 'LOY10000001', name: 'Test Member', phone: '4512345678' }],
  };
}
