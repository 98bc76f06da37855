/** @file rules.h (being built) */
#ifndef TDKT_RULES_H
#define TDKT_RULES_H
#include "tdkt/common.h"

/** The rules/ folder installed with the program (borrowed, static). */
TDKT_API const char *tdkt_rules_default_root(void);
#endif
