/** @file eval.h (stage not built yet) */
#ifndef TDKT_EVAL_H
#define TDKT_EVAL_H
#include "tdkt/common.h"
#endif
