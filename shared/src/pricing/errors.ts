/** The one error the pricing engine throws, with a code the hub can answer with. */

export type PricingErrorCode = 'unknown-product' | 'invalid-line' | 'invalid-input';

/** Thrown for input the hub should have refused: an unknown product or an impossible line. */
export class PricingError extends Error {
  override readonly name = 'PricingError';

  constructor(
    readonly code: PricingErrorCode,
    message: string,
  ) {
    super(message);
  }
}
