// Danish texts of the kiosk (the store's default language); the English file must have the same keys.
import { uiMessages } from '@selfserve/ui';
import type { CameraErrorKind } from '../scanner/camera.js';
import type { KioskErrorCode } from '../stores/lane.js';

export const da = {
  ...uiMessages.da,
  app: { title: 'Selvbetjening' },
  language: { switchTo: 'English', label: 'Change language to English' },
  scan: {
    label: 'Scan eller indtast stregkode',
    placeholder: 'Stregkode eller PLU',
    submit: 'Tilføj',
    hint: 'Scan en vare med scanneren, eller skriv koden og tryk Enter.',
  },
  camera: {
    start: 'Brug kamera',
    stop: 'Stop kamera',
    preview: 'Kameraets billede',
    starting: 'Starter kameraet …',
    hint: 'Hold stregkoden foran kameraet.',
    errors: {
      denied: 'Kameraet må ikke bruges. Giv adgang til kameraet, eller brug scanneren.',
      'no-camera': 'Der er intet kamera. Brug scanneren, eller skriv koden.',
      'in-use': 'Kameraet bruges af et andet program. Brug scanneren, eller prøv igen om lidt.',
      unsupported: 'Kameraet kan ikke bruges i denne browser. Brug scanneren.',
      failed: 'Kameraet kunne ikke startes. Brug scanneren, eller prøv igen.',
    } satisfies Record<CameraErrorKind, string>,
  },
  basket: {
    title: 'Din kurv',
    empty: 'Scan din første vare for at begynde.',
    decrease: 'Fjern én {name}',
    increase: 'Tilføj én {name} mere',
    remove: 'Fjern {name} fra kurven',
    quantity: 'Antal',
  },
  totals: {
    itemCount: 'Antal varer',
    subtotal: 'Før rabat',
    discount: 'Rabat i alt',
    total: 'At betale',
    vat: 'Heraf moms {rate}',
    member: 'Medlem',
    memberIdentified: 'Identificeret',
    coupons: 'Kuponer',
  },
  pay: {
    button: 'Betal {amount}',
    state: {
      waiting: 'Følg vejledningen på betalingsterminalen.',
      checking: 'Vi tjekker betalingen med terminalen …',
      offline: 'Terminalen svarer ikke. En medarbejder er på vej.',
    },
    refused: {
      declined: 'Betalingen blev afvist. Prøv igen, eller kald på en medarbejder.',
      cancelled: 'Betalingen blev annulleret.',
      failed: 'Betalingen lykkedes ikke.',
    },
    thanks: 'Tak for dit køb!',
    receipt: 'Kvittering nr. {number}',
    reprint: 'Print kvitteringen igen',
  },
  cancel: {
    button: 'Annuller køb',
    confirm: 'Vil du annullere købet og tømme kurven?',
    yes: 'Ja, annuller',
    no: 'Nej, fortsæt',
  },
  notice: {
    lane: 'Vent venligst, en medarbejder kommer og hjælper dig.',
    ageCheck: 'En medarbejder skal kontrollere din alder, før du kan betale.',
  },
  error: { dismiss: 'Luk besked' },
  errors: {
    'bad-payload': 'Forespørgslen var ugyldig. Prøv igen.',
    'invalid-barcode': 'Stregkoden kunne ikke læses. Prøv at scanne igen.',
    'unknown-item': 'Varen findes ikke i vores sortiment. Kontakt en medarbejder.',
    'weight-required': 'Varen skal vejes. Læg den på vægten.',
    'not-sellable': 'Denne kode er ikke en vare, der kan sælges.',
    'not-found': 'Linjen findes ikke længere i kurven.',
    'not-allowed': 'Det kan ikke lade sig gøre lige nu.',
    'lane-blocked': 'Kassen venter på en medarbejder.',
    'quantity-limit': 'Antallet er over grænsen. Kontakt en medarbejder.',
    conflict: 'Handlingen blev allerede udført på en anden måde. Prøv igen.',
    unauthorized: 'Denne skærm må ikke gøre dette.',
    'rate-limited': 'For mange forsøg på kort tid. Vent et øjeblik.',
    internal: 'Der opstod en fejl. Prøv igen, eller kontakt en medarbejder.',
    timeout: 'Systemet svarede ikke i tide. Tjek kurven, og prøv igen.',
    offline: 'Ingen forbindelse til systemet. Vent et øjeblik, og prøv igen.',
  } satisfies Record<KioskErrorCode, string>,
};
