/* Calendar dates as YYYYMMDD integers. */
#include <string.h>

#include "tdkt/date.h"

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int tdkt_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

int tdkt_date_parse(tdkt_date *out, const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < TDKT_YEAR_MIN || y > TDKT_YEAR_MAX || m < 1 || m > 12 || d < 1 ||
        d > tdkt_days_in_month(y, m))
        return -1;
    *out = TDKT_DATE(y, m, d);
    return 0;
}

/* By hand, not snprintf: rules read dates (s.hired) at every judgement,
 * and formatting them was a twentieth of an evaluation. */
char *tdkt_date_format(char *buf, tdkt_date d)
{
    unsigned v = d > 0 ? (unsigned)d : 0;
    unsigned y = v / 10000 % 10000, m = v / 100 % 100, day = v % 100;
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + day / 10);
    buf[9] = (char)('0' + day % 10);
    buf[10] = '\0';
    return buf;
}

int tdkt_year_parse(int *out, const char *s)
{
    if (!s || strlen(s) != 4)
        return -1;
    int y = digits(s, 4);
    if (y < TDKT_YEAR_MIN || y > TDKT_YEAR_MAX)
        return -1;
    *out = y;
    return 0;
}
