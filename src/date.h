/*
 * date.h - calendar dates at year, month or day granularity.
 *
 * A date is what an ISO 8601 calendar string says: "2017", "2017-03" or
 * "2017-03-22". Month and day are 0 when the granularity stops before them.
 * Only dates that exist are accepted (no 2017-02-30), years 1..9999.
 */
#ifndef FB_DATE_H
#define FB_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct fb_date {
    int year;
    int month; /* 1..12, or 0 for a year */
    int day;   /* 1..31, or 0 for a year or a month */
};

/* Longest string date_format() writes, with its NUL. */
#define DATE_STRLEN 11

/* Parses s[0..len) exactly; returns false for anything else. */
bool date_parse(const char *s, size_t len, struct fb_date *out);
/* Writes the ISO form of d into out (at least DATE_STRLEN bytes). */
void date_format(struct fb_date d, char *out);
bool date_is_leap(int year);
int date_days_in_month(int year, int month);
/* Day of the week of a full date: 0 = Monday ... 6 = Sunday. */
int date_weekday(struct fb_date d);
/* Days since 1970-01-01 of a full date, and back. */
long date_to_days(struct fb_date d);
struct fb_date date_from_days(long days);
/* Whether the period of `inner` lies within the period of `outer` ("2017-03-22" in "2017-03"). */
bool date_within(struct fb_date inner, struct fb_date outer);

#endif
