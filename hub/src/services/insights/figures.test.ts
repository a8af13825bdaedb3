import type { StoreInsights } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { insightsCsv } from './csv.js';
import { bucket, byReason } from './insights.service.js';
import { median, ratio, round } from './stats.js';

describe('figures', () => {
  it('the median is the middle value, or the mean of the two middle ones; none for no values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([1.5, 0.5])).toBe(1);
  });

  it('rounds half away from zero, and a share of nothing is 0', () => {
    expect(round(2.5)).toBe(3);
    expect(round(1234.5)).toBe(1235);
    expect(round(1.005, 2)).toBe(1.01);
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(5, 0)).toBe(0);
  });

  it("puts quarter hours of UTC into the store's local hours and days (Copenhagen, summer)", () => {
    const from = new Date('2024-05-31T22:00:00Z'); // 1 June 00:00 local
    const to = new Date('2024-06-02T22:00:00Z'); // 3 June 00:00 local
    const { byHour, byDay } = bucket(
      [
        { quarter: '2024-05-31T22:00', count: 1, total: 100 }, // 1 June 00:00
        { quarter: '2024-06-01T21:45', count: 2, total: 300 }, // 1 June 23:45
        { quarter: '2024-06-01T22:15', count: 1, total: 50 }, // 2 June 00:15
        { quarter: '2024-06-02T08:30', count: 4, total: 1000 }, // 2 June 10:30
      ],
      from,
      to,
      'Europe/Copenhagen',
    );
    expect(byHour).toHaveLength(24);
    expect(byHour[0]).toEqual({ hour: 0, count: 2, total: 150 });
    expect(byHour[23]).toEqual({ hour: 23, count: 2, total: 300 });
    expect(byHour[10]).toEqual({ hour: 10, count: 4, total: 1000 });
    expect(byDay).toEqual([
      { day: '2024-06-01', count: 3, total: 400 },
      { day: '2024-06-02', count: 5, total: 1050 },
    ]);
  });

  it('a half-hour zone splits a UTC hour between two local hours', () => {
    const { byHour } = bucket(
      [
        { quarter: '2024-06-01T04:15', count: 1, total: 10 }, // 09:45 in Kolkata
        { quarter: '2024-06-01T04:30', count: 1, total: 20 }, // 10:00
      ],
      new Date('2024-05-31T18:30:00Z'),
      new Date('2024-06-01T18:30:00Z'),
      'Asia/Kolkata',
    );
    expect([byHour[9], byHour[10]]).toEqual([{ hour: 9, count: 1, total: 10 }, { hour: 10, count: 1, total: 20 }]);
  });

  it('interventions by reason: the median over resolved ones only, most frequent reason first', () => {
    const t0 = '2024-06-01T10:00:00.000Z';
    const after = (s: number) => new Date(Date.parse(t0) + s * 1000).toISOString();
    expect(
      byReason([
        { reason: 'help', openedAt: t0, resolvedAt: after(30) },
        { reason: 'help', openedAt: t0, resolvedAt: after(90) },
        { reason: 'help', openedAt: t0, resolvedAt: null },
        { reason: 'age-check', openedAt: t0, resolvedAt: null },
      ]),
    ).toEqual([
      { reason: 'help', count: 3, resolvedCount: 2, medianSecondsToResolve: 60 },
      { reason: 'age-check', count: 1, resolvedCount: 0, medianSecondsToResolve: null },
    ]);
  });
});

describe('the insights CSV', () => {
  const insights: StoreInsights = {
    from: '2024-05-31T22:00:00.000Z',
    to: '2024-06-01T22:00:00.000Z',
    timeZone: 'Europe/Copenhagen',
    currency: 'DKK',
    sales: { count: 2, total: 5000, discount: 200, averageBasket: 2500, itemsPerBasket: 1.5 },
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: hour === 10 ? 2 : 0, total: hour === 10 ? 5000 : 0 })),
    byDay: [{ day: '2024-06-01', count: 2, total: 5000 }],
    topItems: [{ productId: 'milk', name: { da: 'Letmælk, 1 l', en: 'Milk "light"' }, quantity: 3, weightGrams: 0, total: 3885 }],
    campaigns: [{ campaignId: 'c1', name: { da: '=HYPERLINK("x")' }, redemptions: 1, discount: 200 }],
    members: { salesWithMember: 1, totalWithMember: 2000, share: 0.5, revenueShare: 0.4 },
    interventions: [{ reason: 'help', count: 1, resolvedCount: 0, medianSecondsToResolve: null }],
    lanes: [{ laneId: 'lane-1', name: 'Lane 1', sales: 2, total: 5000, visits: 3, cancelled: 1, busyMinutes: 12.5, utilisation: 0.0087 }],
  };

  it('is blocks with their own header rows, the section in the first column, a blank line between, CRLF and a BOM', () => {
    const csv = insightsCsv(insights);
    expect(csv.startsWith('\uFEFFsection,from,to,timeZone,currency\r\nrange,2024-05-31T22:00:00.000Z,')).toBe(true);
    const blocks = csv.slice(1).trimEnd().split('\r\n\r\n');
    expect(blocks.map((b) => b.split('\r\n')[1]!.split(',')[0])).toEqual(['range', 'sales', 'members', 'byHour', 'byDay', 'topItems', 'campaigns', 'interventions', 'lanes']);
    expect(blocks[1]).toBe('section,count,total,discount,averageBasket,itemsPerBasket\r\nsales,2,5000,200,2500,1.5');
    expect(blocks[3]!.split('\r\n')).toHaveLength(25);
    expect(blocks[5]).toBe('section,rank,productId,name,quantity,weightGrams,total\r\ntopItems,1,milk,"Letmælk, 1 l",3,0,3885');
    expect(insightsCsv(insights, 'en')).toContain('topItems,1,milk,"Milk ""light""",3,0,3885');
    // A name a spreadsheet would run as a formula is kept as text.
    expect(blocks[6]).toContain(`campaigns,c1,"'=HYPERLINK(""x"")",1,200`);
    expect(blocks[7]).toBe('section,reason,count,resolvedCount,medianSecondsToResolve\r\ninterventions,help,1,0,');
  });
});
