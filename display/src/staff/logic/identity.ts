// What was typed or scanned into the sign-in field: a staff number, or a badge.

export type SignInIdentity = { number: string } | { badge: string };

/**
 * A code with the store's badge prefix, or anything but 1–12 digits, is a badge; 1–12 digits are a staff
 * number. A wedge scanner types the badge into the same field a person types their number into.
 */
export function signInIdentity(value: string, badgePrefix: string): SignInIdentity | null {
  const v = value.trim();
  if (!v) return null;
  if (badgePrefix && v.toUpperCase().startsWith(badgePrefix.toUpperCase())) return { badge: v };
  return /^\d{1,12}$/.test(v) ? { number: v } : { badge: v };
}
