/* Compiled, never run: include/tdkt/tdkt.h must stand alone. */
#include "tdkt/tdkt.h"
int tdkt_headertest_anchor(void);
int tdkt_headertest_anchor(void)
{
    return TDKT_OK;
}
