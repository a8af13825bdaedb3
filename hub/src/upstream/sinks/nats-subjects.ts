/** NATS subject rules the sink and the downstream consumer share: valid tokens, event subjects, stream coverage. */

/** One subject token: no dots, wildcards or white space (NATS would split or misread them). */
export function isSubjectToken(token: string): boolean {
  return /^[^\s.*>]+$/.test(token);
}

/** A literal subject of one or more tokens, e.g. sale.completed.v1. */
export function isLiteralSubject(subject: string): boolean {
  return subject.split('.').every(isSubjectToken);
}

/** Throws a clear message when a store id is not one subject token, or a prefix not a literal subject. */
export function assertToken(what: 'store id' | 'subject prefix', token: string): void {
  const ok = what === 'store id' ? isSubjectToken(token) : isLiteralSubject(token);
  if (!ok) throw new Error(`${what} '${token}' cannot be used in NATS subjects (no spaces, '*' or '>'${what === 'store id' ? ", no '.'" : ''})`);
}

/** `<prefix>.<storeId>.<type>`, e.g. sales.demo-store.sale.completed.v1; the type keeps its dots. */
export function eventSubject(prefix: string, storeId: string, type: string): string {
  if (!isLiteralSubject(type)) throw new Error(`event type '${type}' cannot be used in a NATS subject`);
  return `${prefix}.${storeId}.${type}`;
}

/**
 * Whether every subject matched by `wanted` is matched by the stream subject `filter` too:
 * `sales.>` and `sales.*.>` cover `sales.demo-store.>`; `sales.other.>` and `sales.*` do not.
 */
export function subjectCovers(filter: string, wanted: string): boolean {
  const f = filter.split('.');
  const w = wanted.split('.');
  for (let i = 0; i < f.length; i++) {
    const token = f[i]!;
    if (token === '>') return i < w.length;
    const other = w[i];
    if (other === undefined || other === '>') return false;
    if (token === '*') continue;
    if (other === '*' || other !== token) return false;
  }
  return f.length === w.length;
}
