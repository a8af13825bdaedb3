/** Which origins may talk to the hub from a browser: its own, and those the configuration allows. */

export const isOwnOrigin = (origin: string, host: string | undefined): boolean =>
  host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);

export const originAllowed = (origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean =>
  !origin || isOwnOrigin(origin, host) || allowed.includes(origin);
