"""client.py: dials 127.0.0.1:PORT, says hello, hears the answer, hangs up.

    python3 client.py [PORT] [--hold SECONDS] [--abort]
"""
import argparse
import socket
import struct
import sys
import time

parser = argparse.ArgumentParser(description="A one-call TCP client for the lab.")
parser.add_argument("port", nargs="?", type=int, default=5000, help="port to dial (default 5000)")
parser.add_argument("--hold", type=float, default=0, metavar="SECONDS",
                    help="stay on the line this long after the answer (to watch CLOSE_WAIT)")
parser.add_argument("--abort", action="store_true", help="hang up with RST instead of FIN")
args = parser.parse_args()
if not 1 <= args.port <= 65535:
    parser.error(f"PORT must be from 1 to 65535, got {args.port}")

# socket(): get a phone. No bind(): the kernel lends us a port when we dial.
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    # connect(): dial. Returns once the three-way handshake is done.
    sock.connect(("127.0.0.1", args.port))
except ConnectionRefusedError:
    sys.exit(f"client: connection refused: nobody is listening on 127.0.0.1:{args.port}; "
             "start the server first")
except OSError as error:
    sys.exit(f"client: cannot connect to 127.0.0.1:{args.port}: {error.strerror}")
my_port = sock.getsockname()[1]
print(f"client: connected from 127.0.0.1:{my_port} to 127.0.0.1:{args.port} (ESTABLISHED)", flush=True)

try:
    # sendall(): say hello.
    sock.sendall(b"hello from the client\n")

    # recv(): listen for the answer, up to the end of the line.
    data = b""
    while b"\n" not in data and len(data) < 299:
        chunk = sock.recv(299 - len(data))
        if not chunk:
            break  # the server hung up
        data += chunk
    print(f'client: heard "{data.decode("utf-8", "replace").rstrip()}"', flush=True)

    if args.hold > 0:
        print(f"client: holding the line for {args.hold:g} s", flush=True)
        time.sleep(args.hold)
        # Peek without waiting: b"" means the server sent FIN (we are in CLOSE_WAIT).
        sock.setblocking(False)
        try:
            more = sock.recv(1, socket.MSG_PEEK)
            print("client: the server has hung up (recv returns b'')" if not more
                  else "client: the server has more to say", flush=True)
        except BlockingIOError:
            print("client: the server is still on the line", flush=True)
        except OSError as error:
            print(f"client: the line is dead: {error.strerror}", flush=True)
except OSError as error:
    sys.exit(f"client: the call failed: {error.strerror}")

if args.abort:
    # A zero linger time makes close() drop the call with RST: no FIN, no TIME_WAIT.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
# close(): hang up.
sock.close()
print("client: hung up", flush=True)
