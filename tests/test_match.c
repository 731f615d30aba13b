/* Tests for match.c and textsim.c: claim text similarity and the matchers. */
#include <math.h>
#include <string.h>

#include "gold.h"
#include "harness.h"
#include "match.h"
#include "textsim.h"

static double sim(const char *a, const char *b)
{
    struct tokens ta, tb;
    tokens_init(&ta, a);
    tokens_init(&tb, b);
    double s = textsim_f1(&ta, &tb);
    tokens_release(&ta);
    tokens_release(&tb);
    return s;
}

static void test_similarity(void)
{
    CU_ASSERT_DOUBLE_EQUAL(sim("the attacker was a British citizen known to police",
                               "attacker was British and known to security services"),
                           0.6, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sim("Plots, easy to construct!", "plots easy construct"), 1.0, 1e-12);
    /* multisets: "fire fire" shares one "fire" with "fire": 2*1/(2+1) */
    CU_ASSERT_DOUBLE_EQUAL(sim("fire fire", "fire"), 2.0 / 3.0, 1e-12);
    /* only stop words on one side: all tokens count, 2*1/(3+2) */
    CU_ASSERT_DOUBLE_EQUAL(sim("it was them", "it fell"), 0.4, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sim("", "anything"), 0.0, 1e-12);
    /* negations are not stop words */
    CU_ASSERT_TRUE(sim("the attacker was not known", "the attacker was known") < 0.9);
}

static void test_stop_words(void)
{
    CU_ASSERT_TRUE(textsim_is_stop_word("the"));
    CU_ASSERT_TRUE(textsim_is_stop_word("said"));
    CU_ASSERT_FALSE(textsim_is_stop_word("not"));
    CU_ASSERT_FALSE(textsim_is_stop_word("police"));
}

static void test_claimant_uses_gold_aliases(void)
{
    struct gold_actor_fixture {
        struct actor a;
        char *aliases[1];
    } f = {{"Theresa May", NULL, 1, ACTOR_PERSON, ROLE_OFFICIAL, false}, {"Mrs May"}};
    f.a.aliases = f.aliases;
    struct claim gc = {"Theresa May", CLAIM_STATEMENT, "the attacker was British", false};
    struct claim pc = {"Mrs. May", CLAIM_STATEMENT, "the attacker was British", false};
    struct gold_doc gold = {"a", &f.a, 1, NULL, 0, NULL, 0, &gc, 1};
    struct gold_doc pred = {"a", NULL, 0, NULL, 0, NULL, 0, &pc, 1};
    struct match_doc *mg = match_prepare(&gold, true), *mp = match_prepare(&pred, false);
    struct match_result r;
    matchers[CAT_CLAIMS]->compare(&match_defaults, mg, 0, mp, 0, &r);
    CU_ASSERT_TRUE(r.strict);
    CU_ASSERT_DOUBLE_EQUAL(r.similarity, 1.0, 1e-12);
    match_doc_free(mg);
    match_doc_free(mp);
}

static CU_TestInfo tests[] = {
    {"claim text similarity", test_similarity},
    {"stop words", test_stop_words},
    {"gold claimants answer to their actor's aliases", test_claimant_uses_gold_aliases},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("match", tests), CU_SUITE_INFO_NULL};
