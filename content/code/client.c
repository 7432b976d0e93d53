/* client.c: dials 127.0.0.1:PORT, says hello, hears the answer, hangs up.
 *
 *   cc -Wall -Wextra -o client client.c
 *   ./client [PORT] [--hold SECONDS] [--abort]
 *
 *   --hold N   stay on the line N seconds after the answer, then say whether the
 *              server has hung up meanwhile (to watch CLOSE_WAIT with ss -tan)
 *   --abort    hang up with RST instead of FIN (SO_LINGER with a zero timeout)
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
        fprintf(stderr, "client: %s must be a number from %ld to %ld, got \"%s\"\n", what, min, max, text);
        exit(2);
    }
    return n;
}

int main(int argc, char **argv) {
    long port = 5000, hold = 0;
    int abort_call = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--hold") == 0 && i + 1 < argc) {
            hold = number(argv[++i], 0, 3600, "--hold");
        } else if (strcmp(argv[i], "--abort") == 0) {
            abort_call = 1;
        } else if (argv[i][0] != '-') {
            port = number(argv[i], 1, 65535, "PORT");
        } else {
            fprintf(stderr, "client: unknown option %s\nusage: ./client [PORT] [--hold SECONDS] [--abort]\n", argv[i]);
            return 2;
        }
    }
    setvbuf(stdout, NULL, _IOLBF, 0);

    /* socket(): get a phone. No bind(): the kernel lends us a port when we dial. */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) die("socket");

    /* connect(): dial. Returns once the three-way handshake is done. */
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        int err = errno;
        perror("connect");
        if (err == ECONNREFUSED) fprintf(stderr, "client: nobody is listening on 127.0.0.1:%ld; start the server first\n", port);
        return 1;
    }
    struct sockaddr_in me;
    socklen_t me_len = sizeof me;
    if (getsockname(fd, (struct sockaddr *)&me, &me_len) < 0) die("getsockname");
    printf("client: connected from 127.0.0.1:%d to 127.0.0.1:%ld (ESTABLISHED)\n", ntohs(me.sin_port), port);

    /* write(): say hello. */
    const char *greeting = "hello from the client\n";
    size_t left = strlen(greeting);
    while (left > 0) {
        ssize_t n = write(fd, greeting + strlen(greeting) - left, left);
        if (n < 0) die("write");
        left -= (size_t)n;
    }

    /* read(): listen for the answer, up to the end of the line. */
    char reply[300];
    size_t len = 0;
    while (len < sizeof reply - 1 && memchr(reply, '\n', len) == NULL) {
        ssize_t n = read(fd, reply + len, sizeof reply - 1 - len);
        if (n < 0) die("read");
        if (n == 0) break; /* the server hung up */
        len += (size_t)n;
    }
    while (len > 0 && reply[len - 1] == '\n') len--;
    reply[len] = '\0';
    printf("client: heard \"%s\"\n", reply);

    if (hold > 0) {
        printf("client: holding the line for %ld s\n", hold);
        sleep((unsigned)hold);
        /* Peek without waiting: 0 means the server sent FIN (we are in CLOSE_WAIT). */
        char byte;
        ssize_t n = recv(fd, &byte, 1, MSG_DONTWAIT | MSG_PEEK);
        if (n == 0) printf("client: the server has hung up (read returns 0)\n");
        else if (n > 0) printf("client: the server has more to say\n");
        else if (errno == EAGAIN || errno == EWOULDBLOCK) printf("client: the server is still on the line\n");
        else printf("client: the line is dead: %s\n", strerror(errno));
    }

    if (abort_call) {
        /* A zero linger time makes close() drop the call with RST: no FIN, no TIME_WAIT. */
        struct linger now = {1, 0};
        if (setsockopt(fd, SOL_SOCKET, SO_LINGER, &now, sizeof now) < 0) die("setsockopt");
    }

    /* close(): hang up. */
    if (close(fd) < 0) die("close");
    printf("client: hung up\n");
    return 0;
}
