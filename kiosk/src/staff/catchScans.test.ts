// A receipt scanned while staff have a return open goes to the return: the page's own scanner listener never hears its Enter.
import { describe, expect, it } from 'vitest';
import { catchScans } from './catchScans.js';

/** Key events as a wedge scanner sends them (a few ms apart, then Enter), on a plain EventTarget. */
function burst(target: EventTarget, code: string, from = 1000, gap = 5): void {
  [...code, 'Enter'].forEach((key, i) => {
    const e = new Event('keydown', { cancelable: true });
    Object.defineProperty(e, 'key', { value: key });
    Object.defineProperty(e, 'timeStamp', { value: from + i * gap });
    target.dispatchEvent(e);
  });
}

function page(take: (code: string) => boolean) {
  const target = new EventTarget();
  const taken: string[] = [];
  const stop = catchScans(target as unknown as Window, (code) => take(code) && (taken.push(code), true));
  // The page's own listener, added after (it mounts after the staff store is made): what reaches the basket.
  const heard: string[] = [];
  target.addEventListener('keydown', (e) => (e as Event & { key: string }).key === 'Enter' && heard.push('Enter'), { capture: true });
  return { target, taken, heard, stop };
}

describe('scans while staff work at the lane', () => {
  it('a scan taken by the return stops there', () => {
    const p = page(() => true);
    burst(p.target, 'demo-koebmand-000012');
    expect(p.taken).toEqual(['demo-koebmand-000012']);
    expect(p.heard).toEqual([]);
  });

  it('a scan nobody takes goes on to the page, as before', () => {
    const p = page(() => false);
    burst(p.target, '5700000000014');
    expect(p.heard).toEqual(['Enter']);
  });

  it('typing by hand is no scan: its Enter goes on to the page', () => {
    const p = page(() => true);
    burst(p.target, '123456', 1000, 200);
    expect(p.taken).toEqual([]);
    expect(p.heard).toEqual(['Enter']);
  });

  it('stops listening when told', () => {
    const p = page(() => true);
    p.stop();
    burst(p.target, 'demo-koebmand-000012');
    expect(p.taken).toEqual([]);
    expect(p.heard).toEqual(['Enter']);
  });
});
