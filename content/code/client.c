/* client.c: dials 127.0.0.1:PORT, says hello, hears the answer, hangs up.
 *
 *   cc -Wall -Wextra -o client client.c
 *   ./client [PORT] [--hold SECONDS] [--abort]
 *
 *   --hold N   stay on the line N seconds after the answer, saying what the server does meanwhile
 *              (to watch CLOSE_WAIT with ss -tan)
 *   --abort    hang up with RST instead of FIN (SO_LINGER with a zero timeout)
 *
 * client.py and client.mjs do the same and print the same lines.
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
    case ECONNREFUSED: return "ECONNREFUSED";
    case ECONNRESET: return "ECONNRESET";
    case EPIPE: return "EPIPE";
    case ETIMEDOUT: return "ETIMEDOUT";
    default: return strerror(err);
    }
}

static void fail(const char *call) {
    fprintf(stderr, "client: %s failed: %s\n", call, errname(errno));
    exit(1);
}

static long number(const char *text, long min, long max, const char *what) {
    char *end;
    errno = 0;
    long n = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || n < min || n > max) {
        fprintf(stderr, "client: %s must be a number from %ld to %ld, got \"%s\"\n", what, min, max, text);
        exit(2);
    }
    return n;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Keep the line open for `seconds`, saying what the server does meanwhile: a read that returns 0
 * means its FIN has arrived (we are in CLOSE_WAIT), an error means a RST. */
static void hold_line(int fd, long seconds) {
    printf("client: holding the line for %ld s\n", seconds);
    double end = now() + (double)seconds;
    int watching = 1;
    for (double left; (left = end - now()) > 0;) {
        struct pollfd line = {watching ? fd : -1, POLLIN, 0}; /* fd -1: poll() just waits */
        if (poll(&line, 1, (int)(left * 1000) + 1) <= 0) continue;
        char more[256];
        ssize_t n = read(fd, more, sizeof more);
        if (n > 0) {
            printf("client: the server says %zd more bytes\n", n);
        } else {
            if (n == 0) printf("client: the server has hung up (end of file)\n");
            else printf("client: the line is dead: %s\n", errname(errno));
            watching = 0; /* nothing more can arrive */
        }
    }
}

int main(int argc, char **argv) {
    long port = 5000, hold = 0;
    int abort_call = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--hold") == 0) {
            hold = number(i + 1 < argc ? argv[++i] : "", 0, 3600, "--hold");
        } else if (strcmp(argv[i], "--abort") == 0) {
            abort_call = 1;
        } else if (argv[i][0] != '-') {
            port = number(argv[i], 1, 65535, "PORT");
        } else {
            fprintf(stderr, "client: unknown option %s\nusage: client [PORT] [--hold SECONDS] [--abort]\n", argv[i]);
            return 2;
        }
    }
    setvbuf(stdout, NULL, _IOLBF, 0); /* print each line at once, even into a pipe */
    /* Writing to a reset connection then fails with EPIPE instead of killing the program
     * (Python and Node.js do the same). */
    signal(SIGPIPE, SIG_IGN);

    /* socket(): get a phone. No bind(): the kernel lends us a port when we dial. */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) fail("socket");

    /* connect(): dial. Returns once the three-way handshake is done. */
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        if (errno != ECONNREFUSED) fail("connect");
        fprintf(stderr, "client: connection refused (ECONNREFUSED): nobody is listening on 127.0.0.1:%ld; start the server first\n", port);
        return 1;
    }
    struct sockaddr_in me;
    socklen_t me_len = sizeof me;
    if (getsockname(fd, (struct sockaddr *)&me, &me_len) < 0) fail("getsockname");
    printf("client: connected from 127.0.0.1:%d to 127.0.0.1:%ld (ESTABLISHED)\n", ntohs(me.sin_port), port);

    /* write(): say hello, until every byte is in the send buffer. */
    const char *greeting = "hello from the client\n";
    for (size_t sent = 0; sent < strlen(greeting);) {
        ssize_t n = write(fd, greeting + sent, strlen(greeting) - sent);
        if (n < 0) fail("write");
        sent += (size_t)n;
    }

    /* read(): listen for the answer, up to the end of the line, or until the server hangs up. */
    char reply[300];
    size_t len = 0;
    while (len < sizeof reply - 1 && memchr(reply, '\n', len) == NULL) {
        ssize_t n = read(fd, reply + len, sizeof reply - 1 - len);
        if (n < 0) fail("read");
        if (n == 0) break;
        len += (size_t)n;
    }
    char *newline = memchr(reply, '\n', len);
    if (newline != NULL) len = (size_t)(newline - reply);
    reply[len] = '\0';
    printf("client: heard \"%s\"\n", reply);

    if (hold > 0) hold_line(fd, hold);

    if (abort_call) {
        /* A zero linger time makes close() drop the call with RST: no FIN, no TIME_WAIT. */
        struct linger at_once = {1, 0};
        if (setsockopt(fd, SOL_SOCKET, SO_LINGER, &at_once, sizeof at_once) < 0) fail("setsockopt");
    }

    /* close(): hang up. This sends FIN, or RST if received data was never read. */
    if (close(fd) < 0) fail("close");
    printf("client: hung up\n");
    return 0;
}
