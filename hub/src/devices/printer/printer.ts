/** The receipt printer as the hub sees it: print a document, ask its status, and failures staff can read. */
import type { ReceiptDocument } from '@selfserve/shared';

export interface PrinterStatus {
  state: 'ready' | 'offline' | 'cover-open' | 'paper-out' | 'unreachable';
  /** The roll is almost used up: still prints, but staff should change it soon. */
  paperNearEnd: boolean;
  /** Technical detail for the log (status bytes, socket error), not for customers. */
  detail: string;
}

export interface ReceiptPrinter {
  /** Resolves when the printer has taken the receipt; rejects with PrinterError when it cannot print. */
  print(doc: ReceiptDocument): Promise<void>;
  /** Never rejects for printer trouble: an unanswered query is the state 'unreachable'. */
  status(): Promise<PrinterStatus>;
}

/** Why a print failed. 'ready' is not a failure, so it is not a reason. */
export type PrinterFailure = Exclude<PrinterStatus['state'], 'ready'> | 'timeout';

/** What staff screens show for each failure, in Danish and English. */
export const PRINTER_MESSAGES: Record<PrinterFailure, { da: string; en: string }> = {
  offline: {
    da: 'Printeren er offline. Tjek at den er tændt og ikke viser en fejl.',
    en: 'The printer is offline. Check that it is switched on and shows no error.',
  },
  'cover-open': {
    da: 'Printerens låg er åbent. Luk låget, så kan bonen printes.',
    en: 'The printer cover is open. Close it so the receipt can print.',
  },
  'paper-out': {
    da: 'Printeren mangler papir. Sæt en ny papirrulle i.',
    en: 'The printer is out of paper. Put in a new paper roll.',
  },
  unreachable: {
    da: 'Printeren kan ikke nås. Tjek strøm og netværkskabel.',
    en: 'The printer cannot be reached. Check its power and network cable.',
  },
  timeout: {
    da: 'Printeren svarer ikke. Sluk og tænd den, og prøv igen.',
    en: 'The printer does not answer. Switch it off and on, then try again.',
  },
};

export class PrinterError extends Error {
  readonly da: string;
  readonly en: string;

  constructor(
    readonly reason: PrinterFailure,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(PRINTER_MESSAGES[reason].en, options);
    this.name = 'PrinterError';
    this.da = PRINTER_MESSAGES[reason].da;
    this.en = PRINTER_MESSAGES[reason].en;
  }
}
