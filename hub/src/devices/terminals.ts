/** Each lane's payment terminal from the configuration. */
import type { Config } from '../config.js';
import { AdyenTerminal, type PaymentTerminal } from './payment/index.js';

export function terminalsFromConfig(config: Config): Map<string, PaymentTerminal> {
  const terminals = new Map<string, PaymentTerminal>();
  for (const lane of config.lanes) {
    const t = lane.terminal;
    if (!t) continue;
    terminals.set(
      lane.id,
      new AdyenTerminal({
        endpoint: t.endpoint,
        poiId: t.poiId,
        saleId: `${config.store.id}-${lane.id}`,
        key: { identifier: t.keyIdentifier, version: t.keyVersion, passphrase: t.passphrase },
        caCertPath: t.caCertPath,
        timeoutMs: t.timeoutMs,
      }),
    );
  }
  return terminals;
}
