// Where the simulator's test-only TLS files live, found the same way from hub/src and hub/dist.
import { fileURLToPath } from 'node:url';

// This module sits at hub/{src,dist}/devices/payment/simulator/, so four levels up is hub/ either way.
export const SIMULATOR_CERTS_DIR = fileURLToPath(
  new URL('../../../../src/devices/payment/simulator/certs/', import.meta.url),
);
export const SIMULATOR_CA_PATH = `${SIMULATOR_CERTS_DIR}ca.pem`;
export const SIMULATOR_CERT_PATH = `${SIMULATOR_CERTS_DIR}terminal.pem`;
export const SIMULATOR_KEY_PATH = `${SIMULATOR_CERTS_DIR}terminal-key.pem`;
