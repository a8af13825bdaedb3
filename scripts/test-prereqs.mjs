// Makes sure what the tests need from Debian is here: Chromium for the browser tests, nats-server for the NATS tests.
// As root it installs what is missing with apt-get; otherwise it stops with the exact command to run.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Debian installs nats-server in /usr/sbin, which a non-root PATH often lacks; tests/helpers/nats.ts looks there too.
const needed = [
  { bins: ['/usr/bin/chromium'], pkg: 'chromium' },
  { bins: ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'], command: 'nats-server', pkg: 'nats-server' },
];
const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const missing = needed.filter((n) => !n.bins.some((b) => existsSync(b)) && !(n.command && onPath(n.command))).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
if (process.getuid?.() === 0) {
  console.log(`Installing what the tests need: ${missing.join(', ')}`);
  execSync(command, { stdio: 'inherit', shell: '/bin/bash', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} else {
  console.error(`The tests need ${missing.join(', ')} from Debian. Run as root:\n  ${command}`);
  process.exit(1);
}
