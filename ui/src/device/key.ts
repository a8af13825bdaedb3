// Idempotency keys for mutating events (a kiosk's intents, a station's staff actions): one fresh UUID v4 per intent, reused only to retry that intent.

/**
 * crypto.randomUUID exists only in secure contexts (https, localhost); a screen on the store LAN may load
 * the hub over plain http, where getRandomValues still works, so we build the same v4 UUID from it.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
