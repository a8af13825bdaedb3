// Opens the station's Socket.IO connection at the page's own origin, as ui/src/device/socket.ts's openHubSocket does
// (which @selfserve/ui does not export yet); the station cannot use useLaneConnection, whose device has a lane.
import type { HandshakeAuth } from '@selfserve/shared';
import type { HubSocket } from '@selfserve/ui';
import { io } from 'socket.io-client';

export function openStationSocket(token: string): HubSocket {
  const auth: HandshakeAuth = { token };
  return io({ path: '/socket.io', auth, reconnectionDelayMax: 5000 });
}
