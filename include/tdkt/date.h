/**
 * @file date.h
 * Calendar dates as integers YYYYMMDD: they compare in date order, print
 * without conversion, and take four bytes in the in-memory indexes.
 */
#ifndef TDKT_DATE_H
#define TDKT_DATE_H

#include "tdkt/common.h"

typedef int32_t tdkt_date; /**< YYYYMMDD, 0 = not given */

/** The years tdkt takes, in records, options and rules alike: a year
 * outside them is a typing error, and one the import would store but no
 * rule could judge must be refused where it is typed. */
#define TDKT_YEAR_MIN 1900
#define TDKT_YEAR_MAX 2200

/** Parse a strict "YYYY-MM-DD" of a real calendar day, its year within
 * TDKT_YEAR_MIN..TDKT_YEAR_MAX. @return 0 or -1. */
TDKT_API int tdkt_date_parse(tdkt_date *out, const char *s);

/** Format as "YYYY-MM-DD" into @p buf (at least 11 bytes). */
TDKT_API char *tdkt_date_format(char *buf, tdkt_date d);

#define TDKT_DATE(y, m, d) ((tdkt_date)((y) * 10000 + (m) * 100 + (d)))
#define TDKT_DATE_YEAR(d) ((int)((d) / 10000))

/** Days in month @p m (1..12) of year @p y, leap years counted. */
TDKT_API int tdkt_days_in_month(int y, int m);

/** Parse a four-digit year "YYYY" within TDKT_YEAR_MIN..TDKT_YEAR_MAX.
 * @return 0 or -1. */
TDKT_API int tdkt_year_parse(int *out, const char *s);

#endif
