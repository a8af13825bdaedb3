/** Finds the line on which each element of a top-level JSON array section starts, to name bad rows by line. */

/**
 * Returns, for each top-level key whose value is an array (or "" for a top-level array), the
 * 1-based line number of each element's first character. Assumes `text` is valid JSON.
 */
export function jsonElementLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  let line = 1;
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let lastKey = '';
  let section: string | null = null; // the key of the array we are in at depth 2 (or 1 for a top-level array)
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (/\s/.test(ch)) continue;
    const arrayDepth = section === '' ? 1 : 2;
    if (section !== null && expectElement && depth === arrayDepth && ch !== ']') {
      lines.get(section)!.push(line);
      expectElement = false;
    }
    if (ch === '"') {
      inString = true;
      stringStart = i;
    } else if (ch === '[' || ch === '{') {
      depth++;
      if (ch === '[' && depth === 1) section = '';
      if (ch === '[' && depth === 2) section = lastKey;
      if (ch === '[' && (depth === 1 || depth === 2)) {
        lines.set(section!, []);
        expectElement = true;
      }
    } else if (ch === ']' || ch === '}') {
      if (depth === arrayDepth && ch === ']') section = null;
      depth--;
    } else if (ch === ',' && section !== null && depth === arrayDepth) {
      expectElement = true;
    }
  }
  return lines;
}
