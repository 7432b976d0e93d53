/* server.c: waits for one call on 127.0.0.1:PORT, hears one line, answers it, hangs up.
 *
 *   cc -Wall -Wextra -o server server.c
 *   ./server [PORT] [--hold SECONDS] [--no-read]
 *
 *   --hold N   wait N seconds before hanging up (to watch CLOSE_WAIT with ss -tan)
 *   --no-read  answer without listening first; on Linux, hanging up with unread
 *              data sends RST instead of FIN
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void die(const char *what) {
    perror(what);
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

static void write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) die("write");
        data += n;
        len -= (size_t)n;
    }
}

int main(int argc, char **argv) {
    long port = 5000, hold = 0;
    int listen_first = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--hold") == 0 && i + 1 < argc) {
            hold = number(argv[++i], 0, 3600, "--hold");
        } else if (strcmp(argv[i], "--no-read") == 0) {
            listen_first = 0;
        } else if (argv[i][0] != '-') {
            port = number(argv[i], 1, 65535, "PORT");
        } else {
            fprintf(stderr, "server: unknown option %s\nusage: ./server [PORT] [--hold SECONDS] [--no-read]\n", argv[i]);
            return 2;
        }
    }
    setvbuf(stdout, NULL, _IOLBF, 0); /* print each line at once, even into a pipe */

    /* socket(): get a phone. */
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0) die("socket");

    /* Keep our number even while an old call on it is still in TIME_WAIT. */
    int yes = 1;
    if (setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) < 0) die("setsockopt");

    /* bind(): get a number that callers can dial. */
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0) die("bind");

    /* listen(): plug in the line. The socket is now in LISTEN. */
    if (listen(listener, 8) < 0) die("listen");
    printf("server: listening on 127.0.0.1:%ld (LISTEN)\n", port);

    /* accept(): pick up. The kernel has already done the handshake;
     * we get a new socket for this one caller. */
    struct sockaddr_in peer;
    socklen_t peer_len = sizeof peer;
    int conn = accept(listener, (struct sockaddr *)&peer, &peer_len);
    if (conn < 0) die("accept");
    printf("server: call from %s:%d (ESTABLISHED)\n", inet_ntoa(peer.sin_addr), ntohs(peer.sin_port));

    char line[256];
    size_t len = 0;
    if (listen_first) {
        /* read(): listen until the caller ends a sentence, or hangs up (read returns 0). */
        while (len < sizeof line - 1 && memchr(line, '\n', len) == NULL) {
            ssize_t n = read(conn, line + len, sizeof line - 1 - len);
            if (n < 0) die("read");
            if (n == 0) break;
            len += (size_t)n;
        }
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
        line[len] = '\0';
        printf("server: heard \"%s\"\n", line);
    } else {
        sleep(1); /* let the greeting arrive, so it sits unread when we hang up */
        strcpy(line, "(not listening)");
    }

    /* write(): answer. */
    char reply[300];
    int reply_len = snprintf(reply, sizeof reply, "hello, you said: %s\n", line);
    write_all(conn, reply, (size_t)reply_len);

    if (hold > 0) {
        printf("server: holding the line for %ld s\n", hold);
        sleep((unsigned)hold);
    }

    /* close(): hang up. This sends FIN (or RST, if unread data is waiting). */
    if (close(conn) < 0) die("close");
    if (close(listener) < 0) die("close");
    printf("server: hung up\n");
    return 0;
}
