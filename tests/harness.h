/*
 * harness.h - what a CUnit test file provides to harness.c.
 */
#ifndef FB_TEST_HARNESS_H
#define FB_TEST_HARNESS_H

#include <CUnit/CUnit.h>

/* The test file's suites, ending with CU_SUITE_INFO_NULL. */
extern CU_SuiteInfo fb_suites[];

#define FB_SUITE(name, tests)                                                                      \
    {                                                                                              \
        name, NULL, NULL, NULL, NULL, tests                                                        \
    }

#endif
