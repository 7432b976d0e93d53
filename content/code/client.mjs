// client.mjs: dials 127.0.0.1:PORT, says hello, hears the answer, hangs up.
//
//   node client.mjs [PORT] [--hold SECONDS] [--abort]
//
//   --hold N   stay on the line N seconds after the answer, saying what the server does meanwhile
//              (to watch CLOSE_WAIT with ss -tan)
//   --abort    hang up with RST instead of FIN (SO_LINGER with a zero timeout)
//
// client.c and client.py do the same and print the same lines.
import net from 'node:net';

function fail(message, code = 1) {
  console.error(`client: ${message}`);
  process.exit(code);
}

function number(text = '', low, high, what) {
  if (!/^[0-9]+$/.test(text) || Number(text) < low || Number(text) > high) {
    fail(`${what} must be a number from ${low} to ${high}, got "${text}"`, 2);
  }
  return Number(text);
}

let port = 5000;
let hold = 0;
let abort = false;
const args = process.argv.slice(2);
while (args.length > 0) {
  const arg = args.shift();
  if (arg === '--hold') hold = number(args.shift(), 0, 3600, '--hold');
  else if (arg === '--abort') abort = true;
  else if (!arg.startsWith('-')) port = number(arg, 1, 65535, 'PORT');
  else fail(`unknown option ${arg}\nusage: client [PORT] [--hold SECONDS] [--abort]`, 2);
}

let stage = 'dialling'; // then 'talking', then 'heard'
let watching = false; // while holding the line: say what the server does
let reply = '';

// createConnection() is socket() + connect(): dial. 'connect' fires after the handshake.
// allowHalfOpen: when the server hangs up, stay on the line until we decide (CLOSE_WAIT).
const sock = net.createConnection({ host: '127.0.0.1', port, allowHalfOpen: true }, () => {
  stage = 'talking';
  console.log(`client: connected from 127.0.0.1:${sock.localPort} to 127.0.0.1:${port} (ESTABLISHED)`);
  sock.write('hello from the client\n'); // write(): say hello
});

// 'data' events are read(): listen for the answer, up to the end of the line.
sock.setEncoding('utf8');
sock.on('data', (chunk) => {
  if (stage === 'heard') {
    if (watching) console.log(`client: the server says ${Buffer.byteLength(chunk)} more bytes`);
    return;
  }
  reply += chunk;
  if (reply.includes('\n') || reply.length >= 299) heard();
});
sock.on('end', () => {
  if (stage === 'talking') heard(); // the server hung up in mid-sentence
  if (watching) console.log('client: the server has hung up (end of file)');
  watching = false; // nothing more can arrive
});
sock.on('error', (error) => {
  if (stage === 'dialling' && error.code === 'ECONNREFUSED') {
    fail(`connection refused (ECONNREFUSED): nobody is listening on 127.0.0.1:${port}; start the server first`);
  }
  if (stage !== 'heard') fail(`${error.syscall} failed: ${error.code}`);
  if (watching) console.log(`client: the line is dead: ${error.code}`);
  watching = false;
});

function heard() {
  stage = 'heard';
  console.log(`client: heard "${reply.split('\n')[0]}"`);
  if (hold > 0) console.log(`client: holding the line for ${hold} s`);
  watching = hold > 0;
  setTimeout(hangUp, hold * 1000);
}

function hangUp() {
  // resetAndDestroy() sets a zero linger time and closes: RST, no FIN, no TIME_WAIT.
  // destroy() is close(): hang up. This sends FIN, or RST if received data was never read.
  if (abort && !sock.destroyed) sock.resetAndDestroy();
  else sock.destroy();
  console.log('client: hung up');
}
