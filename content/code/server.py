"""server.py: waits for one call on 127.0.0.1:PORT, hears one line, answers it, hangs up.

    python3 server.py [PORT] [--hold SECONDS] [--no-read]

    --hold N   stay on the line N seconds after answering, saying what the caller does meanwhile
               (to watch CLOSE_WAIT with ss -tan)
    --no-read  answer without listening first; hanging up with the greeting unread sends RST

server.c and server.mjs do the same and print the same lines.
"""
import errno
import select
import socket
import sys
import time


def fail(message, code=1):
    print(f"server: {message}", file=sys.stderr)
    sys.exit(code)


def errname(error):
    """The symbolic name of an error, as the lessons write them (ECONNRESET)."""
    return errno.errorcode.get(error.errno, error.strerror)


def number(text, low, high, what):
    if not (text.isdecimal() and low <= int(text) <= high):
        fail(f'{what} must be a number from {low} to {high}, got "{text}"', 2)
    return int(text)


def hold_line(conn, seconds, watching):
    """Keep the line open for `seconds`. If `watching`, say what the caller does meanwhile:
    recv() returning b"" means its FIN has arrived, an error means a RST."""
    print(f"server: holding the line for {seconds} s", flush=True)
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if not watching:
            time.sleep(left)
            break
        readable, _, _ = select.select([conn], [], [], left)
        if not readable:
            continue
        try:
            more = conn.recv(256)
        except OSError as error:
            print(f"server: the line is dead: {errname(error)}", flush=True)
            watching = False  # nothing more can arrive
            continue
        if more:
            print(f"server: the caller says {len(more)} more bytes", flush=True)
        else:
            print("server: the caller has hung up (end of file)", flush=True)
            watching = False


port, hold, listen_first = 5000, 0, True
args = iter(sys.argv[1:])
for arg in args:
    if arg == "--hold":
        hold = number(next(args, ""), 0, 3600, "--hold")
    elif arg == "--no-read":
        listen_first = False
    elif not arg.startswith("-"):
        port = number(arg, 1, 65535, "PORT")
    else:
        fail(f"unknown option {arg}\nusage: server [PORT] [--hold SECONDS] [--no-read]", 2)

# socket(): get a phone.
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# Keep our number even while an old call on it is still in TIME_WAIT.
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    # bind(): get a number that callers can dial.
    listener.bind(("127.0.0.1", port))
    # listen(): plug in the line, with room for 8 callers waiting. The socket is now in LISTEN.
    listener.listen(8)
except OSError as error:
    fail(f"cannot listen on 127.0.0.1:{port}: {errname(error)}")
print(f"server: listening on 127.0.0.1:{port} (LISTEN)", flush=True)

# accept(): pick up. The kernel has already done the handshake; we get a new socket for
# this one caller. Later callers wait in the listener's queue until we hang up.
conn, (peer_host, peer_port) = listener.accept()
print(f"server: call from {peer_host}:{peer_port} (ESTABLISHED)", flush=True)

if listen_first:
    # recv(): listen until the caller ends a sentence, or hangs up (recv returns b"").
    data = b""
    while b"\n" not in data and len(data) < 255:
        try:
            chunk = conn.recv(255 - len(data))
        except OSError as error:
            fail(f"read failed: {errname(error)}")
        if not chunk:
            break
        data += chunk
    line = data.split(b"\n")[0].decode("utf-8", "replace").removesuffix("\r")
    print(f'server: heard "{line}"', flush=True)
else:
    time.sleep(1)  # let the greeting arrive, so that it sits unread when we hang up
    line = "(not listening)"

# sendall(): answer, until every byte is in the send buffer.
try:
    conn.sendall(f"hello, you said: {line}\n".encode())
except OSError as error:
    fail(f"write failed: {errname(error)}")

if hold > 0:
    hold_line(conn, hold, listen_first)

# close(): hang up. This sends FIN, or RST if received data was never read. Closing the
# listener resets any caller still waiting in its queue.
conn.close()
listener.close()
print("server: hung up", flush=True)
