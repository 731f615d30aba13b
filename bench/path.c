/*
 * path.c - fb_bench_path: what one backend costs per article, alone.
 *
 * Opens the backend SPEC with one job (one worker), hands it ARTICLES
 * articles in batches of 16, as a run does, and prints how many articles
 * and megabytes of article text per second went through: for a process,
 * requests written, responses read, checked and turned into predictions;
 * for builtin, the extraction; without reading gold, scoring or writing
 * reports. The articles are those of CORPUS (read into memory first, then
 * taken in turn), or else one short article. With `jsonl:fb_bench_backend`
 * (a worker that answers at once) it measures the jsonl path itself
 * (bench/jsonl.sh); with `builtin` and the shipped corpus, the built-in
 * extractor (bench/builtin.sh); with `null`, this driver's own cost.
 *
 * Usage: fb_bench_path SPEC ARTICLES [CORPUS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "corpus.h"
#include "proc.h"
#include "xalloc.h"

#define BATCH 16

/* Every article of the corpus at path, copied; false (reported) when it cannot be read. */
static bool load(const char *path, struct article **out, size_t *n, struct diag *d)
{
    corpus *c = corpus_open(path, d);
    size_t cap = 0;
    struct article a;
    fb_result rc = FB_OK;
    while (c && (rc = corpus_next(c, &a, d)) == FB_OK) {
        XGROW(*out, cap, *n + 1);
        (*out)[(*n)++] = (struct article){xstrdup(a.id),    xstrndup(a.text, a.text_len),
                                          a.text_len,       a.has_published,
                                          a.published,      NULL,
                                          xstrdup(a.source)};
    }
    corpus_close(c);
    return c && rc == FB_END && *n > 0;
}

int main(int argc, char **argv)
{
    long n = argc >= 3 ? strtol(argv[2], NULL, 10) : 0;
    if (n < 1 || argc > 4) {
        fprintf(stderr, "usage: fb_bench_path SPEC ARTICLES [CORPUS]\n");
        return 2;
    }
    struct diag d;
    diag_init_stream(&d, stderr);
    static const char text[] = "The council met on Tuesday. At least 12 people were hurt, "
                               "police said.";
    struct article one = {"a", text, strlen(text), false, {0, 0, 0}, NULL, "a"}, *articles = &one;
    size_t n_articles = 1;
    if (argc == 4) {
        articles = NULL;
        n_articles = 0;
        if (!load(argv[3], &articles, &n_articles, &d))
            return 2;
    }
    struct backend_options opt = {.name = argv[1], .spec = argv[1], .timeout = 30, .jobs = 1};
    struct backend *b;
    if (backend_open(&opt, &b, &d) != FB_OK)
        return 3;
    struct backend_job jobs[BATCH];
    long failed = 0;
    double bytes = 0, start = proc_now();
    for (long done = 0; done < n; done += BATCH) {
        size_t k = (size_t)(n - done < BATCH ? n - done : BATCH);
        for (size_t i = 0; i < k; i++) {
            const struct article *a = &articles[(size_t)(done + (long)i) % n_articles];
            backend_job_init(&jobs[i], a, NULL);
            bytes += (double)a->text_len;
        }
        b->ops->extract(b, jobs, k);
        for (size_t i = 0; i < k; i++) {
            failed += !jobs[i].ok;
            backend_job_release(&jobs[i]);
        }
    }
    double seconds = proc_now() - start;
    for (size_t i = 0; articles != &one && i < n_articles; i++) {
        free((char *)articles[i].id);
        free((char *)articles[i].text);
        free((char *)articles[i].source);
    }
    if (articles != &one)
        free(articles);
    backend_close(b);
    diag_release(&d);
    printf("%s: %ld articles (%.1f MB of text) in %.3f s: %.0f articles/s, %.1f MB/s, %ld "
           "failed\n",
           argv[1], n, bytes / 1e6, seconds, (double)n / seconds, bytes / 1e6 / seconds, failed);
    return failed ? 1 : 0;
}
