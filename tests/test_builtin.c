/*
 * Tests for the built-in extractor (builtin.c and builtin_*.c): hand-written
 * sentences for each kind of rule, and texts that must not break it.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "builtin.h"
#include "harness.h"
#include "names.h"

static builtin *rules;

static int suite_init(void)
{
    struct diag d;
    diag_init(&d);
    rules = builtin_new(&d);
    diag_release(&d);
    return rules ? 0 : 1;
}

static int suite_clean(void)
{
    builtin_free(rules);
    return 0;
}

/* Runs the extractor on text, published on the given day (year 0: no date). */
static struct gold_doc *extract(const char *text, size_t len, struct fb_date published)
{
    struct article a = {"t", text, len, published.year != 0, published, NULL, "test"};
    struct gold_doc *g = builtin_extract(rules, &a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_STRING_EQUAL(g->article, "t");
    return g;
}

static struct gold_doc *extract_s(const char *text, struct fb_date published)
{
    return extract(text, strlen(text), published);
}

/* Whether the prediction, written as JSON, reads back as a valid prediction. */
static bool round_trips(const struct gold_doc *g)
{
    cJSON *json = gold_to_json(g);
    char *text = cJSON_PrintUnformatted(json);
    cJSON_Delete(json);
    struct diag d;
    diag_init(&d);
    struct gold_source src = {"prediction", "t", NULL, 0};
    struct gold_doc *back = NULL;
    bool ok = text && gold_parse(text, strlen(text), GOLD_PREDICTION, &src, &back, &d) == FB_OK;
    gold_free(back);
    diag_release(&d);
    free(text);
    return ok;
}

static bool same_name(const char *a, const char *b)
{
    char *na = name_normalize(a, strlen(a)), *nb = name_normalize(b, strlen(b));
    bool same = na && nb && strcmp(na, nb) == 0;
    free(na);
    free(nb);
    return same;
}

/* The actor whose name or one of whose aliases is `name`, or NULL. */
static const struct actor *find_actor(const struct gold_doc *g, const char *name)
{
    for (size_t i = 0; i < g->n_actors; i++) {
        if (same_name(g->actors[i].name, name))
            return &g->actors[i];
        for (size_t k = 0; k < g->actors[i].n_aliases; k++)
            if (same_name(g->actors[i].aliases[k], name))
                return &g->actors[i];
    }
    return NULL;
}

static const struct count *find_count(const struct gold_doc *g, enum count_kind what, int64_t value)
{
    for (size_t i = 0; i < g->n_counts; i++)
        if (g->counts[i].what == what && g->counts[i].value == value)
            return &g->counts[i];
    return NULL;
}

static const struct date_item *find_date(const struct gold_doc *g, struct fb_date v)
{
    for (size_t i = 0; i < g->n_dates; i++)
        if (g->dates[i].value.year == v.year && g->dates[i].value.month == v.month &&
            g->dates[i].value.day == v.day)
            return &g->dates[i];
    return NULL;
}

static const struct claim *find_claim(const struct gold_doc *g, const char *claimant,
                                      enum claim_kind kind)
{
    for (size_t i = 0; i < g->n_claims; i++)
        if (g->claims[i].kind == kind && same_name(g->claims[i].claimant, claimant))
            return &g->claims[i];
    return NULL;
}

static const struct fb_date thursday = {2017, 3, 23};

/* ---- actors ---------------------------------------------------------------- */

static void test_title_and_alias(void)
{
    struct gold_doc *g = extract_s("date 2017-03-23\n\nBridge to reopen\n\n"
                                   "Transport Minister Halvard Ostrom said the bridge would "
                                   "reopen within a month. Mr Ostrom added that the repairs had "
                                   "cost less than expected.\n",
                                   thursday);
    const struct actor *a = find_actor(g, "Halvard Ostrom");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_STRING_EQUAL(a->name, "Halvard Ostrom");
    CU_ASSERT_EQUAL(a->type, ACTOR_PERSON);
    CU_ASSERT_EQUAL(a->role, ROLE_OFFICIAL);
    /* "Mr Ostrom" is the same actor, listed as an alias, not a second actor */
    CU_ASSERT_PTR_EQUAL(find_actor(g, "Mr Ostrom"), a);
    bool alias = false;
    for (size_t k = 0; k < a->n_aliases; k++)
        alias |= strcmp(a->aliases[k], "Mr Ostrom") == 0;
    CU_ASSERT_TRUE(alias);
    size_t named = 0;
    for (size_t i = 0; i < g->n_actors; i++)
        named += strstr(g->actors[i].name, "Ostrom") != NULL;
    CU_ASSERT_EQUAL(named, 1);
    gold_free(g);
}

static void test_organisation_acronym(void)
{
    struct gold_doc *g = extract_s("The Coastal Rescue Agency (CRA) sent two boats. The CRA "
                                   "said the crews were safe.\n",
                                   thursday);
    const struct actor *a = find_actor(g, "Coastal Rescue Agency");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_EQUAL(a->type, ACTOR_ORGANIZATION);
    CU_ASSERT_PTR_EQUAL(find_actor(g, "CRA"), a);
    CU_ASSERT_PTR_NOT_NULL(find_claim(g, "Coastal Rescue Agency", CLAIM_STATEMENT));
    gold_free(g);
}

/* ---- counts ---------------------------------------------------------------- */

static void test_counts_words_and_digits(void)
{
    struct gold_doc *g = extract_s("At least twenty-three people were killed and 1,250 were "
                                   "injured when the dam gave way. Police arrested four men. "
                                   "The 34-year-old driver was among about 300 residents "
                                   "evacuated in 2019.\n",
                                   thursday);
    const struct count *killed = find_count(g, COUNT_KILLED, 23);
    CU_ASSERT_PTR_NOT_NULL_FATAL(killed);
    CU_ASSERT_EQUAL(killed->qualifier, QUAL_AT_LEAST);
    const struct count *injured = find_count(g, COUNT_INJURED, 1250);
    CU_ASSERT_PTR_NOT_NULL_FATAL(injured);
    CU_ASSERT_EQUAL(injured->qualifier, QUAL_EXACT);
    CU_ASSERT_PTR_NOT_NULL(find_count(g, COUNT_ARRESTED, 4));
    const struct count *evacuated = find_count(g, COUNT_EVACUATED, 300);
    CU_ASSERT_PTR_NOT_NULL_FATAL(evacuated);
    CU_ASSERT_EQUAL(evacuated->qualifier, QUAL_ABOUT);
    /* an age and a year are not counts */
    for (size_t i = 0; i < g->n_counts; i++) {
        CU_ASSERT_NOT_EQUAL(g->counts[i].value, 34);
        CU_ASSERT_NOT_EQUAL(g->counts[i].value, 2019);
    }
    gold_free(g);
}

/* ---- dates ----------------------------------------------------------------- */

static void test_weekday_before_publication(void)
{
    /* 2017-03-23 is a Thursday: "on Wednesday" is the day before */
    struct gold_doc *g = extract_s("The blast tore through the market on Wednesday, "
                                   "officials said.\n",
                                   thursday);
    const struct date_item *pub = find_date(g, thursday);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pub);
    CU_ASSERT_EQUAL(pub->what, DATE_PUBLISHED);
    const struct date_item *ev = find_date(g, (struct fb_date){2017, 3, 22});
    CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
    CU_ASSERT_EQUAL(ev->what, DATE_EVENT);
    gold_free(g);
}

static void test_yesterday_and_next_weekday(void)
{
    struct gold_doc *g = extract_s("Divers found the wreck yesterday. The inquiry will open "
                                   "next Monday.\n",
                                   (struct fb_date){2020, 1, 1});
    const struct date_item *y = find_date(g, (struct fb_date){2019, 12, 31});
    CU_ASSERT_PTR_NOT_NULL_FATAL(y);
    CU_ASSERT_EQUAL(y->what, DATE_EVENT);
    const struct date_item *next = find_date(g, (struct fb_date){2020, 1, 6});
    CU_ASSERT_PTR_NOT_NULL_FATAL(next);
    CU_ASSERT_EQUAL(next->what, DATE_OTHER);
    gold_free(g);
}

/* ---- claims ---------------------------------------------------------------- */

static void test_responsibility(void)
{
    struct gold_doc *g = extract_s("A militant group, the Northern Brigade, claimed "
                                   "responsibility for the ambush on the convoy.\n",
                                   thursday);
    const struct claim *c = find_claim(g, "Northern Brigade", CLAIM_RESPONSIBILITY);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_PTR_NOT_NULL(strstr(c->text, "ambush on the convoy"));
    CU_ASSERT_PTR_NOT_NULL(find_actor(g, "Northern Brigade"));
    gold_free(g);
}

static void test_denial(void)
{
    struct gold_doc *g = extract_s("The Harbour Freight Company denied that its drivers had "
                                   "ignored the storm warnings.\n",
                                   thursday);
    const struct claim *c = find_claim(g, "Harbour Freight Company", CLAIM_DENIAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->text, "its drivers had ignored the storm warnings");
    gold_free(g);
}

static void test_quote_and_pronoun(void)
{
    struct gold_doc *g = extract_s("Fire chief Ingrid Salo said the blaze was under control. "
                                   "\"We were lucky with the wind,\" she said.\n",
                                   thursday);
    const struct claim *c = NULL;
    for (size_t i = 0; i < g->n_claims; i++)
        if (strcmp(g->claims[i].text, "We were lucky with the wind") == 0)
            c = &g->claims[i];
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->claimant, "Ingrid Salo");
    gold_free(g);
}

/* ---- texts that must not break it ---------------------------------------- */

static void test_empty_and_punctuation(void)
{
    struct gold_doc *g = extract("", 0, thursday);
    CU_ASSERT_EQUAL(g->n_actors + g->n_counts + g->n_claims, 0);
    CU_ASSERT_EQUAL(g->n_dates, 1); /* the publication date */
    CU_ASSERT_TRUE(round_trips(g));
    gold_free(g);
    g = extract_s("?!... ,,, ;;; \"\" -- (( )) ''", (struct fb_date){0, 0, 0});
    CU_ASSERT_EQUAL(g->n_actors + g->n_counts + g->n_dates + g->n_claims, 0);
    CU_ASSERT_TRUE(round_trips(g));
    gold_free(g);
}

static const char *const vocabulary[] = {
    "the",    "Police", "said",    "Mr",   "Kask",   "killed", "at",        "least",
    "12",     "on",     "Tuesday", "\"",   "denied", "of",     "accused",   "claimed",
    "Agency", "(AB)",   "1,200",   "he",   "told",   "March",  "according", "to",
    "\n",     ".",      ",",       "Ünal", "—",      "Dr",     "yesterday", "four",
};

static void test_random_megabyte(void)
{
    size_t cap = 1 << 20, len = 0;
    char *text = malloc(cap + 32);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    unsigned long long x = 0x9e3779b97f4a7c15ull;
    while (len < cap) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const char *w = vocabulary[x % (sizeof(vocabulary) / sizeof(vocabulary[0]))];
        size_t n = strlen(w);
        memcpy(text + len, w, n);
        len += n;
        text[len++] = ' ';
    }
    text[len] = '\0';
    struct gold_doc *g = extract(text, len, thursday);
    CU_ASSERT_TRUE(round_trips(g));
    CU_ASSERT_TRUE(g->n_actors <= 1000 && g->n_counts <= 1000 && g->n_claims <= 1000);
    gold_free(g);
    free(text);
}

static CU_TestInfo tests[] = {
    {"a person with a title and an alias is one actor", test_title_and_alias},
    {"an organisation and its acronym", test_organisation_acronym},
    {"counts in words and digits, with qualifiers", test_counts_words_and_digits},
    {"a past weekday resolves before publication", test_weekday_before_publication},
    {"yesterday and next Monday", test_yesterday_and_next_weekday},
    {"a claim of responsibility", test_responsibility},
    {"a denial", test_denial},
    {"a quotation attributed through a pronoun", test_quote_and_pronoun},
    {"empty text and punctuation give valid output", test_empty_and_punctuation},
    {"a megabyte of random words gives valid output", test_random_megabyte},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {
    {"builtin", suite_init, suite_clean, NULL, NULL, tests},
    CU_SUITE_INFO_NULL,
};
