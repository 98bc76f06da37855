/** @file report.h (stage not built yet) */
#ifndef TDKT_REPORT_H
#define TDKT_REPORT_H
#include "tdkt/common.h"
#endif
