/* Tests for vocab.c: vocabularies, synonyms and spellings. */
#include "harness.h"
#include "vocab.h"

static void test_count_synonyms(void)
{
    const char *killed[] = {"killed",     "dead",       "deaths",    "died",
                            "fatalities", "Death toll", "death_toll"};
    for (int i = 0; i < 7; i++)
        CU_ASSERT_EQUAL(vocab_lookup(&vocab_count_kind, killed[i]), COUNT_KILLED);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_count_kind, "wounded"), COUNT_INJURED);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_count_kind, "hurt"), COUNT_INJURED);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_count_kind, "in hospital"), COUNT_HOSPITALIZED);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_count_kind, "detained"), COUNT_ARRESTED);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_count_kind, "protesters"), COUNT_PARTICIPANTS);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_count_kind, "killing"), -1);
    CU_ASSERT_STRING_EQUAL(vocab_name(&vocab_count_kind, COUNT_KILLED), "killed");
    CU_ASSERT_STRING_EQUAL(vocab_name(&vocab_count_kind, COUNT_HOSPITALIZED), "hospitalized");
}

static void test_spellings(void)
{
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_qualifier, "at_least"), QUAL_AT_LEAST);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_qualifier, "at least"), QUAL_AT_LEAST);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_qualifier, "At-Least"), QUAL_AT_LEAST);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_qualifier, "atleast"), -1);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_actor_type, "organisation"), ACTOR_ORGANIZATION);
    CU_ASSERT_STRING_EQUAL(vocab_name(&vocab_actor_type, ACTOR_ORGANIZATION), "organization");
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_actor_role, ""), -1);
}

static void test_every_value_has_a_name(void)
{
    const struct vocab *all[] = {&vocab_actor_type, &vocab_actor_role, &vocab_count_kind,
                                 &vocab_qualifier,  &vocab_date_kind,  &vocab_claim_kind};
    for (int v = 0; v < 6; v++)
        for (int i = 0; i < all[v]->n_words; i++) {
            const char *name = vocab_name(all[v], all[v]->words[i].value);
            CU_ASSERT_PTR_NOT_NULL_FATAL(name);
            CU_ASSERT_EQUAL(vocab_lookup(all[v], name), all[v]->words[i].value);
        }
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_claim_kind, "denial"), CLAIM_DENIAL);
    CU_ASSERT_EQUAL(vocab_lookup(&vocab_date_kind, "published"), DATE_PUBLISHED);
}

static CU_TestInfo tests[] = {
    {"count synonyms", test_count_synonyms},
    {"case and separators", test_spellings},
    {"every value has a canonical name", test_every_value_has_a_name},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("vocab", tests), CU_SUITE_INFO_NULL};
