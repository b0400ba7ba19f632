/*
 * The floors of the store benchmark, as whole processes over a store's record files.
 *
 *   store-floor events STORE   read every record file and run libyaml's event loop over it,
 *                              building nothing (the same loop as event-loop.c)
 *   store-floor read STORE     read every record file, parse nothing (the I/O floor)
 *
 * Files are those ending in .yaml in STORE/clusters, members, agreements and news, in directory
 * order, one at a time, on one thread. Prints "files F bytes B events E"; exits 1 when a file
 * cannot be read or does not parse.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static unsigned char *buffer;
static size_t capacity;

/* Reads a whole file into `buffer`; returns its size, or -1. */
static long read_file(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) != 0) { close(fd); return -1; }
    size_t want = (size_t)st.st_size + 1;
    if (want > capacity) {
        capacity = want * 2;
        buffer = realloc(buffer, capacity);
    }
    size_t size = 0;
    for (;;) {
        if (size == capacity) { capacity *= 2; buffer = realloc(buffer, capacity); }
        ssize_t n = read(fd, buffer + size, capacity - size);
        if (n < 0) { close(fd); return -1; }
        if (n == 0) break;
        size += (size_t)n;
    }
    close(fd);
    return (long)size;
}

/* Parses one document's events; returns their number, or -1 on an error. */
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
    if (argc != 3 || (strcmp(argv[1], "events") != 0 && strcmp(argv[1], "read") != 0)) {
        fprintf(stderr, "usage: store-floor events|read STORE\n");
        return 2;
    }
    int events_mode = strcmp(argv[1], "events") == 0;
    static const char *kinds[] = {"clusters", "members", "agreements", "news"};
    long files = 0, bytes = 0, events = 0;
    char path[4096];
    for (int k = 0; k < 4; k++) {
        snprintf(path, sizeof path, "%s/%s", argv[2], kinds[k]);
        DIR *dir = opendir(path);
        if (!dir) continue;
        struct dirent *entry;
        while ((entry = readdir(dir)) != NULL) {
            size_t len = strlen(entry->d_name);
            if (len < 6 || strcmp(entry->d_name + len - 5, ".yaml") != 0) continue;
            snprintf(path, sizeof path, "%s/%s/%s", argv[2], kinds[k], entry->d_name);
            long size = read_file(path);
            if (size < 0) { fprintf(stderr, "store-floor: cannot read %s\n", path); return 1; }
            if (events_mode) {
                long n = parse(buffer, (size_t)size);
                if (n < 0) { fprintf(stderr, "store-floor: %s does not parse\n", path); return 1; }
                events += n;
            }
            files++;
            bytes += size;
        }
        closedir(dir);
    }
    printf("files %ld bytes %ld events %ld\n", files, bytes, events);
    return 0;
}
