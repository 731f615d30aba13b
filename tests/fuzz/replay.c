/*
 * replay.c - runs a fuzz target over files, without libFuzzer.
 *
 * usage: fuzz_<name>_replay PATH...   (files, or directories of files)
 * Every seed and every regression input goes through the target in the
 * normal and the sanitizer builds; a crash or a failed property aborts.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "fileio.h"
#include "fuzz.h"

static int replay_file(const char *path)
{
    struct buf data = BUF_INIT;
    struct diag d;
    diag_init(&d);
    int rc = fileio_read(path, &data, &d) == FB_OK ? 0 : 1;
    if (rc)
        fprintf(stderr, "%s\n", diag_first_error(&d));
    else {
        printf("%s\n", path);
        fflush(stdout); /* names the input when the target aborts */
        LLVMFuzzerTestOneInput((const uint8_t *)data.data, data.len);
    }
    diag_release(&d);
    buf_release(&data);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays the files of a directory in name order; returns how many were run. */
static size_t replay_dir(const char *path, int *failed)
{
    DIR *d = opendir(path);
    if (!d) {
        perror(path);
        (*failed)++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            names = realloc(names, cap * sizeof(*names));
        }
        struct buf p = BUF_INIT;
        buf_addf(&p, "%s/%s", path, e->d_name);
        names[n++] = buf_detach(&p, NULL);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), by_name);
    for (size_t i = 0; i < n; i++) {
        *failed += replay_file(names[i]);
        free(names[i]);
    }
    free(names);
    return n;
}

int main(int argc, char **argv)
{
    int failed = 0;
    size_t runs = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            runs += replay_dir(argv[i], &failed);
        } else {
            failed += replay_file(argv[i]);
            runs++;
        }
    }
    printf("%zu inputs replayed, %d unreadable\n", runs, failed);
    return failed ? 1 : 0;
}
