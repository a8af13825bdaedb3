/** The files in deploy/: shell scripts parse, systemd units verify, the kiosk launcher asks for the right things. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPLOY = join(ROOT, 'deploy');
const scripts = readdirSync(DEPLOY).filter((f) => f.endsWith('.sh'));
const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;
const launcher = (...args: string[]) => execFileSync('bash', [join(DEPLOY, 'kiosk-browser.sh'), ...args], { encoding: 'utf8', env: { ...process.env, CHROMIUM: 'chromium' } });

describe('deploy scripts', () => {
  it.each(scripts)('%s parses (bash -n)', (script) => {
    const result = spawnSync('bash', ['-n', join(DEPLOY, script)], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(scripts.filter((s) => s !== 'backup.sh'))('%s answers --help', (script) => {
    expect(execFileSync('bash', [join(DEPLOY, script), '--help'], { encoding: 'utf8' })).toMatch(/usage/i);
  });
});

describe.skipIf(!hasSystemdAnalyze)('systemd units (skipped: systemd-analyze is not installed)', () => {
  function verify(file: string): { status: number | null; output: string } {
    const r = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  }

  it('the hub unit passes systemd-analyze verify', () => {
    expect(verify(join(DEPLOY, 'selfserve-hub.service'))).toEqual({ status: 0, output: '' });
  });

  it('a screen unit from the template passes systemd-analyze verify', () => {
    // The template runs the launcher from /opt/selfserve; here it is run from the repository.
    const dir = mkdtempSync(join(tmpdir(), 'selfserve-units-'));
    try {
      const unit = join(dir, 'selfserve-screen@lane-1.service');
      writeFileSync(unit, readFileSync(join(DEPLOY, 'selfserve-screen@.service'), 'utf8').replaceAll('/opt/selfserve/', ROOT));
      expect(verify(unit)).toEqual({ status: 0, output: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the kiosk browser launcher', () => {
  it('starts Chromium as a kiosk: no first-run, no translate prompt, sounds play without a tap', () => {
    const command = launcher('--print-command', 'https://hub.lan:3000/kiosk/?lane=lane-1');
    for (const flag of ['--kiosk', '--no-first-run', '--disable-translate', '--autoplay-policy=no-user-gesture-required']) expect(command).toContain(flag);
    expect(command).toMatch(/--disable-features=Translate/);
  });

  it('allows the camera for the hub\'s origin by policy, never for every page', () => {
    expect(launcher('--print-command', 'https://hub.lan:3000/kiosk/')).not.toContain('--use-fake-ui-for-media-stream');
    const policy = JSON.parse(launcher('--print-policy', 'https://hub.lan:3000/kiosk/?lane=lane-1')) as Record<string, unknown>;
    expect(policy).toMatchObject({ VideoCaptureAllowedUrls: ['https://hub.lan:3000'], AutoplayAllowlist: ['https://hub.lan:3000'], TranslateEnabled: false });
  });

  it('--install-policy writes the policy file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfserve-policy-'));
    try {
      execFileSync('bash', [join(DEPLOY, 'kiosk-browser.sh'), '--install-policy', 'https://10.0.0.5:3000/display/?mode=lane&lane=lane-1'], { env: { ...process.env, POLICY_DIR: dir } });
      expect(JSON.parse(readFileSync(join(dir, 'selfserve.json'), 'utf8'))).toMatchObject({ VideoCaptureAllowedUrls: ['https://10.0.0.5:3000'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses something that is not an http(s) URL', () => {
    expect(spawnSync('bash', [join(DEPLOY, 'kiosk-browser.sh'), 'file:///etc/passwd']).status).toBe(2);
  });
});

describe('the install script', () => {
  it('--dry-run shows every step and the commands it would run, without root', () => {
    const out = execFileSync('bash', [join(DEPLOY, 'install.sh'), '--dry-run', '--no-start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    for (let n = 1; n <= 8; n++) expect(out).toContain(`==> ${n}.`);
    expect(out).toContain('$ useradd --system');
    expect(out).toContain('$ systemctl enable selfserve-hub.service');
    expect(out).not.toContain('$ systemctl restart');
  });
});
