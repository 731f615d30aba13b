#include "textsim.h"

#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "xalloc.h"

/*
 * English function words that carry no claim of their own. Negations (no,
 * not, never, nor) are not here: "was not known" and "was known" are
 * different claims. Keep sorted: looked up by binary search.
 */
static const char *const stop_words[] = {
    "a",     "about",  "after",  "also",  "an",    "and",   "are",   "as",    "at",   "be",
    "been",  "before", "being",  "but",   "by",    "can",   "could", "did",   "do",   "does",
    "for",   "from",   "had",    "has",   "have",  "he",    "her",   "here",  "him",  "his",
    "i",     "if",     "in",     "into",  "is",    "it",    "its",   "may",   "me",   "might",
    "must",  "my",     "of",     "on",    "or",    "our",   "s",     "said",  "say",  "says",
    "shall", "she",    "should", "so",    "than",  "that",  "the",   "their", "them", "then",
    "there", "these",  "they",   "this",  "those", "to",    "up",    "us",    "was",  "we",
    "were",  "what",   "when",   "where", "which", "while", "who",   "whom",  "will", "with",
    "would", "you",    "your",
};

static int compare_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool textsim_is_stop_word(const char *token)
{
    return bsearch(&token, stop_words, sizeof(stop_words) / sizeof(stop_words[0]),
                   sizeof(stop_words[0]), compare_str) != NULL;
}

void tokens_init(struct tokens *t, const char *text)
{
    memset(t, 0, sizeof(*t));
    t->storage = name_fold(text, strlen(text));
    if (!t->storage)
        return;
    size_t cap = 1;
    for (const char *p = t->storage; *p; p++)
        cap += *p == ' ';
    t->all = xcalloc(cap, sizeof(*t->all));
    t->content = xcalloc(cap, sizeof(*t->content));
    for (char *p = t->storage; *p;) {
        char *blank = strchr(p, ' ');
        if (blank)
            *blank = '\0';
        t->all[t->n_all++] = p;
        if (!textsim_is_stop_word(p))
            t->content[t->n_content++] = p;
        if (!blank)
            break;
        p = blank + 1;
    }
    qsort(t->all, t->n_all, sizeof(*t->all), compare_str);
    qsort(t->content, t->n_content, sizeof(*t->content), compare_str);
}

void tokens_release(struct tokens *t)
{
    free(t->storage);
    free(t->all);
    free(t->content);
    memset(t, 0, sizeof(*t));
}

/* The size of the multiset intersection of two sorted token lists. */
static size_t common(const char **a, size_t na, const char **b, size_t nb)
{
    size_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {
        int cmp = strcmp(a[i], b[j]);
        if (cmp == 0) {
            c++;
            i++;
            j++;
        } else if (cmp < 0) {
            i++;
        } else {
            j++;
        }
    }
    return c;
}

double textsim_f1(const struct tokens *a, const struct tokens *b)
{
    const char **ta = a->content, **tb = b->content;
    size_t na = a->n_content, nb = b->n_content;
    if (!na || !nb) {
        ta = a->all;
        tb = b->all;
        na = a->n_all;
        nb = b->n_all;
    }
    if (!na || !nb)
        return 0.0;
    return 2.0 * (double)common(ta, na, tb, nb) / (double)(na + nb);
}
