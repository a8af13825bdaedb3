// Types of y4m.mjs, for the TypeScript tests that share it.
export interface Rgba {
  width: number;
  height: number;
  rgba: Uint8Array;
}
export function decodePng(png: Buffer): Rgba;
export function flattenOnWhite(image: Rgba): { width: number; height: number; rgb: Uint8Array };
export function renderBarcode(spec: Record<string, unknown>): Promise<Buffer>;
export function frameSizeFor(image: { width: number; height: number }): { width: number; height: number };
export function writeFakeCameraY4M(
  png: Buffer,
  file: string,
  size?: { width: number; height: number },
  options?: { background?: 'white' | 'mean' },
): { width: number; height: number };
