/*
 * path.c - fb_bench_path: what one backend costs per article, alone.
 *
 * Opens the backend SPEC with one job (one worker), hands it ARTICLES
 * small articles in batches of 16, as a run does, and prints how many
 * articles per second went through: requests written, responses read,
 * checked and turned into predictions, without reading a corpus, scoring
 * or writing reports. With `jsonl:fb_bench_backend` (a worker that answers
 * at once) it measures the jsonl path itself (bench/jsonl.sh); with `null`,
 * this driver's own cost.
 *
 * Usage: fb_bench_path SPEC ARTICLES
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "proc.h"

#define BATCH 16

int main(int argc, char **argv)
{
    long n = argc == 3 ? strtol(argv[2], NULL, 10) : 0;
    if (n < 1) {
        fprintf(stderr, "usage: fb_bench_path SPEC ARTICLES\n");
        return 2;
    }
    struct diag d;
    diag_init_stream(&d, stderr);
    struct backend_options opt = {.name = argv[1], .spec = argv[1], .timeout = 30, .jobs = 1};
    struct backend *b;
    if (backend_open(&opt, &b, &d) != FB_OK)
        return 3;
    static const char text[] = "The council met on Tuesday. At least 12 people were hurt, "
                               "police said.";
    struct article a[BATCH];
    char ids[BATCH][32];
    struct backend_job jobs[BATCH];
    long failed = 0;
    double start = proc_now();
    for (long done = 0; done < n; done += BATCH) {
        size_t k = (size_t)(n - done < BATCH ? n - done : BATCH);
        for (size_t i = 0; i < k; i++) {
            snprintf(ids[i], sizeof(ids[i]), "a%ld", done + (long)i);
            a[i] = (struct article){ids[i], text, strlen(text), false, {0, 0, 0}, NULL, ids[i]};
            backend_job_init(&jobs[i], &a[i], NULL);
        }
        b->ops->extract(b, jobs, k);
        for (size_t i = 0; i < k; i++) {
            failed += !jobs[i].ok;
            backend_job_release(&jobs[i]);
        }
    }
    double seconds = proc_now() - start;
    backend_close(b);
    diag_release(&d);
    printf("%s: %ld articles in %.3f s, %.0f articles/s, %ld failed\n", argv[1], n, seconds,
           (double)n / seconds, failed);
    return failed ? 1 : 0;
}
