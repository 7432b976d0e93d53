/* server.c: waits for one call on 127.0.0.1:PORT, hears one line, answers it, hangs up.
 *
 *   cc -Wall -Wextra -o server server.c
 *   ./server [PORT] [--hold SECONDS] [--no-read]
 *
 *   --hold N   stay on the line N seconds after answering, saying what the caller does meanwhile
 *              (to watch CLOSE_WAIT with ss -tan)
 *   --no-read  answer without listening first; hanging up with the greeting unread sends RST
 *
 * server.py and server.mjs do the same and print the same lines.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* The symbolic name of the errors a call can meet, as the lessons write them. */
static const char *errname(int err) {
    switch (err) {
    case EADDRINUSE: return "EADDRINUSE";
    case EACCES: return "EACCES";
    case ECONNRESET: return "ECONNRESET";
    case EPIPE: return "EPIPE";
    case ETIMEDOUT: return "ETIMEDOUT";
    default: return strerror(err);
    }
}

static void fail(const char *call) {
    fprintf(stderr, "server: %s failed: %s\n", call, errname(errno));
    exit(1);
}

static long number(const char *text, long min, long max, const char *what) {
    char *end;
    errno = 0;
    long n = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || n < min || n > max) {
        fprintf(stderr, "server: %s must be a number from %ld to %ld, got \"%s\"\n", what, min, max, text);
        exit(2);
    }
    return n;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Keep the line open for `seconds`. If `watching`, say what the caller does meanwhile: a read
 * that returns 0 means its FIN has arrived, an error means a RST. Either way the connection stays
 * ours until we close() it. */
static void hold_line(int conn, long seconds, int watching) {
    printf("server: holding the line for %ld s\n", seconds);
    double end = now() + (double)seconds;
    for (double left; (left = end - now()) > 0;) {
        struct pollfd line = {watching ? conn : -1, POLLIN, 0}; /* fd -1: poll() just waits */
        if (poll(&line, 1, (int)(left * 1000) + 1) <= 0) continue;
        char more[256];
        ssize_t n = read(conn, more, sizeof more);
        if (n > 0) {
            printf("server: the caller says %zd more bytes\n", n);
        } else {
            if (n == 0) printf("server: the caller has hung up (end of file)\n");
            else printf("server: the line is dead: %s\n", errname(errno));
            watching = 0; /* nothing more can arrive */
        }
    }
}

int main(int argc, char **argv) {
    long port = 5000, hold = 0;
    int listen_first = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--hold") == 0) {
            hold = number(i + 1 < argc ? argv[++i] : "", 0, 3600, "--hold");
        } else if (strcmp(argv[i], "--no-read") == 0) {
            listen_first = 0;
        } else if (argv[i][0] != '-') {
            port = number(argv[i], 1, 65535, "PORT");
        } else {
            fprintf(stderr, "server: unknown option %s\nusage: server [PORT] [--hold SECONDS] [--no-read]\n", argv[i]);
            return 2;
        }
    }
    setvbuf(stdout, NULL, _IOLBF, 0); /* print each line at once, even into a pipe */
    /* Writing to a reset connection then fails with EPIPE instead of killing the program
     * (Python and Node.js do the same). */
    signal(SIGPIPE, SIG_IGN);

    /* socket(): get a phone. */
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0) fail("socket");

    /* Keep our number even while an old call on it is still in TIME_WAIT. */
    int yes = 1;
    if (setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) < 0) fail("setsockopt");

    /* bind(): get a number that callers can dial. */
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    /* listen(): plug in the line, with room for 8 callers waiting. The socket is now in LISTEN. */
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(listener, 8) < 0) {
        fprintf(stderr, "server: cannot listen on 127.0.0.1:%ld: %s\n", port, errname(errno));
        return 1;
    }
    printf("server: listening on 127.0.0.1:%ld (LISTEN)\n", port);

    /* accept(): pick up. The kernel has already done the handshake; we get a new socket for
     * this one caller. Later callers wait in the listener's queue until we hang up. */
    struct sockaddr_in peer;
    socklen_t peer_len = sizeof peer;
    int conn = accept(listener, (struct sockaddr *)&peer, &peer_len);
    if (conn < 0) fail("accept");
    printf("server: call from %s:%d (ESTABLISHED)\n", inet_ntoa(peer.sin_addr), ntohs(peer.sin_port));

    char line[256];
    size_t len = 0;
    if (listen_first) {
        /* read(): listen until the caller ends a sentence, or hangs up (read returns 0). */
        while (len < sizeof line - 1 && memchr(line, '\n', len) == NULL) {
            ssize_t n = read(conn, line + len, sizeof line - 1 - len);
            if (n < 0) fail("read");
            if (n == 0) break;
            len += (size_t)n;
        }
        char *newline = memchr(line, '\n', len);
        if (newline != NULL) len = (size_t)(newline - line);
        if (len > 0 && line[len - 1] == '\r') len--;
        line[len] = '\0';
        printf("server: heard \"%s\"\n", line);
    } else {
        sleep(1); /* let the greeting arrive, so that it sits unread when we hang up */
        strcpy(line, "(not listening)");
    }

    /* write(): answer, until every byte is in the send buffer. */
    char reply[300];
    int reply_len = snprintf(reply, sizeof reply, "hello, you said: %s\n", line);
    for (int sent = 0; sent < reply_len;) {
        ssize_t n = write(conn, reply + sent, (size_t)(reply_len - sent));
        if (n < 0) fail("write");
        sent += (int)n;
    }

    if (hold > 0) hold_line(conn, hold, listen_first);

    /* close(): hang up. This sends FIN, or RST if received data was never read. Closing the
     * listener resets any caller still waiting in its queue. */
    if (close(conn) < 0) fail("close");
    if (close(listener) < 0) fail("close");
    printf("server: hung up\n");
    return 0;
}
