"""server.py: waits for one call on 127.0.0.1:PORT, hears one line, answers it, hangs up.

    python3 server.py [PORT] [--hold SECONDS] [--no-read]
"""
import argparse
import socket
import sys
import time

parser = argparse.ArgumentParser(description="A one-call TCP server for the lab.")
parser.add_argument("port", nargs="?", type=int, default=5000, help="port to listen on (default 5000)")
parser.add_argument("--hold", type=float, default=0, metavar="SECONDS",
                    help="wait this long before hanging up (to watch CLOSE_WAIT)")
parser.add_argument("--no-read", action="store_true",
                    help="answer without reading; on Linux the close then sends RST")
args = parser.parse_args()
if not 1 <= args.port <= 65535:
    parser.error(f"PORT must be from 1 to 65535, got {args.port}")

try:
    # socket(): get a phone.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Keep our number even while an old call on it is still in TIME_WAIT.
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # bind(): get a number that callers can dial.
    listener.bind(("127.0.0.1", args.port))
    # listen(): plug in the line. The socket is now in LISTEN.
    listener.listen(8)
except OSError as error:
    sys.exit(f"server: cannot listen on 127.0.0.1:{args.port}: {error.strerror}")
print(f"server: listening on 127.0.0.1:{args.port} (LISTEN)", flush=True)

# accept(): pick up. The kernel has already done the handshake;
# we get a new socket for this one caller.
conn, (peer_host, peer_port) = listener.accept()
print(f"server: call from {peer_host}:{peer_port} (ESTABLISHED)", flush=True)

try:
    if args.no_read:
        time.sleep(1)  # let the greeting arrive, so it sits unread when we hang up
        line = "(not listening)"
    else:
        # recv(): listen until the caller ends a sentence, or hangs up (recv returns b"").
        data = b""
        while b"\n" not in data and len(data) < 255:
            chunk = conn.recv(255 - len(data))
            if not chunk:
                break
            data += chunk
        line = data.decode("utf-8", "replace").rstrip("\r\n")
        print(f'server: heard "{line}"', flush=True)

    # sendall(): answer.
    conn.sendall(f"hello, you said: {line}\n".encode())

    if args.hold > 0:
        print(f"server: holding the line for {args.hold:g} s", flush=True)
        time.sleep(args.hold)
except OSError as error:
    sys.exit(f"server: the call failed: {error.strerror}")
finally:
    # close(): hang up. This sends FIN (or RST, if unread data is waiting).
    conn.close()
    listener.close()
print("server: hung up", flush=True)
