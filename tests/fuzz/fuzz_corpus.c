/*
 * fuzz_corpus.c - the corpus reader: the input as one <id>.txt article and
 * as a .jsonl file, read through corpus_open() and corpus_next().
 *
 * Properties: every call ends (FB_OK, FB_EINPUT or FB_END); an article read
 * has a valid id and a non-empty text of the length it claims; an error is
 * reported.
 */
#include <string.h>

#include "corpus.h"
#include "fuzz.h"

static void read_all(const char *path)
{
    struct diag d;
    diag_init(&d);
    corpus *c = corpus_open(path, &d);
    FUZZ_CHECK(c);
    struct article a;
    fb_result rc;
    size_t n = 0;
    while ((rc = corpus_next(c, &a, &d)) != FB_END) {
        FUZZ_CHECK(rc == FB_OK || rc == FB_EINPUT);
        FUZZ_CHECK(n++ < 1000000);
        if (rc == FB_EINPUT) {
            FUZZ_CHECK(d.errors > 0);
            continue;
        }
        FUZZ_CHECK(article_id_valid(a.id) && a.text && a.text_len > 0);
        FUZZ_CHECK(strlen(a.text) == a.text_len && a.source);
    }
    corpus_close(c);
    diag_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[256];
    snprintf(path, sizeof(path), "%s", fuzz_path("a-1.txt"));
    fuzz_write(path, data, size);
    read_all(path);
    snprintf(path, sizeof(path), "%s", fuzz_path("lines.jsonl"));
    fuzz_write(path, data, size);
    read_all(path);
    return 0;
}
