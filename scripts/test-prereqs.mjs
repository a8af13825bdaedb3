// Makes sure what the tests need from Debian is here: Chromium for the browser tests.
// As root it installs what is missing with apt-get; otherwise it stops with the exact command to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [{ bin: '/usr/bin/chromium', pkg: 'chromium' }];
const missing = needed.filter((n) => !existsSync(n.bin)).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
if (process.getuid?.() === 0) {
  console.log(`Installing what the tests need: ${missing.join(', ')}`);
  execSync(command, { stdio: 'inherit', shell: '/bin/bash', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} else {
  console.error(`The tests need ${missing.join(', ')} from Debian. Run as root:\n  ${command}`);
  process.exit(1);
}
