#include "validate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "corpus.h"
#include "fileio.h"
#include "gold.h"
#include "idset.h"
#include "json.h"
#include "xalloc.h"

static size_t count_words(const char *text, size_t len)
{
    size_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < len; i++) {
        bool blank = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
        words += !blank && !in_word;
        in_word = !blank;
    }
    return words;
}

static void tally(struct corpus_group *g, const struct article *a, const struct gold_doc *gold)
{
    g->articles++;
    g->words += count_words(a->text, a->text_len);
    for (int c = 0; gold && c < N_CATEGORIES; c++) {
        size_t n = gold_n_items(gold, (enum category)c);
        g->items[c] += n;
        for (size_t i = 0; i < n; i++)
            g->optional[c] += gold_item_optional(gold, (enum category)c, i);
    }
}

static void check_gold(const struct article *a, const char *gold_dir, const struct bounds *limits,
                       struct corpus_group *group, struct validate_summary *sum, struct diag *d)
{
    struct gold_doc *g;
    fb_result rc = gold_load_article(limits, gold_dir, a, &g, d);
    if (rc == FB_END) {
        diag_warning(d, "%s: no gold file '%s/%s.json'", a->source, gold_dir, a->id);
        sum->without_gold++;
    }
    sum->gold_files += rc == FB_OK;
    tally(group, a, g);
    gold_free(g);
}

static void check_orphans(const char *corpus_path, const char *gold_dir, const struct idset *seen,
                          struct diag *d)
{
    size_t n;
    char **ids = fileio_list(gold_dir, ".json", "gold directory", &n, d);
    for (size_t i = 0; i < n; i++) {
        if (!article_id_valid(ids[i]))
            diag_error(d, "%s/%s.json: '%s' is not a valid article id", gold_dir, ids[i], ids[i]);
        else if (!idset_has(seen, ids[i]))
            diag_error(d, "%s/%s.json: no article '%s' in corpus '%s'", gold_dir, ids[i], ids[i],
                       corpus_path);
    }
    fileio_free_list(ids);
}

/* ---- groups --------------------------------------------------------------- */

struct member {
    const char *id; /* points into the groups file's tree */
    size_t group;
    bool seen;
};

struct groups {
    cJSON *root;
    struct member *members; /* sorted by id */
    size_t n;
};

static int compare_members(const void *a, const void *b)
{
    return strcmp(((const struct member *)a)->id, ((const struct member *)b)->id);
}

static void add_group(struct validate_summary *sum, const char *name)
{
    sum->groups = xreallocarray(sum->groups, sum->n_groups + 1, sizeof(*sum->groups));
    memset(&sum->groups[sum->n_groups], 0, sizeof(*sum->groups));
    sum->groups[sum->n_groups++].name = xstrdup(name);
}

/* Reads the groups file; false (reported) when it is broken. */
static bool load_groups(const char *path, struct groups *gr, struct validate_summary *sum,
                        struct diag *d)
{
    gr->root = json_load(path, d);
    if (!gr->root)
        return false;
    bool ok = true;
    if (!cJSON_IsObject(gr->root)) {
        diag_error(d, "%s: $: expected an object of groups", path);
        return false;
    }
    size_t cap = 0;
    for (const cJSON *g = gr->root->child; g; g = g->next) {
        if (!cJSON_IsArray(g)) {
            diag_error(d, "%s: $.%s: expected an array of article ids", path, g->string);
            ok = false;
            continue;
        }
        int i = 0;
        for (const cJSON *id = g->child; id; id = id->next, i++) {
            if (!cJSON_IsString(id) || !article_id_valid(id->valuestring)) {
                diag_error(d, "%s: $.%s[%d]: expected an article id", path, g->string, i);
                ok = false;
                continue;
            }
            XGROW(gr->members, cap, gr->n + 1);
            gr->members[gr->n++] = (struct member){id->valuestring, sum->n_groups, false};
        }
        add_group(sum, g->string);
    }
    qsort(gr->members, gr->n, sizeof(*gr->members), compare_members);
    for (size_t i = 1; i < gr->n; i++)
        if (strcmp(gr->members[i - 1].id, gr->members[i].id) == 0) {
            diag_error(d, "%s: article '%s' is in two groups", path, gr->members[i].id);
            ok = false;
        }
    return ok;
}

/* The group statistics an article counts in. */
static struct corpus_group *group_of(struct groups *gr, struct validate_summary *sum,
                                     const char *id)
{
    struct member key = {id, 0, false};
    struct member *m =
        gr->n ? bsearch(&key, gr->members, gr->n, sizeof(key), compare_members) : NULL;
    if (!m)
        return &sum->groups[sum->n_groups - 1];
    m->seen = true;
    return &sum->groups[m->group];
}

/* ---- the whole check ---------------------------------------------------------- */

fb_result validate_corpus(const char *corpus_path, const char *gold_dir, const char *groups_path,
                          const struct bounds *limits, struct validate_summary *sum, struct diag *d)
{
    size_t errors_before = d->errors;
    memset(sum, 0, sizeof(*sum));
    struct groups gr = {NULL, NULL, 0};
    bool ok = !groups_path || load_groups(groups_path, &gr, sum, d);
    add_group(sum, groups_path ? "(ungrouped)" : "all");
    corpus *c = NULL;
    if (ok && fileio_check_dir(gold_dir, "gold directory", d) == FB_OK)
        c = corpus_open(corpus_path, d);
    if (c && limits)
        corpus_set_bounds(c, limits);

    struct idset seen;
    idset_init(&seen);
    struct article a;
    fb_result rc;
    while (c && (rc = corpus_next(c, &a, d)) != FB_END) {
        if (rc != FB_OK) {
            if (a.id) /* its gold file has an article, if a broken one */
                idset_add(&seen, a.id);
            continue;
        }
        if (!idset_add(&seen, a.id)) {
            diag_error(d, "%s: duplicate article id '%s'", a.source, a.id);
            continue;
        }
        sum->articles++;
        check_gold(&a, gold_dir, limits, group_of(&gr, sum, a.id), sum, d);
    }
    if (c) {
        corpus_close(c);
        check_orphans(corpus_path, gold_dir, &seen, d);
        for (size_t i = 0; i < gr.n; i++)
            if (!gr.members[i].seen)
                diag_warning(d, "%s: article '%s' is not in the corpus", groups_path,
                             gr.members[i].id);
    }
    idset_release(&seen);
    free(gr.members);
    cJSON_Delete(gr.root);
    return d->errors > errors_before ? FB_EINPUT : FB_OK;
}

void validate_summary_release(struct validate_summary *sum)
{
    for (size_t i = 0; i < sum->n_groups; i++)
        free(sum->groups[i].name);
    free(sum->groups);
    memset(sum, 0, sizeof(*sum));
}

static void print_row(FILE *out, const struct corpus_group *g)
{
    fprintf(out, "| %s | %zu | %zu | %zu |", g->name, g->articles, g->words,
            g->articles ? g->words / g->articles : 0);
    for (int c = 0; c < N_CATEGORIES; c++)
        fprintf(out, " %zu (%zu) |", g->items[c], g->optional[c]);
    fputc('\n', out);
}

void validate_print_stats(const struct validate_summary *sum, FILE *out)
{
    fprintf(out, "| group | articles | words | words per article |");
    for (int c = 0; c < N_CATEGORIES; c++)
        fprintf(out, " %s (optional) |", category_names[c]);
    fprintf(out, "\n|---|--:|--:|--:|--:|--:|--:|--:|\n");
    struct corpus_group total = {(char *)"total", 0, 0, {0}, {0}};
    for (size_t i = 0; i < sum->n_groups; i++) {
        const struct corpus_group *g = &sum->groups[i];
        if (!g->articles && i + 1 == sum->n_groups && sum->n_groups > 1)
            continue; /* no ungrouped article */
        print_row(out, g);
        total.articles += g->articles;
        total.words += g->words;
        for (int c = 0; c < N_CATEGORIES; c++) {
            total.items[c] += g->items[c];
            total.optional[c] += g->optional[c];
        }
    }
    if (sum->n_groups > 1)
        print_row(out, &total);
}
