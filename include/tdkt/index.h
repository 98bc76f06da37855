/** @file index.h (stage not built yet) */
#ifndef TDKT_INDEX_H
#define TDKT_INDEX_H
#include "tdkt/common.h"
#endif
