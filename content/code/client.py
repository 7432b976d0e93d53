"""client.py: dials 127.0.0.1:PORT, says hello, hears the answer, hangs up.

    python3 client.py [PORT] [--hold SECONDS] [--abort]

    --hold N   stay on the line N seconds after the answer, saying what the server does meanwhile
               (to watch CLOSE_WAIT with ss -tan)
    --abort    hang up with RST instead of FIN (SO_LINGER with a zero timeout)

client.c and client.mjs do the same and print the same lines.
"""
import errno
import select
import socket
import struct
import sys
import time


def fail(message, code=1):
    print(f"client: {message}", file=sys.stderr)
    sys.exit(code)


def errname(error):
    """The symbolic name of an error, as the lessons write them (ECONNRESET)."""
    return errno.errorcode.get(error.errno, error.strerror)


def number(text, low, high, what):
    if not (text.isdecimal() and low <= int(text) <= high):
        fail(f'{what} must be a number from {low} to {high}, got "{text}"', 2)
    return int(text)


def hold_line(sock, seconds):
    """Keep the line open for `seconds`, saying what the server does meanwhile: recv() returning
    b"" means its FIN has arrived (we are in CLOSE_WAIT), an error means a RST."""
    print(f"client: holding the line for {seconds} s", flush=True)
    end = time.monotonic() + seconds
    watching = True
    while (left := end - time.monotonic()) > 0:
        if not watching:
            time.sleep(left)
            break
        readable, _, _ = select.select([sock], [], [], left)
        if not readable:
            continue
        try:
            more = sock.recv(256)
        except OSError as error:
            print(f"client: the line is dead: {errname(error)}", flush=True)
            watching = False  # nothing more can arrive
            continue
        if more:
            print(f"client: the server says {len(more)} more bytes", flush=True)
        else:
            print("client: the server has hung up (end of file)", flush=True)
            watching = False


port, hold, abort = 5000, 0, False
args = iter(sys.argv[1:])
for arg in args:
    if arg == "--hold":
        hold = number(next(args, ""), 0, 3600, "--hold")
    elif arg == "--abort":
        abort = True
    elif not arg.startswith("-"):
        port = number(arg, 1, 65535, "PORT")
    else:
        fail(f"unknown option {arg}\nusage: client [PORT] [--hold SECONDS] [--abort]", 2)

# socket(): get a phone. No bind(): the kernel lends us a port when we dial.
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    # connect(): dial. Returns once the three-way handshake is done.
    sock.connect(("127.0.0.1", port))
except ConnectionRefusedError:
    fail(f"connection refused (ECONNREFUSED): nobody is listening on 127.0.0.1:{port}; start the server first")
except OSError as error:
    fail(f"connect failed: {errname(error)}")
my_port = sock.getsockname()[1]
print(f"client: connected from 127.0.0.1:{my_port} to 127.0.0.1:{port} (ESTABLISHED)", flush=True)

# sendall(): say hello, until every byte is in the send buffer.
try:
    sock.sendall(b"hello from the client\n")
except OSError as error:
    fail(f"write failed: {errname(error)}")

# recv(): listen for the answer, up to the end of the line, or until the server hangs up.
data = b""
while b"\n" not in data and len(data) < 299:
    try:
        chunk = sock.recv(299 - len(data))
    except OSError as error:
        fail(f"read failed: {errname(error)}")
    if not chunk:
        break
    data += chunk
reply = data.split(b"\n")[0].decode("utf-8", "replace")
print(f'client: heard "{reply}"', flush=True)

if hold > 0:
    hold_line(sock, hold)

if abort:
    # A zero linger time makes close() drop the call with RST: no FIN, no TIME_WAIT.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
# close(): hang up. This sends FIN, or RST if received data was never read.
sock.close()
print("client: hung up", flush=True)
