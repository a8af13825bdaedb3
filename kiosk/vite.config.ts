// Vite build of the kiosk: served by the hub at /kiosk/; @selfserve/shared and @selfserve/ui compile from their TS source.
import { appConfig } from '@selfserve/ui/vite';

export default appConfig('/kiosk/');
