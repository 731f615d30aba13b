/*
 * Property tests for score.c over the shipped gold files: a prediction equal
 * to the gold scores 1; an empty one has recall 0; shuffling the items of
 * either side never changes a number or an error listing.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "fileio.h"
#include "gold.h"
#include "harness.h"
#include "score.h"
#include "stats.h"

static struct gold_doc *parse(const cJSON *json, enum gold_mode mode)
{
    char *text = cJSON_PrintUnformatted(json);
    struct diag d;
    diag_init(&d);
    struct gold_source src = {"test", NULL, NULL, 0};
    struct gold_doc *g = NULL;
    if (gold_parse(text, strlen(text), mode, &src, &g, &d) != FB_OK)
        fprintf(stderr, "\n%s\n", diag_first_error(&d));
    diag_release(&d);
    free(text);
    return g;
}

/* Scores pred against gold (both JSON); returns the scores and the printed listings. */
static char *score_json(const cJSON *gold_json, const cJSON *pred_json, struct article_score *s)
{
    struct gold_doc *gold = parse(gold_json, GOLD_REFERENCE),
                    *pred = parse(pred_json, GOLD_PREDICTION);
    CU_ASSERT_PTR_NOT_NULL_FATAL(gold);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pred);
    struct match_doc *mg = match_prepare(gold, true), *mp = match_prepare(pred, false);
    cJSON *errors = cJSON_CreateObject();
    struct buf reason = BUF_INIT;
    CU_ASSERT_TRUE(score_article(&match_defaults, mg, mp, s, errors, &reason));
    char *listing = cJSON_PrintUnformatted(errors);
    cJSON_Delete(errors);
    buf_release(&reason);
    match_doc_free(mg);
    match_doc_free(mp);
    gold_free(gold);
    gold_free(pred);
    return listing;
}

static void shuffle_lists(cJSON *doc, struct rng *r)
{
    for (int c = 0; c < N_CATEGORIES; c++) {
        cJSON *list = cJSON_GetObjectItem(doc, category_names[c]);
        int n = cJSON_GetArraySize(list);
        for (int i = n - 1; i > 0; i--) { /* Fisher-Yates through detach and insert */
            int j = (int)rng_below(r, (uint64_t)i + 1);
            cJSON *item = cJSON_DetachItemFromArray(list, j);
            cJSON_InsertItemInArray(list, 0, item);
        }
    }
}

/* A prediction unlike the gold: every third item dropped, every second count off by one. */
static cJSON *perturbed(const cJSON *gold)
{
    cJSON *p = cJSON_Duplicate(gold, true);
    for (int c = 0; c < N_CATEGORIES; c++) {
        cJSON *list = cJSON_GetObjectItem(p, category_names[c]);
        for (int i = cJSON_GetArraySize(list) - 1; i >= 0; i -= 3)
            cJSON_DeleteItemFromArray(list, i);
    }
    int i = 0;
    cJSON *count;
    cJSON_ArrayForEach(count, cJSON_GetObjectItem(p, "counts"))
    {
        if (i++ % 2)
            cJSON_SetNumberValue(cJSON_GetObjectItem(count, "value"),
                                 cJSON_GetObjectItem(count, "value")->valuedouble + 1);
    }
    return p;
}

/* Calls fn on every shipped gold file. */
static void each_gold(void (*fn)(const cJSON *gold, const char *name))
{
    const char *dir = getenv("FB_GOLD_DIR");
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    DIR *dh = opendir(dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dh);
    struct dirent *e;
    int files = 0;
    struct buf path = BUF_INIT, text = BUF_INIT;
    struct diag d;
    diag_init(&d);
    while ((e = readdir(dh))) {
        if (!strstr(e->d_name, ".json"))
            continue;
        buf_reset(&path);
        buf_addf(&path, "%s/%s", dir, e->d_name);
        CU_ASSERT_EQUAL_FATAL(fileio_read(path.data, &text, &d), FB_OK);
        cJSON *gold = cJSON_Parse(text.data);
        fn(gold, e->d_name);
        cJSON_Delete(gold);
        files++;
    }
    closedir(dh);
    CU_ASSERT_TRUE(files >= 1);
    buf_release(&path);
    buf_release(&text);
    diag_release(&d);
}

static void perfect(const cJSON *gold, const char *name)
{
    struct article_score s;
    free(score_json(gold, gold, &s));
    for (int m = 0; m < N_MODES; m++)
        for (int c = 0; c < N_CATEGORIES; c++) {
            CU_ASSERT_EQUAL(s.counts[m][c].fp, 0);
            CU_ASSERT_EQUAL(s.counts[m][c].fn, 0);
            CU_ASSERT_EQUAL(prf_f1(s.counts[m][c]), 1.0);
            if (s.counts[m][c].fp || s.counts[m][c].fn)
                fprintf(stderr, "\n%s: %s %s not perfect", name, mode_names[m], category_names[c]);
        }
}

static void empty_prediction(const cJSON *gold, const char *name)
{
    (void)name;
    cJSON *empty = cJSON_CreateObject();
    cJSON_AddItemReferenceToObject(empty, "article", cJSON_GetObjectItem(gold, "article"));
    struct article_score s;
    free(score_json(gold, empty, &s));
    for (int m = 0; m < N_MODES; m++)
        for (int c = 0; c < N_CATEGORIES; c++) {
            CU_ASSERT_EQUAL(s.counts[m][c].tp, 0);
            CU_ASSERT_EQUAL(prf_recall(s.counts[m][c]), s.counts[m][c].fn ? 0.0 : 1.0);
        }
    cJSON_Delete(empty);
}

static void shuffled(const cJSON *gold, const char *name)
{
    cJSON *pred = perturbed(gold);
    struct article_score base, again;
    char *listing = score_json(gold, pred, &base);
    struct rng r;
    rng_seed(&r, 99);
    for (int round = 0; round < 5; round++) {
        cJSON *g = cJSON_Duplicate(gold, true), *p = cJSON_Duplicate(pred, true);
        shuffle_lists(g, &r);
        shuffle_lists(p, &r);
        char *other = score_json(g, p, &again);
        CU_ASSERT_EQUAL(memcmp(&base, &again, sizeof(base)), 0);
        CU_ASSERT_STRING_EQUAL(listing, other);
        if (strcmp(listing, other) != 0)
            fprintf(stderr, "\n%s: listing changed with the order of items", name);
        free(other);
        cJSON_Delete(g);
        cJSON_Delete(p);
    }
    free(listing);
    cJSON_Delete(pred);
}

static void test_gold_as_prediction_scores_one(void)
{
    each_gold(perfect);
}

static void test_empty_prediction_has_recall_zero(void)
{
    each_gold(empty_prediction);
}

static void test_order_never_matters(void)
{
    each_gold(shuffled);
}

static CU_TestInfo tests[] = {
    {"gold as prediction scores 1", test_gold_as_prediction_scores_one},
    {"an empty prediction has recall 0", test_empty_prediction_has_recall_zero},
    {"the order of items never matters", test_order_never_matters},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("score", tests), CU_SUITE_INFO_NULL};
