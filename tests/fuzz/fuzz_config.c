/*
 * fuzz_config.c - the config file (factbench.json), read by config_load().
 *
 * Properties: a rejected file reports an error; an accepted one has only
 * settings within their documented ranges, and every named backend a spec.
 */
#include "config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_path("factbench.json");
    fuzz_write(path, data, size);
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    if (config_load(&c, path, true, &d) == FB_OK) {
        FUZZ_CHECK(d.errors == 0);
        FUZZ_CHECK(c.match.claim_strict >= 0 && c.match.claim_strict <= 1);
        FUZZ_CHECK(c.match.claim_lenient >= 0 && c.match.claim_lenient <= 1);
        FUZZ_CHECK(c.bootstrap <= 1000000 && c.permutations <= 10000000);
        for (size_t i = 0; i < c.n_backends; i++) {
            FUZZ_CHECK(c.backends[i].name && c.backends[i].spec);
            FUZZ_CHECK(config_backend(&c, c.backends[i].name));
        }
    } else {
        FUZZ_CHECK(d.errors > 0);
    }
    config_release(&c);
    diag_release(&d);
    return 0;
}
