// Vite build of the displays: served by the hub at /display/; @selfserve/shared and @selfserve/ui compile from their TS source.
import { appConfig } from '@selfserve/ui/vite';

export default appConfig('/display/');
