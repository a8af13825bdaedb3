/** The checkout scale as the hub sees it: read a weight, and failures staff can read. */

/**
 * One reading. Only a stable weight may be sold: 'moving' means it did not settle in time, and
 * 'error' is the scale itself saying it cannot weigh right now (busy, or an MT-SICS error code).
 */
export type WeightReading =
  | { state: 'stable'; grams: number }
  | { state: 'moving' }
  | { state: 'overload' | 'underload' }
  | { state: 'error'; detail: string };

export interface Scale {
  /** Resolves with what the scale says; rejects with ScaleError when it cannot be asked at all. */
  read(): Promise<WeightReading>;
}

/** Why a read failed: no connection, no answer in time, or an answer we cannot understand. */
export type ScaleFailure = 'unreachable' | 'timeout' | 'protocol';

/** What staff screens show for each failure, in Danish and English. */
export const SCALE_MESSAGES: Record<ScaleFailure, { da: string; en: string }> = {
  unreachable: {
    da: 'Vægten kan ikke nås. Tjek strøm og netværkskabel.',
    en: 'The scale cannot be reached. Check its power and network cable.',
  },
  timeout: {
    da: 'Vægten svarer ikke. Sluk og tænd den, og prøv igen.',
    en: 'The scale does not answer. Switch it off and on, then try again.',
  },
  protocol: {
    da: 'Vægten svarer med noget uforståeligt. Tjek at den er sat op til MT-SICS i kg eller g.',
    en: 'The scale answers with something we cannot read. Check that it is set up for MT-SICS in kg or g.',
  },
};

export class ScaleError extends Error {
  readonly da: string;
  readonly en: string;

  constructor(
    readonly reason: ScaleFailure,
    /** Technical detail for the log (socket error, the line received), not for customers. */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(SCALE_MESSAGES[reason].en, options);
    this.name = 'ScaleError';
    this.da = SCALE_MESSAGES[reason].da;
    this.en = SCALE_MESSAGES[reason].en;
  }
}
