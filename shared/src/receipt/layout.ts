/** Fitting text to a fixed number of characters: wrapping, left/right rows, and a plain-text rendering. */
import type { ReceiptBlock, ReceiptDocument } from './document.js';

/**
 * Splits text into lines of at most `width` characters, breaking at spaces where it can and inside a
 * word only when the word alone is too long. Explicit newlines are kept, and so is a paragraph's
 * indent, which its continuation lines share.
 */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const leading = /^ */.exec(paragraph)?.[0] ?? '';
    const indent = leading.length < max / 2 ? leading : '';
    const room = max - indent.length;
    let line = '';
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      let rest = word;
      while (rest.length > 0) {
        const free = line === '' ? room : room - line.length - 1;
        if (rest.length <= free) {
          line = line === '' ? rest : `${line} ${rest}`;
          rest = '';
        } else if (line !== '') {
          lines.push(indent + line);
          line = '';
        } else {
          lines.push(indent + rest.slice(0, room));
          rest = rest.slice(room);
        }
      }
    }
    lines.push(line === '' ? '' : indent + line);
  }
  return lines;
}

/**
 * Lays out a left text and a right-aligned value in lines of exactly `width` characters (the last
 * one carries the value). Unlike fractional table cells, nothing here can overflow a line.
 */
export function layoutRow(left: string, right: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width));
  const value = right.length > max ? right.slice(0, max) : right;
  if (value === '') return wrapText(left, max);
  const room = max - value.length - 1;
  if (room < 1) return [...(left === '' ? [] : wrapText(left, max)), value.padStart(max)];
  const lines = wrapText(left, room);
  const last = lines.pop() ?? '';
  return [...lines, last + ' '.repeat(max - last.length - value.length) + value];
}

/** Characters per line for a text size: double size prints at twice the width. */
export function charsPerLine(width: number, size: 'normal' | 'double' = 'normal'): number {
  return size === 'double' ? Math.floor(width / 2) : width;
}

/** The receipt as plain lines, as a printer would lay it out: for previews, logs and tests. */
export function receiptToText(doc: ReceiptDocument): string[] {
  return doc.blocks.flatMap((block) => blockLines(block, doc.width));
}

function blockLines(block: ReceiptBlock, width: number): string[] {
  switch (block.kind) {
    case 'text': {
      const room = charsPerLine(width, block.size);
      return wrapText(block.text, room).map((line) => align(line, room, block.align ?? 'left'));
    }
    case 'row':
      return layoutRow(block.left, block.right, width);
    case 'rule':
      return ['-'.repeat(width)];
    case 'qr':
      return [`[QR ${block.data}]`];
    case 'barcode':
      return [`[BARCODE ${block.data}]`];
    case 'feed':
      return Array.from({ length: Math.max(0, block.lines) }, () => '');
  }
}

function align(line: string, width: number, how: 'left' | 'center' | 'right'): string {
  if (how === 'right') return line.padStart(width);
  if (how === 'center') return ' '.repeat(Math.floor((width - line.length) / 2)) + line;
  return line;
}
