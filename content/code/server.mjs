// server.mjs: waits for one call on 127.0.0.1:PORT, hears one line, answers it, hangs up.
//   node server.mjs [PORT] [--hold SECONDS]
// Node's listen() does socket(), setsockopt(SO_REUSEADDR), bind() and listen() in one go.
import net from 'node:net';

const args = process.argv.slice(2);
const holdAt = args.indexOf('--hold');
const hold = holdAt >= 0 ? Number(args.splice(holdAt, 2)[1]) : 0;
const port = args.length > 0 ? Number(args[0]) : 5000;
if (!Number.isInteger(port) || port < 1 || port > 65535 || !(hold >= 0) || args.length > 1) {
  console.error('usage: node server.mjs [PORT] [--hold SECONDS]   (PORT from 1 to 65535)');
  process.exit(2);
}

// allowHalfOpen: don't hang up automatically when the caller does; we decide when.
const server = net.createServer({ allowHalfOpen: true }, (conn) => {
  // The 'connection' event is accept(): the kernel has already done the handshake.
  console.log(`server: call from ${conn.remoteAddress}:${conn.remotePort} (ESTABLISHED)`);
  server.close(); // one call only: stop taking new ones (the current call goes on)
  let data = '';
  let answered = false;
  conn.setEncoding('utf8');
  // 'data' events are read(): listen until the caller ends a sentence.
  conn.on('data', (chunk) => {
    if (data.includes('\n')) return;
    data += chunk;
    if (!data.includes('\n')) return;
    const line = data.split('\n')[0].replace(/\r$/, '');
    console.log(`server: heard "${line}"`);
    conn.write(`hello, you said: ${line}\n`); // write(): answer
    answered = true;
    if (hold > 0) console.log(`server: holding the line for ${hold} s`);
    setTimeout(() => {
      conn.end(); // close(): hang up with FIN
      console.log('server: hung up');
    }, hold * 1000);
  });
  // The caller hung up before saying anything: hang up too. After an answer, the timer does it.
  conn.on('end', () => answered || conn.end());
  conn.on('error', (error) => console.error(`server: the call failed: ${error.message}`));
});
server.on('error', (error) => {
  console.error(`server: cannot listen on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => console.log(`server: listening on 127.0.0.1:${port} (LISTEN)`));
