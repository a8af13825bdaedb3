import { describe, expect, it } from 'vitest';
import { aiLengthForStart, allAis, lookupAi } from './gs1-ai-spec.js';

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const family = (ai: string, last: number): string[] => range(0, last).map((n) => `${ai}${n}`);

describe('the GS1 application identifier table', () => {
  it('covers the common table of the GS1 General Specifications', () => {
    const required = [
      '00', '01', '02', '10', '11', '12', '13', '15', '16', '17', '20', '21', '22', '235', '240', '241', '242',
      '243', '250', '251', '253', '254', '255', '30', '37', ...range(400, 403), ...range(410, 417),
      ...range(420, 427), ...range(7001, 7010), ...range(7020, 7023), ...range(7030, 7039), '7040',
      ...range(710, 715), ...range(7230, 7239), '7240', '7241', '7242', ...range(7250, 7259),
      ...range(8001, 8013), ...range(8017, 8020), '8026', '8030', '8110', '8111', '8112', '8200', '90',
      ...range(91, 99),
    ];
    const measureFamilies = [...range(310, 316), ...range(320, 337), ...range(340, 357), ...range(360, 369)];
    for (const ai of measureFamilies) required.push(...family(ai, 5));
    for (const ai of ['390', '391', '392', '393']) required.push(...family(ai, 9));
    required.push(...family('394', 3), ...family('395', 5));
    const missing = required.filter((ai) => !lookupAi(ai));
    expect(missing).toEqual([]);
  });

  it('the first two digits of an AI fix its length, so element strings can be read without a separator after the AI', () => {
    for (const ai of allAis()) {
      expect(aiLengthForStart(ai.slice(0, 2)), ai).toBe(ai.length);
    }
  });

  it('no AI is a prefix of another', () => {
    const ais = allAis();
    for (const ai of ais) {
      expect(ais.filter((other) => other !== ai && other.startsWith(ai)), ai).toEqual([]);
    }
  });

  it('measure and amount AIs carry their decimal position in the last digit', () => {
    expect(lookupAi('3103')).toMatchObject({ title: 'NET WEIGHT (kg)', decimals: 3, fixed: true, max: 6 });
    expect(lookupAi('3922')).toMatchObject({ title: 'PRICE', decimals: 2, fixed: false, max: 15 });
    expect(lookupAi('3106')).toBeUndefined();
  });

  it('keys with a GS1 check digit are flagged, dates carry their format', () => {
    for (const ai of ['00', '01', '02', '253', '255', '402', '414', '8003', '8006', '8017', '8018']) {
      expect(lookupAi(ai)?.check, ai).toBe(true);
    }
    expect(lookupAi('10')?.check).toBe(false);
    for (const ai of ['11', '12', '13', '15', '16', '17']) expect(lookupAi(ai)?.date, ai).toBe('yymmd0');
  });

  it('formats are parsed into fixed and variable parts', () => {
    expect(lookupAi('00')).toMatchObject({ fixed: true, min: 18, max: 18 });
    expect(lookupAi('10')).toMatchObject({ fixed: false, min: 1, max: 20 });
    expect(lookupAi('253')).toMatchObject({ fixed: false, min: 13, max: 30 });
    expect(lookupAi('8006')).toMatchObject({ fixed: true, min: 18, max: 18 });
  });
});
