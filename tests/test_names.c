/* Tests for names.c: the normal form of names (SPEC section 4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "names.h"

static void expect(const char *in, const char *want)
{
    char *got = name_normalize(in, strlen(in));
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "\nname_normalize(\"%s\") = \"%s\", want \"%s\"\n", in, got, want);
    CU_ASSERT_STRING_EQUAL(got, want);
    free(got);
}

static void test_spec_examples(void)
{
    expect("\xE2\x80\x9C"
           "Dr. Okafor"
           "\xE2\x80\x9D",
           "okafor");
    expect("dr okafor", "okafor");
    expect("Okafor", "okafor");
    expect("Mrs May", "may");
    expect("So-called Islamic State", "so called islamic state");
}

static void test_honorifics(void)
{
    expect("Professor Peter Neumann", "peter neumann");
    expect("Mr. Dr. Smith", "smith");
    expect("Dr", "dr"); /* the last token stays */
    expect("Sir Mr", "mr");
    expect("Ms. Dr. Prof.", "prof");
    expect("Drew Carter", "drew carter");         /* a token, not a prefix */
    expect("Keith Mr Palmer", "keith mr palmer"); /* only leading tokens */
}

static void test_blanks_and_punctuation(void)
{
    expect("  King's   College\tLondon ", "king s college london");
    expect("O'Brien", "o brien");
    expect("I.C.S.R.", "i c s r");
    expect("---", "");
    expect("", "");
}

static void test_unicode(void)
{
    expect("\xC3\x89"
           "COLE",
           "\xC3\xA9"
           "cole"); /* ÉCOLE */
    expect("E\xCC\x81"
           "cole",
           "\xC3\xA9"
           "cole"); /* combining acute composes */
    expect("Stra\xC3\x9F"
           "e",
           "strasse"); /* full case folding */
    expect("\xEF\xAC\x81"
           "sh",
           "fish");                                            /* NFKC: the fi ligature */
    expect("\xEF\xBC\xA1\xEF\xBC\xA2", "ab");                  /* fullwidth letters */
    expect("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", /* Москва */
           "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    expect("Dr\xC2\xA0Okafor", "okafor"); /* no-break space */
}

/*
 * ASCII text takes a fast path; Unicode text goes through utf8proc. With
 * "É" appended (a letter: no blank before it; folded, "é"), every ASCII
 * character between two letters must fold as it does on the fast path.
 */
static void test_ascii_path_agrees(void)
{
    for (int c = 1; c < 128; c++) {
        char ascii[4] = {'A', (char)c, 'b', '\0'}, unicode[16];
        snprintf(unicode, sizeof(unicode), "%s\xC3\x89", ascii);
        char *x = name_fold(ascii, strlen(ascii)), *u = name_fold(unicode, strlen(unicode));
        CU_ASSERT_PTR_NOT_NULL_FATAL(x);
        CU_ASSERT_PTR_NOT_NULL_FATAL(u);
        char want[16];
        snprintf(want, sizeof(want), "%s\xC3\xA9", x);
        if (strcmp(u, want) != 0)
            fprintf(stderr, "\ncharacter %d: ASCII path \"%s\", utf8proc \"%s\"\n", c, x, u);
        CU_ASSERT_STRING_EQUAL(u, want);
        free(x);
        free(u);
    }
}

static void test_invalid_utf8(void)
{
    CU_ASSERT_PTR_NULL(name_normalize("a\xFF", 2));
}

static CU_TestInfo tests[] = {
    {"SPEC examples", test_spec_examples},
    {"honorifics", test_honorifics},
    {"blanks and punctuation", test_blanks_and_punctuation},
    {"Unicode", test_unicode},
    {"ASCII fast path agrees with utf8proc", test_ascii_path_agrees},
    {"invalid UTF-8", test_invalid_utf8},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("names", tests), CU_SUITE_INFO_NULL};
