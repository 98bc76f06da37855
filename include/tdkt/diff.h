/** @file diff.h (stage not built yet) */
#ifndef TDKT_DIFF_H
#define TDKT_DIFF_H
#include "tdkt/common.h"
#endif
