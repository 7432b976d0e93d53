// client.mjs: dials 127.0.0.1:PORT, says hello, hears the answer, hangs up.
//   node client.mjs [PORT] [--hold SECONDS] [--abort]
import net from 'node:net';

const args = process.argv.slice(2);
const holdAt = args.indexOf('--hold');
const hold = holdAt >= 0 ? Number(args.splice(holdAt, 2)[1]) : 0;
const abortAt = args.indexOf('--abort');
const abort = abortAt >= 0 && args.splice(abortAt, 1).length === 1;
const port = args.length > 0 ? Number(args[0]) : 5000;
if (!Number.isInteger(port) || port < 1 || port > 65535 || !(hold >= 0) || args.length > 1) {
  console.error('usage: node client.mjs [PORT] [--hold SECONDS] [--abort]   (PORT from 1 to 65535)');
  process.exit(2);
}

let serverHungUp = false;
// createConnection() is socket() + connect(): dial. 'connect' fires after the handshake.
// allowHalfOpen: when the server hangs up, stay on the line until we decide (CLOSE_WAIT).
const sock = net.createConnection({ host: '127.0.0.1', port, allowHalfOpen: true }, () => {
  console.log(`client: connected from 127.0.0.1:${sock.localPort} to 127.0.0.1:${port} (ESTABLISHED)`);
  sock.write('hello from the client\n'); // write(): say hello
});
let data = '';
sock.setEncoding('utf8');
sock.on('data', (chunk) => {
  if (data.includes('\n')) return;
  data += chunk;
  if (!data.includes('\n')) return;
  console.log(`client: heard "${data.split('\n')[0]}"`);
  if (hold > 0) console.log(`client: holding the line for ${hold} s`);
  setTimeout(() => {
    if (hold > 0) console.log(serverHungUp ? 'client: the server has hung up' : 'client: the server is still on the line');
    if (abort) sock.resetAndDestroy(); // hang up with RST: no FIN, no TIME_WAIT
    else sock.end(() => sock.destroy()); // close(): hang up with FIN, then let go of the socket
    console.log('client: hung up');
  }, hold * 1000);
});
sock.on('end', () => (serverHungUp = true)); // the server's FIN arrived
sock.on('error', (error) => {
  if (error.code === 'ECONNREFUSED') {
    console.error(`client: connection refused: nobody is listening on 127.0.0.1:${port}; start the server first`);
  } else console.error(`client: the call failed: ${error.message}`);
  process.exit(1);
});
