/*
 * fuzz_gold.c - the gold and prediction reader, gold_parse(), in both modes.
 *
 * Properties: a rejected input reports at least one error and returns no
 * document; an accepted one, written back with gold_to_json(), is read
 * again in the same mode and gives the same text (what factbench writes,
 * it reads).
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "fuzz.h"
#include "gold.h"

static const char article[] = "date 2017-03-22\n\nKeith Palmer, a police officer, was killed. "
                              "Islamic State claimed responsibility on Thursday.\n";

static char *print(const struct gold_doc *g)
{
    cJSON *json = gold_to_json(g);
    char *text = cJSON_PrintUnformatted(json);
    cJSON_Delete(json);
    return text;
}

static void round_trip(const struct gold_doc *g, enum gold_mode mode)
{
    char *text = print(g);
    struct gold_source src = {"written.json", g->article, article, sizeof(article) - 1};
    struct diag d;
    diag_init(&d);
    struct gold_doc *again = NULL;
    fb_result rc = gold_parse(text, strlen(text), mode, &src, &again, &d);
    if (rc != FB_OK)
        fprintf(stderr, "%s\n%s\n", text, diag_first_error(&d));
    FUZZ_CHECK(rc == FB_OK);
    char *text2 = print(again);
    FUZZ_CHECK(strcmp(text, text2) == 0);
    cJSON_free(text2);
    gold_free(again);
    diag_release(&d);
    cJSON_free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const enum gold_mode modes[] = {GOLD_REFERENCE, GOLD_PREDICTION};
    for (size_t m = 0; m < 2; m++) {
        struct gold_source src = {"fuzz.json", NULL, article, sizeof(article) - 1};
        struct diag d;
        diag_init(&d);
        struct gold_doc *g = (struct gold_doc *)&src; /* must be overwritten */
        fb_result rc = gold_parse((const char *)data, size, modes[m], &src, &g, &d);
        if (rc == FB_OK) {
            FUZZ_CHECK(g && g->article && d.errors == 0);
            round_trip(g, modes[m]);
        } else {
            FUZZ_CHECK(rc == FB_EINPUT && !g && d.errors > 0);
        }
        gold_free(g);
        diag_release(&d);
    }
    return 0;
}
