// server.mjs: waits for one call on 127.0.0.1:PORT, hears one line, answers it, hangs up.
//
//   node server.mjs [PORT] [--hold SECONDS] [--no-read]
//
//   --hold N   stay on the line N seconds after answering, saying what the caller does meanwhile
//              (to watch CLOSE_WAIT with ss -tan)
//   --no-read  answer without listening first; hanging up with the greeting unread sends RST
//
// server.c and server.py do the same and print the same lines.
import net from 'node:net';

function fail(message, code = 1) {
  console.error(`server: ${message}`);
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
let listenFirst = true;
const args = process.argv.slice(2);
while (args.length > 0) {
  const arg = args.shift();
  if (arg === '--hold') hold = number(args.shift(), 0, 3600, '--hold');
  else if (arg === '--no-read') listenFirst = false;
  else if (!arg.startsWith('-')) port = number(arg, 1, 65535, 'PORT');
  else fail(`unknown option ${arg}\nusage: server [PORT] [--hold SECONDS] [--no-read]`, 2);
}

let call = null; // the caller we answer
const queued = []; // later callers: connected by the kernel, never answered
let answered = false;
let watching = false; // while holding the line: say what the caller does

// pauseOnConnect: read nothing until we say so (with --no-read, never).
// allowHalfOpen: don't hang up by ourselves when the caller does; we decide when.
const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (conn) => {
  // A 'connection' event is accept(): the kernel has already done the handshake.
  conn.on('error', (error) => onError(conn, error));
  if (call !== null) {
    queued.push(conn);
    return;
  }
  call = conn;
  console.log(`server: call from ${conn.remoteAddress}:${conn.remotePort} (ESTABLISHED)`);
  if (!listenFirst) {
    setTimeout(() => answer('(not listening)'), 1000); // let the greeting arrive, so that it sits unread
    return;
  }
  // 'data' events are read(): listen until the caller ends a sentence, or hangs up ('end').
  let data = '';
  let heard = false;
  const hear = () => {
    heard = true;
    const line = data.split('\n')[0].replace(/\r$/, '');
    console.log(`server: heard "${line}"`);
    answer(line);
  };
  conn.setEncoding('utf8');
  conn.on('data', (chunk) => {
    if (heard) {
      if (watching) console.log(`server: the caller says ${Buffer.byteLength(chunk)} more bytes`);
      return;
    }
    data += chunk;
    if (data.includes('\n') || data.length >= 255) hear();
  });
  conn.on('end', () => {
    if (!heard) hear(); // the caller hung up in mid-sentence: answer what we heard
    if (watching) console.log('server: the caller has hung up (end of file)');
    watching = false; // nothing more can arrive
  });
  conn.resume();
});

function onError(conn, error) {
  if (conn !== call) return; // a queued caller gave up
  if (!answered) fail(`${error.syscall} failed: ${error.code}`);
  if (watching) console.log(`server: the line is dead: ${error.code}`);
  watching = false; // nothing more can arrive
}

function answer(line) {
  answered = true;
  // write(): answer. The callback runs once every byte is in the send buffer.
  call.write(`hello, you said: ${line}\n`, (error) => {
    if (error) fail(`write failed: ${error.code}`);
    setTimeout(hangUp, hold * 1000);
  });
  if (hold > 0) console.log(`server: holding the line for ${hold} s`);
  watching = hold > 0 && listenFirst;
}

function hangUp() {
  // destroy() is close(): hang up. This sends FIN, or RST if received data was never read.
  call.destroy();
  // Node has already accepted the later callers; reset them, as closing the listener of
  // server.c resets the callers still waiting in its queue.
  for (const conn of queued) conn.resetAndDestroy();
  server.close();
  console.log('server: hung up');
}

server.on('error', (error) => fail(`cannot listen on 127.0.0.1:${port}: ${error.code}`));
// listen() does socket(), setsockopt(SO_REUSEADDR), bind() and listen() in one go,
// with room for 8 callers waiting. The socket is now in LISTEN.
server.listen({ port, host: '127.0.0.1', backlog: 8 }, () => {
  console.log(`server: listening on 127.0.0.1:${port} (LISTEN)`);
});
