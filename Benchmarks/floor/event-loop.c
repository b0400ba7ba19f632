/*
 * The floor for yaml-bench: libyaml's own event loop over record files, building nothing.
 *
 *   event-loop [-r ROUNDS] FILE...
 *
 * Reads every file into memory first, then parses all of them ROUNDS times (after one warm-up
 * round) and prints the best round's CPU time per file, in microseconds:
 *   c-event-loop <us-per-record> <files> <events-per-round>
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int read_file(const char *path, unsigned char **data, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *data = malloc(n > 0 ? (size_t)n : 1);
    *size = fread(*data, 1, (size_t)n, f);
    fclose(f);
    return *size == (size_t)n;
}

/* Parses one document; returns its number of events, or -1 on an error. */
static long parse(const unsigned char *data, size_t size) {
    yaml_parser_t parser;
    yaml_event_t event;
    long events = 0;
    if (!yaml_parser_initialize(&parser)) return -1;
    yaml_parser_set_input_string(&parser, data, size);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            yaml_parser_delete(&parser);
            return -1;
        }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return events;
}

int main(int argc, char **argv) {
    int rounds = 10;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    int count = argc - first;
    if (count <= 0 || rounds <= 0) {
        fprintf(stderr, "usage: event-loop [-r ROUNDS] FILE...\n");
        return 2;
    }
    unsigned char **data = calloc((size_t)count, sizeof *data);
    size_t *sizes = calloc((size_t)count, sizeof *sizes);
    for (int i = 0; i < count; i++) {
        if (!read_file(argv[first + i], &data[i], &sizes[i])) {
            fprintf(stderr, "event-loop: cannot read %s\n", argv[first + i]);
            return 2;
        }
    }
    double best = -1;
    long events = 0;
    for (int r = 0; r <= rounds; r++) {
        double start = cpu_seconds();
        events = 0;
        for (int i = 0; i < count; i++) {
            long n = parse(data[i], sizes[i]);
            if (n < 0) {
                fprintf(stderr, "event-loop: %s is not valid YAML\n", argv[first + i]);
                return 1;
            }
            events += n;
        }
        double elapsed = cpu_seconds() - start;
        if (r > 0 && (best < 0 || elapsed < best)) best = elapsed;
    }
    printf("c-event-loop %.3f %d %ld\n", best * 1e6 / count, count, events);
    return 0;
}
