#!/usr/bin/env node
/** The staff command line: the first manager (their one-time PIN printed once) and the first attendant station's pairing code. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from './clock.js';
import { Database } from './storage/db.js';
import { staffRepository } from './storage/staff.repository.js';
import { StaffError, StaffService, type Staff } from './services/staff/index.js';
import { DevicesRepository } from './storage/devices.repository.js';
import { DeviceRegistry } from './services/devices.service.js';
import type { PairingCode } from '@selfserve/shared';

/**
 * An attendant station to pair, for the first one (later ones a manager adds in the station's manager
 * view): its one-time code is typed on the station's page.
 */
export function pairStation(db: Database, input: { name: string; minutes?: number }, clock: Clock = systemClock): Promise<PairingCode> {
  const registry = new DeviceRegistry({ db, repo: new DevicesRepository(db), clock, codeSeconds: (input.minutes ?? 15) * 60, laneIds: () => [], online: () => false });
  return registry.create({ kind: 'staff', name: input.name }, { actor: null, method: 'cli' });
}

const USAGE = `usage: selfserve-staff create-manager --db FILE --number N --name "NAME" [--force]
       selfserve-staff pair-station --db FILE --name "NAME" [--minutes M]
  --db FILE    the hub's SQLite database file
  --number N   the staff number typed at a lane (digits)
  --name NAME  the manager's name, or the station's
  --force      create one even though an active manager already exists
  --minutes M  how long the station's pairing code is valid (default 15)`;

export type CreateManagerResult =
  | { ok: true; staff: Staff; pin: string }
  | { ok: false; error: { code: 'manager-exists' | 'invalid-input' | 'duplicate'; message: string } };

/**
 * Creates a manager from the command line (audited as method 'cli', no actor). Refuses while an
 * active manager exists unless forced: after the first, managers are created by a manager.
 */
export async function createManager(
  db: Database,
  input: { number: string; name: string; force?: boolean },
  clock: Clock = systemClock,
): Promise<CreateManagerResult> {
  const managers = await db.tx((tx) => staffRepository.countActive(tx, 'manager'));
  if (managers > 0 && !input.force) {
    return { ok: false, error: { code: 'manager-exists', message: `${managers} active manager(s) already exist; a manager creates further staff, or use --force` } };
  }
  // Sign-in settings do not matter here: this service only creates.
  const staff = new StaffService({ db, clock, maxFailures: 5, lockoutSeconds: 900 });
  try {
    const created = await staff.create({ number: input.number, name: input.name, role: 'manager' }, { actor: null, method: 'cli' });
    return { ok: true, ...created };
  } catch (err) {
    if (err instanceof StaffError && err.code !== 'not-found') return { ok: false, error: { code: err.code, message: err.message } };
    throw err;
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      number: { type: 'string' },
      name: { type: 'string' },
      force: { type: 'boolean', default: false },
      minutes: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const command = positionals[0];
  const minutes = values.minutes === undefined ? 15 : Number(values.minutes);
  const valid =
    positionals.length === 1 &&
    values.db !== undefined &&
    values.name !== undefined &&
    ((command === 'create-manager' && values.number !== undefined) || (command === 'pair-station' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440));
  if (!valid) {
    console.error(USAGE);
    return 2;
  }
  const db = await Database.open(values.db!);
  try {
    if (command === 'pair-station') {
      const { device, code, expiresAt } = await pairStation(db, { name: values.name!, minutes });
      console.log(`attendant station "${device.name}" created: open /display/?mode=staff on it and type the pairing code`);
      console.log(`pairing code: ${code} (valid until ${expiresAt}, once)`);
      return 0;
    }
    const result = await createManager(db, { number: values.number!, name: values.name!, force: values.force });
    if (!result.ok) {
      console.error(result.error.message);
      return 1;
    }
    console.log(`manager ${result.staff.name} (number ${result.staff.number}) created`);
    console.log(`one-time PIN: ${result.pin}`);
    console.log('it is not stored readable and will not be shown again');
    return 0;
  } finally {
    await db.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
