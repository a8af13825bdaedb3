// The terminal simulator's public API; run directly (node hub/dist/devices/payment/simulator/index.js --port 8443) for the demo.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startTerminalSimulator } from './server.js';

export {
  startTerminalSimulator, type SimOutcome, type SimReversalOutcome, type SimulatorOptions, type TerminalSimulator,
} from './server.js';
export type { Json, SimReversal, SimTransaction } from './responses.js';
export { SIMULATOR_CA_PATH, SIMULATOR_CERTS_DIR } from './certs.js';

/** The demo's shared key; a simulator secret, never a real terminal's. */
export const DEMO_TERMINAL_KEY = { keyIdentifier: 'SelfserveDemo', keyVersion: 1, passphrase: 'selfserve-demo-passphrase' };
export const DEMO_POI_ID = 'V400m-324688179';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8443' }, default: { type: 'string', default: 'approve' } },
  });
  const sim = await startTerminalSimulator({ ...DEMO_TERMINAL_KEY, port: Number(values.port), poiId: DEMO_POI_ID });
  const fallback = values.default === 'decline' ? 'decline' : 'approve';
  sim.setDefault(fallback);
  console.log(`terminal simulator ${sim.poiId} at ${sim.url} (every payment: ${fallback})`);
  console.log(`shared key: identifier ${DEMO_TERMINAL_KEY.keyIdentifier}, version ${DEMO_TERMINAL_KEY.keyVersion}, passphrase ${DEMO_TERMINAL_KEY.passphrase}`);
  console.log(`CA certificate (test only): ${sim.caCertPath}`);
  const stop = (): void => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
