#!/usr/bin/env node
/** The staff command line: creates the first manager, whose one-time PIN is printed once. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from './clock.js';
import { Database } from './storage/db.js';
import { staffRepository } from './storage/staff.repository.js';
import { StaffError, StaffService, type Staff } from './services/staff/index.js';

const USAGE = `usage: selfserve-staff create-manager --db FILE --number N --name "NAME" [--force]
  --db FILE    the hub's SQLite database file
  --number N   the staff number typed at a lane (digits)
  --name NAME  the manager's name
  --force      create one even though an active manager already exists`;

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
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals[0] !== 'create-manager' || positionals.length !== 1 || !values.db || !values.number || !values.name) {
    console.error(USAGE);
    return 2;
  }
  const db = await Database.open(values.db);
  try {
    const result = await createManager(db, { number: values.number, name: values.name, force: values.force });
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
