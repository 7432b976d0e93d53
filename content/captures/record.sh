#!/bin/sh
# Records the example captures on this machine's loopback with tcpdump, running the lab programs of
# content/code. Needs root (or CAP_NET_RAW) for tcpdump and python3. Run from this folder: sh record.sh
set -eu
code=../code

# record NAME PORT COMMAND...: capture 'tcp port PORT' on lo while COMMAND runs, then write NAME.pcap
# and its text, NAME.txt (tcpdump -n -r).
record() {
  name=$1 port=$2
  shift 2
  tcpdump -i lo -U -w "$name.pcap" "tcp port $port" 2>/dev/null &
  dump=$!
  sleep 1
  sh -c "$*" || true
  sleep 1
  kill "$dump"
  wait "$dump" || true
  tcpdump -n -r "$name.pcap" >"$name.txt" 2>/dev/null
}

# Handshake, one line each way, then both hang up, the client first.
record handshake-data-close 5101 "python3 $code/server.py 5101 & sleep 1.5; python3 $code/client.py 5101; wait"
# The server closes without reading the client's line: Linux sends RST instead of FIN.
record close-unread-rst 5102 "python3 $code/server.py 5102 --no-read & sleep 1.5; python3 $code/client.py 5102; wait"
# Nobody listens on the port: the SYN is answered with RST, ACK.
record connection-refused 5103 "python3 $code/client.py 5103"
# Half-close: the client says its line without a newline and shuts down its sending side
# (shutdown(SHUT_WR) sends FIN); the server reads to EOF, answers, and hangs up.
record half-close 5104 "python3 $code/server.py 5104 & sleep 1.5; python3 -c '
import socket
s = socket.create_connection((\"127.0.0.1\", 5104))
s.sendall(b\"hello, then I stop talking\")
s.shutdown(socket.SHUT_WR)
print(s.recv(300))
s.close()
'; wait"
