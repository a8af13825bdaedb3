import { describe, expect, it } from 'vitest';
import type { SnapshotLine } from '../protocol/snapshot.js';
import { buildReceipt } from './build.js';
import { ReceiptError } from './document.js';
import type { ReceiptInput } from './input.js';
import { receiptToText } from './layout.js';

function line(overrides: Partial<SnapshotLine> & Pick<SnapshotLine, 'lineId' | 'name' | 'grossPrice'>): SnapshotLine {
  return {
    productId: overrides.lineId,
    code: '5700000000000',
    requiredAge: null,
    priceOverridden: false,
    quantity: 1,
    unit: 'each',
    unitPrice: overrides.grossPrice,
    memberPrice: false,
    discounts: [],
    paidPrice: overrides.grossPrice,
    vatRate: 2500,
    ...overrides,
  };
}

/** A Danish sale: porridge 3 for 2, weighed bananas, a euro gift card; 25 % VAT throughout. */
function danishSale(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    store: { name: 'Købmand Ærø', address: 'Søndergade 5, 5970 Ærøskøbing', cvr: '12345678' },
    laneName: 'Kasse 3',
    transactionId: 'S-20250305-0042',
    transactionNumber: 42,
    time: '2025-03-05T13:32:00Z',
    timeZone: 'Europe/Copenhagen',
    locale: 'da-DK',
    currency: 'DKK',
    lines: [
      line({
        lineId: 'l1',
        name: { da: 'Blåbærgrød', en: 'Blueberry porridge' },
        quantity: 3,
        unitPrice: 2495,
        grossPrice: 7485,
        discounts: [{ campaignId: 'c-3for2', amount: 2495 }],
        paidPrice: 4990,
      }),
      line({ lineId: 'l2', name: { da: 'Bananer' }, unit: 'kg', weightGrams: 532, unitPrice: 2500, grossPrice: 1330 }),
      line({ lineId: 'l3', name: { da: 'Gavekort 10 € (rejse)' }, grossPrice: 7500 }),
      line({ lineId: 'l4', name: { da: 'Økologisk hvedemel med ekstra lang beskrivelse fra leverandøren' }, grossPrice: 123450 }),
    ],
    adjustments: [
      { campaignId: 'c-3for2', kind: 'multibuy', name: { da: 'Tag 3 betal for 2', en: '3 for 2' }, amount: 2495, allocations: [{ lineId: 'l1', amount: 2495 }] },
    ],
    totals: {
      currency: 'DKK',
      gross: 209765,
      discount: 2495,
      total: 207270,
      vat: [{ rate: 2500, gross: 207270, vat: 41454, net: 165816 }],
      itemCount: 6,
    },
    payment: { method: 'card', brand: 'Dankort', maskedPan: '**** **** **** 1234', authCode: '123456' },
    ...overrides,
  };
}

const text = (input: ReceiptInput) => receiptToText(buildReceipt(input)).join('\n');

describe('a Danish receipt', () => {
  it('shows the store, its CVR number, the lane, the number and the local time', () => {
    const out = text(danishSale());
    expect(out).toContain('Købmand Ærø');
    expect(out).toContain('Søndergade 5, 5970 Ærøskøbing');
    expect(out).toContain('CVR-nr. 12345678');
    expect(out).toContain('Kasse: Kasse 3');
    expect(out).toContain('Bon nr. 42');
    expect(out).toContain('05.03.2025 14:32'); // 13:32 UTC is 14:32 in Copenhagen in winter
  });

  it('shows each line with quantity × unit price or weight × price per kg and its gross', () => {
    const out = text(danishSale());
    expect(out).toMatch(/^Blåbærgrød$/m);
    expect(out).toMatch(/^ {2}3 × 24,95 kr\. +74,85$/m);
    expect(out).toMatch(/^ {2}0,532 kg × 25,00 kr\.\/kg +13,30$/m);
    expect(out).toMatch(/^Gavekort 10 € \(rejse\) +75,00$/m);
  });

  it('shows each discount under its line with the campaign name', () => {
    expect(text(danishSale())).toMatch(/^ {2}Tag 3 betal for 2 +-24,95$/m);
  });

  it('shows subtotal, discount, total and the VAT per rate with its net, formatted exactly from øre', () => {
    const out = text(danishSale());
    expect(out).toMatch(/^Subtotal +2\.097,65$/m);
    expect(out).toMatch(/^Rabat i alt +-24,95$/m);
    expect(out).toMatch(/^I ALT DKK +2\.072,70$/m);
    expect(out).toMatch(/^Moms 25 % \(netto 1\.658,16\) +414,54$/m);
  });

  it('shows the payment with brand, masked card and authorisation code', () => {
    const out = text(danishSale());
    expect(out).toMatch(/^Betalt med Dankort +2\.072,70$/m);
    expect(out).toContain('**** **** **** 1234');
    expect(out).toContain('Godk.kode: 123456');
  });

  it('ends with a Code 128 barcode of the transaction id and the id in text', () => {
    const doc = buildReceipt(danishSale());
    const at = doc.blocks.findIndex((b) => b.kind === 'barcode');
    expect(doc.blocks[at]).toEqual({ kind: 'barcode', data: 'S-20250305-0042' });
    expect(doc.blocks[at + 1]).toMatchObject({ kind: 'text', text: 'S-20250305-0042' });
  });

  it('speaks English when the receipt language is English', () => {
    const out = text(danishSale({ locale: 'en-GB' }));
    expect(out).toContain('Blueberry porridge');
    expect(out).toMatch(/^ {2}3 for 2 +-24\.95$/m);
    expect(out).toMatch(/^TOTAL DKK +2,072\.70$/m);
    expect(out).toMatch(/^VAT 25 % \(net 1,658\.16\) +414\.54$/m);
    expect(out).toContain('05/03/2025 14:32');
  });

  it('keeps æ, ø, å and € as they are', () => {
    const out = text(danishSale());
    for (const word of ['Blåbærgrød', 'Ærøskøbing', 'Økologisk', '10 €', 'Tak for besøget!']) expect(out).toContain(word);
  });
});

describe('a receipt never prints a card number', () => {
  it.each(['4571 9912 3456 1234', '457199******1234', '**** **** **** 12345'])('refuses %s', (pan) => {
    const input = danishSale({ payment: { method: 'card', brand: 'Visa', maskedPan: pan } });
    expect(() => buildReceipt(input)).toThrow(ReceiptError);
    expect(() => buildReceipt(input)).toThrow(/must not be printed/);
  });

  it('accepts the last four digits as terminals give them', () => {
    for (const pan of ['**** **** **** 1234', 'XXXXXXXXXXXX1234', '************']) {
      const input = danishSale({ payment: { method: 'card', brand: 'Visa', maskedPan: pan } });
      expect(text(input)).toContain(pan);
    }
  });
});

describe('a receipt fits its paper', () => {
  it.each([48, 42, 32])('no line is wider than %i characters, and long names wrap instead of being lost', (width) => {
    const lines = receiptToText(buildReceipt(danishSale({ width })));
    for (const l of lines.filter((l) => !l.startsWith('['))) expect(l.length).toBeLessThanOrEqual(width);
    const joined = lines.map((l) => l.trim()).join(' ');
    expect(joined).toContain('beskrivelse');
    expect(joined).toContain('leverandøren');
    expect(lines.some((l) => l.endsWith('1.234,50'))).toBe(true);
  });

  it('refuses a transaction id a barcode cannot carry', () => {
    expect(() => buildReceipt(danishSale({ transactionId: 'bon-æ' }))).toThrow(ReceiptError);
    expect(() => buildReceipt(danishSale({ transactionId: '' }))).toThrow(ReceiptError);
  });

  it('turns control characters in catalog names into spaces, so a name cannot command the printer', () => {
    const sale = danishSale();
    sale.lines = [line({ lineId: 'x', name: { da: 'Kaffe\x1dV\x00' }, grossPrice: 100 })];
    for (const l of receiptToText(buildReceipt(sale))) expect(l).not.toMatch(/[\x00-\x1f]/);
  });
});
