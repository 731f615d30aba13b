/* Tests for date.c: ISO dates that exist, weekdays, periods. */
#include <string.h>

#include "date.h"
#include "harness.h"

static bool parses(const char *s)
{
    struct fb_date d;
    return date_parse(s, strlen(s), &d);
}

static void test_valid(void)
{
    struct fb_date d;
    CU_ASSERT_TRUE(date_parse("2017-03-22", 10, &d));
    CU_ASSERT_EQUAL(d.year, 2017);
    CU_ASSERT_EQUAL(d.month, 3);
    CU_ASSERT_EQUAL(d.day, 22);
    CU_ASSERT_TRUE(date_parse("2017-03", 7, &d));
    CU_ASSERT_EQUAL(d.month, 3);
    CU_ASSERT_EQUAL(d.day, 0);
    CU_ASSERT_TRUE(date_parse("2017", 4, &d));
    CU_ASSERT_EQUAL(d.month, 0);
    CU_ASSERT_TRUE(parses("2016-02-29"));
    CU_ASSERT_TRUE(parses("2000-02-29"));
    CU_ASSERT_TRUE(parses("9999-12-31"));
}

static void test_invalid(void)
{
    const char *bad[] = {"2017-02-30",       "2017-02-29", "1900-02-29", "2017-04-31", "2017-13",
                         "2017-00",          "2017-03-00", "0000",       "2017-3-1",   "17",
                         "2017-03-22T10:00", " 2017",      "2017/03/22", "",           "abcd"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        CU_ASSERT_FALSE_FATAL(parses(bad[i]));
}

static void test_format_round_trip(void)
{
    const char *all[] = {"2017-03-22", "2017-03", "2017", "0042-01-05"};
    for (size_t i = 0; i < 4; i++) {
        struct fb_date d;
        char out[DATE_STRLEN];
        CU_ASSERT_TRUE(date_parse(all[i], strlen(all[i]), &d));
        date_format(d, out);
        CU_ASSERT_STRING_EQUAL(out, all[i]);
    }
}

static void test_weekday_and_days(void)
{
    struct fb_date wed = {2017, 3, 22}, epoch = {1970, 1, 1}, leap = {2024, 2, 29};
    CU_ASSERT_EQUAL(date_weekday(wed), 2); /* the Westminster attack: a Wednesday */
    CU_ASSERT_EQUAL(date_weekday(epoch), 3);
    CU_ASSERT_EQUAL(date_to_days(epoch), 0);
    CU_ASSERT_EQUAL(date_to_days(wed), 17247);
    struct fb_date back = date_from_days(date_to_days(leap) + 1);
    CU_ASSERT_EQUAL(back.year, 2024);
    CU_ASSERT_EQUAL(back.month, 3);
    CU_ASSERT_EQUAL(back.day, 1);
    for (long z = -800000; z < 800000; z += 997) {
        struct fb_date d = date_from_days(z);
        CU_ASSERT_EQUAL_FATAL(date_to_days(d), z);
    }
}

static void test_within(void)
{
    struct fb_date day = {2017, 3, 22}, month = {2017, 3, 0}, year = {2017, 0, 0},
                   other = {2017, 4, 0};
    CU_ASSERT_TRUE(date_within(day, month));
    CU_ASSERT_TRUE(date_within(day, year));
    CU_ASSERT_TRUE(date_within(month, year));
    CU_ASSERT_TRUE(date_within(day, day));
    CU_ASSERT_FALSE(date_within(month, day));
    CU_ASSERT_FALSE(date_within(year, month));
    CU_ASSERT_FALSE(date_within(day, other));
}

static CU_TestInfo tests[] = {
    {"valid dates", test_valid},
    {"dates that do not exist", test_invalid},
    {"format round trip", test_format_round_trip},
    {"weekdays and day numbers", test_weekday_and_days},
    {"period containment", test_within},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("date", tests), CU_SUITE_INFO_NULL};
