/* Tests for gold.c: the gold and prediction reader, one case per rule. */
#include <string.h>

#include "gold.h"
#include "harness.h"

static const char article[] = "Police said four people died on Tuesday in Valdora.";

static const struct gold_source source = {"gold/a.json", "a", article, sizeof(article) - 1};

/* Parses json with mode and checks the exact messages, in order ({NULL} for none). */
static struct gold_doc *check(const char *json, enum gold_mode mode, const char *const *want)
{
    struct diag d;
    diag_init(&d);
    struct gold_doc *g;
    fb_result rc = gold_parse(json, strlen(json), mode, &source, &g, &d);
    size_t n = 0;
    while (want[n])
        n++;
    CU_ASSERT_EQUAL(rc, n ? FB_EINPUT : FB_OK);
    CU_ASSERT_EQUAL(d.n_msgs, n);
    for (size_t i = 0; i < n && i < d.n_msgs; i++) {
        if (strcmp(d.msgs[i].text, want[i]) != 0)
            fprintf(stderr, "\n  got:  %s\n  want: %s\n", d.msgs[i].text, want[i]);
        CU_ASSERT_STRING_EQUAL(d.msgs[i].text, want[i]);
    }
    for (size_t i = n; i < d.n_msgs; i++)
        fprintf(stderr, "\n  unexpected: %s\n", d.msgs[i].text);
    diag_release(&d);
    return g;
}

#define NONE      ((const char *const[]){NULL})
#define MSGS(...) ((const char *const[]){__VA_ARGS__, NULL})

static void test_full_document(void)
{
    struct gold_doc *g =
        check("{\"article\": \"a\","
              " \"actors\": [{\"name\": \"Valdora Police\", \"aliases\": [\"police\"],"
              "   \"type\": \"organisation\", \"role\": \"police\"},"
              "  {\"name\": \"Dr. Ana Ruiz\", \"optional\": true}],"
              " \"counts\": [{\"what\": \"dead\", \"value\": 4, \"qualifier\": \"at least\","
              "   \"evidence\": \"four people died\"}],"
              " \"dates\": [{\"what\": \"event\", \"value\": \"2019-06-11\", \"label\": \"crash\","
              "   \"evidence\": \"on Tuesday\"}],"
              " \"claims\": [{\"claimant\": \"Police\", \"kind\": \"statement\","
              "   \"text\": \"four people died\"}]}",
              GOLD_REFERENCE, NONE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_STRING_EQUAL(g->article, "a");
    CU_ASSERT_EQUAL(g->n_actors, 2);
    CU_ASSERT_EQUAL(g->actors[0].type, ACTOR_ORGANIZATION);
    CU_ASSERT_EQUAL(g->actors[0].role, ROLE_POLICE);
    CU_ASSERT_EQUAL(g->actors[0].n_aliases, 1);
    CU_ASSERT_EQUAL(g->actors[1].type, ACTOR_TYPE_UNSET);
    CU_ASSERT_TRUE(g->actors[1].optional);
    CU_ASSERT_EQUAL(g->counts[0].what, COUNT_KILLED);
    CU_ASSERT_EQUAL(g->counts[0].value, 4);
    CU_ASSERT_EQUAL(g->counts[0].qualifier, QUAL_AT_LEAST);
    CU_ASSERT_EQUAL(g->dates[0].value.day, 11);
    CU_ASSERT_STRING_EQUAL(g->dates[0].label, "crash");
    CU_ASSERT_EQUAL(g->claims[0].kind, CLAIM_STATEMENT);
    gold_free(g);
}

static void test_empty_lists_and_missing_lists(void)
{
    struct gold_doc *g =
        check("{\"article\": \"a\", \"actors\": [], \"claims\": null}", GOLD_REFERENCE, NONE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->n_actors + g->n_counts + g->n_dates + g->n_claims, 0);
    gold_free(g);
}

static void test_article_id(void)
{
    check("{\"actors\": []}", GOLD_REFERENCE,
          MSGS("gold/a.json: $: missing required field 'article'"));
    check("{\"article\": \"b\"}", GOLD_REFERENCE,
          MSGS("gold/a.json: $.article: expected 'a' (the file's id), found 'b'"));
    check("{\"article\": \"../a\"}", GOLD_REFERENCE,
          MSGS("gold/a.json: $.article: '../a' is not a valid article id"));
    check("{\"article\": 7}", GOLD_REFERENCE, MSGS("gold/a.json: $.article: expected a string"));
    check("[]", GOLD_REFERENCE, MSGS("gold/a.json: $: expected an object"));
}

static void test_types(void)
{
    check("{\"article\": \"a\", \"actors\": {}}", GOLD_REFERENCE,
          MSGS("gold/a.json: $.actors: expected an array"));
    check("{\"article\": \"a\", \"actors\": [\"x\"]}", GOLD_REFERENCE,
          MSGS("gold/a.json: $.actors[0]: expected an object"));
    check("{\"article\": \"a\", \"actors\": [{\"name\": 3}]}", GOLD_REFERENCE,
          MSGS("gold/a.json: $.actors[0].name: expected a string"));
    check("{\"article\": \"a\", \"actors\": [{\"name\": \"  \"}]}", GOLD_REFERENCE,
          MSGS("gold/a.json: $.actors[0].name: expected a non-empty string"));
    check("{\"article\": \"a\", \"actors\": [{\"name\": \"--\"}]}", GOLD_REFERENCE,
          MSGS("gold/a.json: $.actors[0].name: name '--' has no letter or digit"));
    check("{\"article\": \"a\", \"actors\": [{\"name\": \"X\", \"aliases\": \"Y\"}]}",
          GOLD_REFERENCE, MSGS("gold/a.json: $.actors[0].aliases: expected an array of strings"));
    check("{\"article\": \"a\", \"actors\": [{\"name\": \"X\", \"aliases\": [\"Y\", 2]}]}",
          GOLD_REFERENCE, MSGS("gold/a.json: $.actors[0].aliases[1]: expected a string"));
    check("{\"article\": \"a\", \"actors\": [{\"name\": \"X\", \"optional\": \"yes\"}]}",
          GOLD_REFERENCE, MSGS("gold/a.json: $.actors[0].optional: expected true or false"));
}

static void test_vocabularies(void)
{
    check("{\"article\": \"a\", \"actors\": [{\"name\": \"X\", \"role\": \"attacker\"}]}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.actors[0].role: unknown actor role 'attacker' (expected one "
               "of: perpetrator, suspect, victim, official, police, military, rescuer, "
               "witness, expert, spokesperson, media, defendant, plaintiff, prosecutor, judge, "
               "lawyer, candidate, organizer, participant, other)"));
    check("{\"article\": \"a\", \"actors\": [{\"name\": \"X\", \"type\": \"animal\"}]}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.actors[0].type: unknown actor type 'animal' (expected one of: "
               "person, organization, other)"));
    check("{\"article\": \"a\", \"dates\": [{\"what\": \"birthday\", \"value\": \"2019\"}]}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.dates[0].what: unknown date kind 'birthday' (expected one of: "
               "event, published, other)"));
    check("{\"article\": \"a\", \"counts\": [{\"what\": \"dead\", \"value\": 1, "
          "\"qualifier\": \"roughly\"}]}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.counts[0].qualifier: unknown count qualifier 'roughly' "
               "(expected one of: exact, at_least, at_most, about)"));
}

static void test_counts(void)
{
    const char *const bad_value[] = {"-1", "2.5", "\"4\"", "null", "-0.5"};
    for (int i = 0; i < 5; i++) {
        char json[160];
        snprintf(json, sizeof(json),
                 "{\"article\": \"a\", \"counts\": [{\"what\": \"killed\", \"value\": 1}, "
                 "{\"what\": \"killed\", \"value\": %s}]}",
                 bad_value[i]);
        check(json, GOLD_REFERENCE,
              MSGS("gold/a.json: $.counts[1].value: expected a non-negative integer"));
    }
    check("{\"article\": \"a\", \"counts\": [{\"what\": \"killed\", "
          "\"value\": 1e999}]}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.counts[0].value: expected a non-negative integer no larger "
               "than 2^53"));
    check("{\"article\": \"a\", \"counts\": [{\"value\": 3}]}", GOLD_REFERENCE,
          MSGS("gold/a.json: $.counts[0]: missing required field 'what'"));
}

static void test_dates(void)
{
    check("{\"article\": \"a\", \"dates\": [{\"what\": \"event\", \"value\": \"2017-02-30\"}]}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.dates[0].value: '2017-02-30' is not a date that exists "
               "(YYYY, YYYY-MM or YYYY-MM-DD)"));
    check("{\"article\": \"a\", \"dates\": [{\"what\": \"event\", \"value\": 2017}]}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.dates[0].value: expected a date string (YYYY, YYYY-MM or "
               "YYYY-MM-DD)"));
}

static void test_claimants(void)
{
    check("{\"article\": \"a\", \"actors\": [{\"name\": \"Ana Ruiz\", \"aliases\": "
          "[\"Dr Ruiz\"]}], \"claims\": [{\"claimant\": \"ruiz\", \"kind\": \"statement\", "
          "\"text\": \"t\"}, {\"claimant\": \"Prof. Ruiz\", \"kind\": \"denial\", \"text\": "
          "\"t\"}, {\"claimant\": \"Ana\", \"kind\": \"statement\", \"text\": \"t\"}]}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.claims[2].claimant: 'Ana' is not the name or an alias of an "
               "actor in this file"));
    /* predictions may name any claimant */
    struct gold_doc *g = check("{\"article\": \"a\", \"claims\": [{\"claimant\": \"Ana\", "
                               "\"kind\": \"statement\", \"text\": \"t\"}]}",
                               GOLD_PREDICTION, NONE);
    gold_free(g);
}

static void test_evidence(void)
{
    check("{\"article\": \"a\", \"counts\": [{\"what\": \"killed\", \"value\": 4, "
          "\"evidence\": \"four people Died\"}]}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.counts[0].evidence: evidence 'four people Died' does not occur "
               "verbatim in the article"));
    struct gold_doc *g = check("{\"article\": \"a\", \"counts\": [{\"what\": \"killed\", "
                               "\"value\": 4, \"evidence\": \"not in the text\"}]}",
                               GOLD_PREDICTION, NONE);
    gold_free(g);
}

static void test_unknown_and_duplicate_fields(void)
{
    check("{\"article\": \"a\", \"actors\": [{\"name\": \"X\", \"alias\": [\"Y\"]}]}",
          GOLD_REFERENCE, MSGS("gold/a.json: $.actors[0].alias: unknown field"));
    struct gold_doc *g = check("{\"article\": \"a\", \"model\": \"v2\", \"actors\": "
                               "[{\"name\": \"X\", \"score\": 0.9}]}",
                               GOLD_PREDICTION, NONE);
    gold_free(g);
    check("{\"article\": \"a\", \"article\": \"a\"}", GOLD_REFERENCE,
          MSGS("gold/a.json: $.article: duplicate field"));
}

static void test_every_problem_is_reported(void)
{
    check("{\"article\": \"a\", \"counts\": [{\"what\": \"x\", \"value\": -1}], "
          "\"dates\": [{\"what\": \"event\", \"value\": \"2019-13\"}], \"extra\": 1}",
          GOLD_REFERENCE,
          MSGS("gold/a.json: $.counts[0].what: unknown count kind 'x' (expected one of: "
               "killed, injured, hospitalized, arrested, charged, convicted, missing, "
               "displaced, evacuated, rescued, affected, cases, vaccinated, participants, "
               "votes, seats, jobs, other)",
               "gold/a.json: $.counts[0].value: expected a non-negative integer",
               "gold/a.json: $.dates[0].value: '2019-13' is not a date that exists (YYYY, "
               "YYYY-MM or YYYY-MM-DD)",
               "gold/a.json: $.extra: unknown field"));
}

static void test_syntax_error_names_the_file(void)
{
    check("{\"article\": \"a\",\n  \"actors\": [}", GOLD_REFERENCE,
          MSGS("gold/a.json:2:14: expected a value"));
}

static CU_TestInfo tests[] = {
    {"a full document", test_full_document},
    {"empty and absent lists", test_empty_lists_and_missing_lists},
    {"article id", test_article_id},
    {"types", test_types},
    {"vocabularies", test_vocabularies},
    {"counts", test_counts},
    {"dates", test_dates},
    {"claimants name actors", test_claimants},
    {"evidence", test_evidence},
    {"unknown and duplicate fields", test_unknown_and_duplicate_fields},
    {"every problem is reported", test_every_problem_is_reported},
    {"syntax errors name the file", test_syntax_error_names_the_file},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("gold", tests), CU_SUITE_INFO_NULL};
