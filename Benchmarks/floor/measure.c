/*
 * Runs one command and reports what it cost, as /usr/bin/time does but to the microsecond.
 *
 *   measure OUTFILE COMMAND [ARG...]
 *
 * Forks (this process is small, so the child's peak RSS starts near nothing), executes COMMAND
 * with stdout and stderr as given, waits for it with wait4, and writes one line to OUTFILE:
 *   <exit status> <wall seconds> <user seconds> <system seconds> <peak RSS KiB>
 * Exit status is 128+N when the command died of signal N, 127 when it could not be executed.
 * Exits with the command's status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec / 1e6; }

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure OUTFILE COMMAND [ARG...]\n");
        return 2;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) { perror("measure: fork"); return 2; }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("measure: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) { perror("measure: wait4"); return 2; }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double wall = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *out = fopen(argv[1], "w");
    if (!out) { perror("measure: output"); return 2; }
    fprintf(out, "%d %.6f %.6f %.6f %ld\n", code, wall, seconds(usage.ru_utime), seconds(usage.ru_stime), usage.ru_maxrss);
    fclose(out);
    return code;
}
