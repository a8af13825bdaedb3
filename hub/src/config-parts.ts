/** Parts of the hub's configuration: lanes and their devices, printers, bottle deposit, the restaurant. */
import { z } from 'zod';

export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only');

/** An ESC/POS printer on the network (port 9100 by default). */
export const printerSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(9100),
    timeoutMs: z.number().int().min(100).max(60_000).default(3000),
    /** Characters per line: 48 for 80 mm paper, 32 for 58 mm. */
    width: z.number().int().min(24).max(64).default(48),
  })
  .strict();

/** The store's lanes, each with its mode and devices. */
export const lanesSchema = z
  .array(
    z
      .object({
        id,
        name: z.string().min(1),
        /** checkout: a self-checkout lane; order: a restaurant ordering kiosk; counter: where staff take orders' payments. */
        mode: z.enum(['checkout', 'order', 'counter']).default('checkout'),
        /** The lane's card terminal: Adyen Terminal API, local integration, encrypted with a shared key. */
        terminal: z
          .object({
            kind: z.literal('adyen'),
            endpoint: z.url({ protocol: /^https$/ }),
            poiId: z.string().regex(/^[A-Za-z0-9]+-\d+$/, "'<model>-<serial>', e.g. V400m-324688179"),
            keyIdentifier: z.string().min(1),
            keyVersion: z.number().int().min(0),
            passphrase: z.string().min(8),
            caCertPath: z.string().min(1),
            timeoutMs: z.number().int().min(1000).max(600_000).default(150_000),
          })
          .strict()
          .optional(),
        /** The lane's ESC/POS receipt printer on the network (port 9100 by default). */
        printer: printerSchema.optional(),
        /** The lane's checkout scale, speaking MT-SICS over TCP (a serial-to-Ethernet adapter or the scale's own port). */
        scale: z
          .object({
            host: z.string().min(1),
            port: z.number().int().min(1).max(65535).default(4001),
            timeoutMs: z.number().int().min(100).max(10_000).default(1000),
            /** How long a weight may move before the kiosk is told to let it settle. */
            stableWithinMs: z.number().int().min(100).max(10_000).default(2000),
          })
          .strict()
          .optional(),
      })
      .strict(),
  )
  .default([]);

/** Bottle and can deposit (pant): the amount of each class, and the reverse vending machine's vouchers. */
export const depositSchema = z
  .object({
    /** Øre per unit of each class; products name their class. Denmark: A 1 kr, B 1,50 kr, C 3 kr. */
    classes: z.record(z.string().regex(/^[A-Z]{1,3}$/), z.number().int().min(1).max(100_000)).default({ A: 100, B: 150, C: 300 }),
    vatRate: z.number().int().min(0).max(10_000).default(2500),
    /** Voucher barcodes: EAN-13 starting with `prefix`, the amount in øre in the `amountDigits` digits before the check digit. */
    voucher: z
      .object({ prefix: z.string().regex(/^\d{1,4}$/).default('98'), amountDigits: z.number().int().min(3).max(7).default(5) })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

/** Restaurant ordering: the menu, order numbers, the kitchen and the order-status board. */
export const restaurantSchema = z
  .object({
    /** The menu as JSON (see docs/restaurant.md); the demo's burger menu with --demo. */
    menuFile: z.string().min(1).optional(),
    /** A folder of item pictures served at /menu-images/ (the menu names them /menu-images/<file>). */
    imagesDir: z.string().min(1).optional(),
    /** Order numbers run from…to each day, wrapping round; numbers still open are skipped. */
    orderNumbers: z
      .object({ from: z.number().int().min(0).max(99_999).default(1), to: z.number().int().min(1).max(99_999).default(999) })
      .strict()
      .refine((r) => r.to - r.from >= 9, 'a range of at least 10 numbers')
      .prefault({}),
    kitchen: z
      .object({
        /** An order in the kitchen this long turns amber, then red. */
        warnAfterSeconds: z.number().int().min(10).max(7200).default(300),
        lateAfterSeconds: z.number().int().min(10).max(7200).default(600),
        /** A station's ticket printer: each order's items for that station are printed there. */
        printers: z.partialRecord(z.enum(['grill', 'fryer', 'drinks', 'cold']), printerSchema).default({}),
      })
      .strict()
      .prefault({}),
    /** A ready order leaves the board (counted as collected) after this long. */
    readySeconds: z.number().min(1).max(86_400).default(900),
  })
  .strict()
  .prefault({});
