// The baseline: a bare Socket.IO server that acks every lane:scan at once, on the same machine and load as the hub.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('lane:scan', (payload, ack) => ack({ ok: true, data: { added: 'line', lineId: 'L1', echo: payload.code } }));
  socket.on('lane:cancel', (_payload, ack) => ack({ ok: true, data: null }));
});
http.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: http.address().port })));
process.on('SIGTERM', () => process.exit(0));
