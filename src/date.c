#include "date.h"

#include <stdio.h>

static bool digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool date_is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && date_is_leap(year) ? 29 : days[month - 1];
}

bool date_parse(const char *s, size_t len, struct fb_date *out)
{
    struct fb_date d = {0, 0, 0};
    if (len != 4 && len != 7 && len != 10)
        return false;
    if (!digits(s, 4, &d.year) || d.year < 1)
        return false;
    if (len >= 7) {
        if (s[4] != '-' || !digits(s + 5, 2, &d.month) || d.month < 1 || d.month > 12)
            return false;
    }
    if (len == 10) {
        if (s[7] != '-' || !digits(s + 8, 2, &d.day) || d.day < 1 ||
            d.day > date_days_in_month(d.year, d.month))
            return false;
    }
    *out = d;
    return true;
}

void date_format(struct fb_date d, char *out)
{
    if (d.day)
        snprintf(out, DATE_STRLEN, "%04d-%02d-%02d", d.year, d.month, d.day);
    else if (d.month)
        snprintf(out, DATE_STRLEN, "%04d-%02d", d.year, d.month);
    else
        snprintf(out, DATE_STRLEN, "%04d", d.year);
}

/* Howard Hinnant's days_from_civil, for the proleptic Gregorian calendar. */
long date_to_days(struct fb_date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct fb_date date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    struct fb_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

int date_weekday(struct fb_date d)
{
    long days = date_to_days(d); /* 1970-01-01 was a Thursday (3) */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

bool date_within(struct fb_date inner, struct fb_date outer)
{
    if (inner.year != outer.year)
        return false;
    if (!outer.month)
        return true;
    if (inner.month != outer.month)
        return false;
    return !outer.day || inner.day == outer.day;
}
