/*
 * Golden scoring cases: tests/scoring/<name>.json, each a tiny corpus with
 * gold, predictions and numbers worked out by hand. Each case runs through
 * the whole pipeline (eval_run, then report_json) and the numbers are read
 * back from the report, by key path, as a user of report.json would.
 *
 * A case file:
 *   {"why": "...", "config": {"count_tolerance": 0},        (optional)
 *    "articles": [{"text": "...", "gold": {...}, "pred": {...} | null}],
 *    "expect": {"strict.actors": [tp, fp, fn, "P", "R", "F1"], ...,
 *               "breakdown.counts": [correct, partial, missing, spurious],
 *               "macro.strict": "11/12", "failed": 1}}
 * P, R and F1 are fractions ("2/5"); "articles" ids are a1, a2, ...
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "config.h"
#include "eval.h"
#include "fileio.h"
#include "harness.h"
#include "report.h"

static void write_file(const char *path, const char *text)
{
    struct diag d;
    diag_init(&d);
    CU_ASSERT_EQUAL_FATAL(fileio_write_atomic(path, text, strlen(text), false, &d), FB_OK);
    diag_release(&d);
}

static void write_json(const char *path, cJSON *doc, const char *id)
{
    cJSON *copy = cJSON_Duplicate(doc, true);
    if (cJSON_IsObject(copy) && !cJSON_GetObjectItem(copy, "article"))
        cJSON_AddStringToObject(copy, "article", id);
    char *text = cJSON_Print(copy);
    write_file(path, text);
    free(text);
    cJSON_Delete(copy);
}

static double fraction(const char *s)
{
    long a, b;
    if (sscanf(s, "%ld/%ld", &a, &b) != 2 || b == 0) {
        fprintf(stderr, "bad fraction '%s'\n", s);
        return -1;
    }
    return (double)a / (double)b;
}

static const cJSON *at(const cJSON *root, const char *path)
{
    char copy[256];
    snprintf(copy, sizeof(copy), "%s", path);
    const cJSON *node = root;
    for (char *key = strtok(copy, "."); key && node; key = strtok(NULL, "."))
        node = cJSON_GetObjectItemCaseSensitive(node, key);
    return node;
}

static int failures;

static void expect_number(const char *name, const char *what, const cJSON *got, double want)
{
    if (cJSON_IsNumber(got) && got->valuedouble > want - 1e-12 && got->valuedouble < want + 1e-12)
        return;
    fprintf(stderr, "\n  %s: %s = %g, want %g", name, what,
            cJSON_IsNumber(got) ? got->valuedouble : -999.0, want);
    failures++;
}

static void check_expectations(const char *name, const cJSON *report, const cJSON *expect)
{
    const cJSON *backend = cJSON_GetArrayItem(cJSON_GetObjectItem(report, "backends"), 0);
    char path[256];
    for (const cJSON *e = expect->child; e; e = e->next) {
        const char *key = e->string;
        if (strncmp(key, "strict.", 7) == 0 || strncmp(key, "lenient.", 8) == 0) {
            static const char *const fields[] = {"tp", "fp", "fn", "precision", "recall", "f1"};
            for (int i = 0; i < 6; i++) {
                const cJSON *v = cJSON_GetArrayItem(e, i);
                snprintf(path, sizeof(path), "scores.%s.%s", key, fields[i]);
                expect_number(name, path, at(backend, path),
                              i < 3 ? v->valuedouble : fraction(v->valuestring));
            }
        } else if (strncmp(key, "breakdown.", 10) == 0) {
            static const char *const fields[] = {"correct", "partial", "missing", "spurious"};
            for (int i = 0; i < 4; i++) {
                snprintf(path, sizeof(path), "%s.%s", key, fields[i]);
                expect_number(name, path, at(backend, path), cJSON_GetArrayItem(e, i)->valuedouble);
            }
        } else if (strncmp(key, "macro.", 6) == 0) {
            snprintf(path, sizeof(path), "scores.%s.macro_f1", key + 6);
            expect_number(name, path, at(backend, path), fraction(e->valuestring));
        } else if (strcmp(key, "failed") == 0) {
            expect_number(name, key, at(backend, "failed"), e->valuedouble);
        } else if (strncmp(key, "attributes.", 11) == 0) {
            snprintf(path, sizeof(path), "breakdown.%s.agree", key + 11);
            expect_number(name, path, at(backend, path), cJSON_GetArrayItem(e, 0)->valuedouble);
            snprintf(path, sizeof(path), "breakdown.%s.compared", key + 11);
            expect_number(name, path, at(backend, path), cJSON_GetArrayItem(e, 1)->valuedouble);
        } else {
            fprintf(stderr, "\n  %s: unknown expectation '%s'", name, key);
            failures++;
        }
    }
}

static void run_case(const char *dir, const char *file)
{
    struct buf path = BUF_INIT, text = BUF_INIT, tmp = BUF_INIT;
    struct diag d;
    diag_init(&d);
    buf_addf(&path, "%s/%s", dir, file);
    CU_ASSERT_EQUAL_FATAL(fileio_read(path.data, &text, &d), FB_OK);
    cJSON *c = cJSON_Parse(text.data);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);

    char root[] = "/tmp/fb-scoring-XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(root));
    const char *subdirs[] = {"corpus", "gold", "pred"};
    for (int i = 0; i < 3; i++) {
        buf_reset(&tmp);
        buf_addf(&tmp, "%s/%s", root, subdirs[i]);
        CU_ASSERT_EQUAL_FATAL(fileio_mkdirs(tmp.data, &d), FB_OK);
    }
    int n = 0;
    cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(c, "articles"))
    {
        char id[16];
        snprintf(id, sizeof(id), "a%d", ++n);
        const cJSON *t = cJSON_GetObjectItem(a, "text");
        buf_reset(&tmp);
        buf_addf(&tmp, "%s/corpus/%s.txt", root, id);
        write_file(tmp.data, cJSON_IsString(t) ? t->valuestring : "An article.\n");
        buf_reset(&tmp);
        buf_addf(&tmp, "%s/gold/%s.json", root, id);
        write_json(tmp.data, cJSON_GetObjectItem(a, "gold"), id);
        cJSON *pred = cJSON_GetObjectItem(a, "pred");
        if (!cJSON_IsNull(pred)) {
            buf_reset(&tmp);
            buf_addf(&tmp, "%s/pred/%s.json", root, id);
            write_json(tmp.data, pred, id);
        }
    }

    struct config cfg;
    config_defaults(&cfg);
    const cJSON *settings = cJSON_GetObjectItem(c, "config");
    for (const cJSON *s = settings ? settings->child : NULL; s; s = s->next) {
        char value[32];
        snprintf(value, sizeof(value), "%.17g", s->valuedouble);
        CU_ASSERT_TRUE(config_set(&cfg, s->string, value, file, &d));
    }
    struct buf corpus = BUF_INIT, gold = BUF_INIT, spec = BUF_INIT;
    buf_addf(&corpus, "%s/corpus", root);
    buf_addf(&gold, "%s/gold", root);
    buf_addf(&spec, "dir:%s/pred", root);
    struct backend_options backend = {.name = "pred", .spec = spec.data, .jobs = 1};
    struct eval_options eo = {.cfg = &cfg,
                              .corpus = corpus.data,
                              .gold = gold.data,
                              .backends = &backend,
                              .n_backends = 1};
    struct eval e;
    fb_result rc = eval_run(&e, &eo, &d);
    if (rc != FB_OK)
        fprintf(stderr, "\n  %s: %s", file, diag_first_error(&d));
    CU_ASSERT_EQUAL_FATAL(rc, FB_OK);
    cJSON *report = report_json(&e);
    int before = failures;
    check_expectations(file, report, cJSON_GetObjectItem(c, "expect"));
    CU_ASSERT_EQUAL(failures, before);
    cJSON_Delete(report);
    eval_release(&e);

    CU_ASSERT_EQUAL(fb_test_rmtree(root), 0);
    cJSON_Delete(c);
    buf_release(&corpus);
    buf_release(&gold);
    buf_release(&spec);
    buf_release(&path);
    buf_release(&text);
    buf_release(&tmp);
    diag_release(&d);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_golden_cases(void)
{
    const char *dir = getenv("FB_SCORING_CASES");
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    DIR *dh = opendir(dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dh);
    char *names[256];
    size_t n = 0;
    struct dirent *ent;
    while ((ent = readdir(dh)) && n < 256)
        if (strstr(ent->d_name, ".json"))
            names[n++] = strdup(ent->d_name);
    closedir(dh);
    qsort(names, n, sizeof(*names), compare_names);
    CU_ASSERT_TRUE(n >= 30);
    for (size_t i = 0; i < n; i++) {
        run_case(dir, names[i]);
        free(names[i]);
    }
    if (failures)
        fprintf(stderr, "\n");
    printf("\n%zu golden scoring cases\n", n);
}

static CU_TestInfo tests[] = {
    {"hand-computed golden cases", test_golden_cases},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("scoring", tests), CU_SUITE_INFO_NULL};
