/*
 * backend.c - a jsonl worker for the benchmarks in bench/ (fb_bench_backend):
 * it reads one request line at a time on stdin and answers each with an empty
 * prediction, {"article": "<id>", "actors": [], "counts": [], "dates": [],
 * "claims": []}, on one line of stdout, flushed. It extracts nothing, so a run
 * through it measures what the jsonl path itself costs (bench/jsonl.sh);
 * with --sleep-ms N it waits N milliseconds before each answer, a slow
 * backend whose workers --jobs can overlap (bench/jobs.sh).
 *
 * A request that is not a JSON object with a string "article" is answered
 * with {"error": "..."}, so the worker stays in step with factbench.
 *
 * Usage: fb_bench_backend [--sleep-ms N]
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

static void die(const char *what)
{
    fprintf(stderr, "fb_bench_backend: %s\n", what);
    exit(2);
}

/* Sleeps ms milliseconds, resuming after signals. */
static void sleep_ms(long ms)
{
    struct timespec left = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&left, &left) != 0 && errno == EINTR)
        ;
}

/* The answer to one request line; the caller frees it with cJSON_free(). */
static char *answer(const char *line, size_t len)
{
    cJSON *req = cJSON_ParseWithLengthOpts(line, len, NULL, 0);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(req, "article");
    cJSON *out = cJSON_CreateObject();
    if (cJSON_IsString(id)) {
        cJSON_AddStringToObject(out, "article", id->valuestring);
        cJSON_AddArrayToObject(out, "actors");
        cJSON_AddArrayToObject(out, "counts");
        cJSON_AddArrayToObject(out, "dates");
        cJSON_AddArrayToObject(out, "claims");
    } else {
        cJSON_AddStringToObject(out, "error", "request is not an object with a string 'article'");
    }
    cJSON_Delete(req);
    char *s = cJSON_PrintUnformatted(out);
    cJSON_Delete(out);
    if (!s)
        die("out of memory");
    return s;
}

int main(int argc, char **argv)
{
    long ms = 0;
    if (argc == 3 && strcmp(argv[1], "--sleep-ms") == 0) {
        char *end;
        errno = 0;
        ms = strtol(argv[2], &end, 10);
        if (errno || end == argv[2] || *end || ms < 0)
            die("--sleep-ms takes a number of milliseconds");
    } else if (argc != 1) {
        die("usage: fb_bench_backend [--sleep-ms N]");
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        if (ms)
            sleep_ms(ms);
        char *s = answer(line, (size_t)len);
        if (puts(s) == EOF || fflush(stdout) == EOF)
            die("cannot write to stdout");
        cJSON_free(s);
    }
    free(line);
    return 0;
}
