/** The restaurant's menu: what is on it, what is sold out or out of its hours now, and the price of a guest's selection. */
import {
  configure,
  DomainError,
  openCategoryIds,
  soldOutKey,
  type ConfiguredItem,
  type Menu,
  type MenuAvailability,
  type MenuMoment,
  type MenuView,
  type OrderSelection,
} from '@selfserve/shared';
import type { Database } from '../../storage/db.js';
import type { Clock } from '../../clock.js';
import { menuRepository } from '../../storage/menu.repository.js';
import { auditStatement, type AuditMethod } from '../staff/audit.service.js';
import { localParts } from '../insights/local-time.js';

export interface MenuServiceOptions {
  db: Database;
  clock: Clock;
  timeZone: string;
  /** The menu, or null in a store without restaurant ordering. */
  menu: Menu | null;
  /** How often the hub looks whether a category opened or closed (breakfast ends at 10:30). */
  tickMs?: number;
}

/** Who marked something sold out, for the audit log. */
export interface SoldOutBy {
  staffId: string | null;
  deviceId: string;
  method?: AuditMethod;
}

type Listener = (availability: MenuAvailability) => void;

export class MenuService {
  private soldOut = new Set<string>();
  private version = 1;
  private open: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly o: MenuServiceOptions) {}

  get menu(): Menu | null {
    return this.o.menu;
  }

  /** Reads what was sold out before a restart, and starts watching the clock for time-of-day menus. */
  async start(): Promise<void> {
    if (!this.o.menu) return;
    this.soldOut = new Set(await this.o.db.tx((tx) => menuRepository.soldOut(tx)));
    this.open = this.openNow();
    this.timer = setInterval(() => this.tick(), this.o.tickMs ?? 20_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Called with the new availability on every change (sold out, or a category opening or closing). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  view(): MenuView {
    return { menu: this.required(), availability: this.availability() };
  }

  availability(): MenuAvailability {
    return { version: this.version, soldOut: [...this.soldOut].sort(), openCategoryIds: this.open };
  }

  /** Checks and prices a guest's selection as things are now; throws a DomainError the guest can read. */
  configure(selection: OrderSelection): ConfiguredItem {
    return configure(this.required(), selection, this.moment());
  }

  /** Whether a line added earlier could still be ordered as it is. */
  orderable(item: ConfiguredItem): boolean {
    try {
      this.configure(item.selection);
      return true;
    } catch (err) {
      if (err instanceof DomainError) return false;
      throw err;
    }
  }

  /** The first line of a basket that can no longer be ordered, or null. */
  firstUnorderable<T extends { menu?: ConfiguredItem | null | undefined }>(lines: T[]): T | null {
    return lines.find((l) => l.menu && !this.orderable(l.menu)) ?? null;
  }

  async setSoldOut(key: string, soldOut: boolean, by: SoldOutBy): Promise<MenuAvailability> {
    this.checkKey(key);
    if (this.soldOut.has(key) !== soldOut) {
      const now = this.o.clock.now().toISOString();
      await this.o.db.write([
        soldOut ? menuRepository.markSoldOut(key, now, by.staffId, by.deviceId) : menuRepository.markAvailable(key),
        auditStatement(now, { actor: by.staffId, action: soldOut ? 'menu-sold-out' : 'menu-available', deviceId: by.deviceId, method: by.method, outcome: 'ok', detail: { key } }),
      ]);
      if (soldOut) this.soldOut.add(key);
      else this.soldOut.delete(key);
      this.changed();
    }
    return this.availability();
  }

  private tick(): void {
    const open = this.openNow();
    if (open.join() === this.open.join()) return;
    this.open = open;
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    const availability = this.availability();
    for (const l of this.listeners) l(availability);
  }

  private moment(): MenuMoment {
    return { minuteOfDay: localParts(this.o.clock.now(), this.o.timeZone).minuteOfDay, soldOut: this.soldOut };
  }

  private openNow(): string[] {
    return this.o.menu ? openCategoryIds(this.o.menu, this.moment().minuteOfDay) : [];
  }

  private required(): Menu {
    if (!this.o.menu) throw new DomainError('not-allowed', 'this store has no restaurant menu');
    return this.o.menu;
  }

  private checkKey(key: string): void {
    const menu = this.required();
    const known =
      menu.items.some((i) => soldOutKey.item(i.id) === key) ||
      menu.combos.some((c) => soldOutKey.combo(c.id) === key) ||
      menu.modifierGroups.some((g) => g.options.some((o) => soldOutKey.option(g.id, o.id) === key));
    if (!known) throw new DomainError('not-found', `nothing on the menu is "${key}"`);
  }
}
