/** Rules of when a category, item or combo can be ordered: time-of-day windows and sold-out marks. */
import { describe, expect, it } from 'vitest';
import demoMenuJson from '../../../hub/demo/burger-menu.json' with { type: 'json' };
import { menuSchema } from '../catalog/menu.js';
import { categoryOpenAt, comboOrderable, itemOrderable, openCategoryIds, soldOutKey } from './availability.js';

const t = (da: string) => ({ da, en: da });
const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const openAt = (window: { availableFrom?: string; availableTo?: string }, hhmm: string) => categoryOpenAt(window, minute(hhmm));

const menu = menuSchema.parse({
  categories: [
    { id: 'morgenmad', name: t('Morgenmad'), availableFrom: '07:00', availableTo: '10:30' },
    { id: 'burgere', name: t('Burgere') },
    { id: 'nat', name: t('Natmenu'), availableFrom: '22:00', availableTo: '03:00' },
  ],
  items: [
    { id: 'bolle', categoryId: 'morgenmad', name: t('Bolle'), price: 2500, station: 'cold' },
    { id: 'burger', categoryId: 'burgere', name: t('Burger'), price: 7900, station: 'grill' },
    { id: 'natburger', categoryId: 'nat', name: t('Natburger'), price: 6900, station: 'grill' },
  ],
  combos: [
    { id: 'morgenmenu', name: t('Morgenmenu'), categoryId: 'morgenmad', price: 4900, slots: [{ id: 'a', name: t('A'), itemIds: ['bolle'] }, { id: 'b', name: t('B'), itemIds: ['burger'] }] },
    { id: 'uden-kategori', name: t('Uden kategori'), price: 9900, slots: [{ id: 'a', name: t('A'), itemIds: ['burger'] }, { id: 'b', name: t('B'), itemIds: ['natburger'] }] },
  ],
});
const byId = (id: string) => menu.items.find((i) => i.id === id)!;
const comboById = (id: string) => menu.combos.find((c) => c.id === id)!;
const moment = (hhmm: string, soldOut: string[] = []) => ({ minuteOfDay: minute(hhmm), soldOut: new Set(soldOut) });

describe('time-of-day windows', () => {
  it('a category without a window is open all day', () => {
    for (const hhmm of ['00:00', '07:00', '12:00', '23:59']) expect(openAt({}, hhmm), hhmm).toBe(true);
  });

  it('a window is open from its start, up to but not at its end', () => {
    const breakfast = { availableFrom: '07:00', availableTo: '10:30' };
    expect(['06:59', '07:00', '10:29', '10:30', '12:00', '00:00'].map((h) => openAt(breakfast, h))).toEqual([false, true, true, false, false, false]);
  });

  it('a window whose end is before its start spans midnight', () => {
    const late = { availableFrom: '22:00', availableTo: '03:00' };
    expect(['21:59', '22:00', '23:59', '00:00', '02:59', '03:00', '12:00'].map((h) => openAt(late, h))).toEqual([false, true, true, true, true, false, false]);
  });

  it('a window may end at midnight', () => {
    const evening = { availableFrom: '17:00', availableTo: '00:00' };
    expect(['16:59', '17:00', '23:59', '00:00', '08:00'].map((h) => openAt(evening, h))).toEqual([false, true, true, false, false]);
  });

  it('the open categories are listed in menu order', () => {
    expect(openCategoryIds(menu, minute('08:00'))).toEqual(['morgenmad', 'burgere']);
    expect(openCategoryIds(menu, minute('12:00'))).toEqual(['burgere']);
    expect(openCategoryIds(menu, minute('01:30'))).toEqual(['burgere', 'nat']);
  });

  it('the demo menu serves breakfast from 07:00 until 10:30 and everything else all day', () => {
    const demo = menuSchema.parse(demoMenuJson);
    const all = demo.categories.map((c) => c.id);
    expect(openCategoryIds(demo, minute('08:00'))).toEqual(all);
    expect(openCategoryIds(demo, minute('12:00'))).toEqual(all.filter((id) => id !== 'morgenmad'));
  });
});

describe('what can be ordered now', () => {
  it('an item can be ordered while its category is open and it is not sold out', () => {
    expect(itemOrderable(menu, byId('bolle'), moment('08:00'))).toBe(true);
    expect(itemOrderable(menu, byId('bolle'), moment('11:00'))).toBe(false);
    expect(itemOrderable(menu, byId('natburger'), moment('23:00'))).toBe(true);
    expect(itemOrderable(menu, byId('natburger'), moment('20:00'))).toBe(false);
  });

  it('an item staff marked sold out, or sold out in the menu, cannot be ordered', () => {
    expect(itemOrderable(menu, byId('burger'), moment('12:00', [soldOutKey.item('burger')]))).toBe(false);
    expect(itemOrderable(menu, { ...byId('burger'), soldOut: true }, moment('12:00'))).toBe(false);
    // Another item's or a combo's mark does not touch it.
    expect(itemOrderable(menu, byId('burger'), moment('12:00', [soldOutKey.item('bolle'), soldOutKey.combo('burger')]))).toBe(true);
  });

  it("a combo follows its own category's window and sold-out marks; without a category it is open all day", () => {
    expect(comboOrderable(menu, comboById('morgenmenu'), moment('08:00'))).toBe(true);
    expect(comboOrderable(menu, comboById('morgenmenu'), moment('12:00'))).toBe(false);
    expect(comboOrderable(menu, comboById('morgenmenu'), moment('08:00', [soldOutKey.combo('morgenmenu')]))).toBe(false);
    expect(comboOrderable(menu, { ...comboById('morgenmenu'), soldOut: true }, moment('08:00'))).toBe(false);
    expect(comboOrderable(menu, comboById('uden-kategori'), moment('12:00'))).toBe(true);
  });

  it('sold-out keys name an item, a combo, or one option of a group', () => {
    expect([soldOutKey.item('burger'), soldOutKey.combo('burger-menu'), soldOutKey.option('ekstra', 'bacon')]).toEqual(['item:burger', 'combo:burger-menu', 'option:ekstra/bacon']);
  });
});
