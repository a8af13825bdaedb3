/** Symbology identifiers (ISO/IEC 15424 "]Cm" prefixes) that scanners put before the data. */

/** Symbologies whose data is a GS1 element string (FNC1 in first position). */
const GS1_SYMBOLOGIES = new Set([']C1', ']e0', ']e1', ']e2', ']d2', ']Q3', ']J1']);

/** EAN/UPC: ]E0 EAN-13, UPC-A or UPC-E; ]E3 main code with add-on; ]E4 EAN-8. */
export const EAN_13_OR_UPC = ']E0';
export const EAN_WITH_ADD_ON = ']E3';
export const EAN_8 = ']E4';

export interface Symbology {
  /** The identifier as sent, e.g. ']C1'; undefined when the input had none. */
  id: string | undefined;
  data: string;
}

/** Splits a leading "]" + code letter + modifier character off the data. */
export function splitSymbology(input: string): Symbology {
  const match = /^\][A-Za-z][0-9A-Za-z]/.exec(input);
  if (!match) return { id: undefined, data: input };
  return { id: match[0], data: input.slice(3) };
}

export function isGs1Symbology(id: string | undefined): boolean {
  return id !== undefined && GS1_SYMBOLOGIES.has(id);
}

export function isEanSymbology(id: string | undefined): boolean {
  return id === EAN_13_OR_UPC || id === EAN_WITH_ADD_ON || id === EAN_8 || id === ']E1' || id === ']E2';
}
