/*
 * fuzz_response.c - a backend's response, as backend_job_answer() reads it
 * (from a process, a plugin, a prediction directory or the cache).
 *
 * Properties: the job ends either ok, with a prediction for the article and
 * the response kept for the cache, or failed with a reason.
 */
#include <string.h>

#include "backend.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct article a = {.id = "a-1", .text = "Text.", .text_len = 5, .source = "fuzz"};
    struct backend_job j;
    backend_job_init(&j, &a, NULL);
    backend_job_answer(&j, (const char *)data, size);
    if (j.ok) {
        FUZZ_CHECK(j.pred && strcmp(j.pred->article, "a-1") == 0);
        FUZZ_CHECK(j.response.len == size && memcmp(j.response.data, data, size) == 0);
    } else {
        FUZZ_CHECK(!j.pred && j.reason.len > 0);
    }
    backend_job_release(&j);
    return 0;
}
