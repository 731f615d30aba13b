/*
 * harness.h - what a CUnit test file provides to harness.c, and the small
 * file helpers harness.c gives every test file.
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

#include <stdbool.h>
#include <stddef.h>

/* Writes len bytes of data to path (created or emptied); false on failure. */
bool fb_test_write(const char *path, const void *data, size_t len);

/*
 * Removes dir and everything below it (without a shell); an empty dir name
 * is nothing to do. Returns 0 on success: a CUnit suite cleanup result.
 */
int fb_test_rmtree(const char *dir);

#endif
