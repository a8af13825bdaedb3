// The one entry of @selfserve/ui: browser code the kiosk and display apps share.
export { useLaneConnection } from './device/connection.js';
export { type ConnectionStatus, type HubConnectionHooks, useHubConnection } from './device/hubConnection.js';
export type { LaneState } from './device/laneState.js';
export { audioRunning, primeAudio } from './device/audio.js';
export { newIdempotencyKey } from './device/key.js';
export { type AckOf, type HubSocket, type PayloadOf, type RequestEvent, request } from './device/socket.js';
export { useFormat } from './format/useFormat.js';
export { DEFAULT_LANGUAGE, LANGUAGES, type Language, intlLocale } from './i18n/languages.js';
export { uiMessages } from './i18n/messages.js';
export { type PairFailure, PairingError, autoPair, pairWithCode, storeDeviceToken } from './device/pairing.js';
export { type DeviceLane, type DeviceLaneOptions, type Problem, useDeviceLane } from './common/problem.js';
export type { Bilingual } from './common/pairTexts.js';
export { default as ConnectionBadge } from './common/ConnectionBadge.vue';
export { default as DevicePairing } from './common/DevicePairing.vue';
export { default as ModalDialog } from './common/ModalDialog.vue';
export { default as BasketPanel } from './basket/BasketPanel.vue';
export { default as LineRow } from './basket/LineRow.vue';
