/*
 * harness.c - main() for every CUnit test program: runs the suites the test
 * file lists in fb_suites[] and fails the process when any assertion failed.
 */
#include <CUnit/Basic.h>
#include <stdlib.h>

#include "harness.h"

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return EXIT_FAILURE;
    if (CU_register_suites(fb_suites) != CUE_SUCCESS) {
        CU_cleanup_registry();
        return EXIT_FAILURE;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
