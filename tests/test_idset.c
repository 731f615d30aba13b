/* Tests for idset.c. */
#include <stdio.h>

#include "harness.h"
#include "idset.h"

static void test_add_and_has(void)
{
    struct idset s;
    idset_init(&s);
    CU_ASSERT_FALSE(idset_has(&s, "a"));
    char id[32];
    for (int i = 0; i < 10000; i++) {
        snprintf(id, sizeof(id), "article-%d", i);
        CU_ASSERT_TRUE_FATAL(idset_add(&s, id));
    }
    CU_ASSERT_EQUAL(s.count, 10000);
    for (int i = 0; i < 10000; i++) {
        snprintf(id, sizeof(id), "article-%d", i);
        CU_ASSERT_TRUE_FATAL(idset_has(&s, id));
        CU_ASSERT_FALSE_FATAL(idset_add(&s, id));
    }
    CU_ASSERT_FALSE(idset_has(&s, "article-10000"));
    idset_release(&s);
}

static CU_TestInfo tests[] = {
    {"add and look up", test_add_and_has},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("idset", tests), CU_SUITE_INFO_NULL};
