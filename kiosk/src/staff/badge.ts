// Whether a scanned code is a staff badge rather than an item: it starts with the store's badge prefix (pure).

/**
 * A badge is the prefix followed by at least one character, exactly as the hub's own-code rules read it.
 * No prefix (a hub that has not said one) means no badges: every code goes to the basket as before.
 */
export function isStaffBadge(code: string, prefix: string | undefined): boolean {
  if (!prefix) return false;
  const scanned = code.trim();
  return scanned.length > prefix.length && scanned.startsWith(prefix);
}
