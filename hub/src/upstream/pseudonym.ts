/** Member ids leave the store only as a keyed pseudonym, and only for members who consented to marketing use. */
import { createHmac } from 'node:crypto';

/** HMAC-SHA256 of the member id under the store's key (the key is configuration and never sent). */
export const pseudonymOf = (key: string, memberId: string): string => createHmac('sha256', key).update(`member:${memberId}`, 'utf8').digest('base64url');
