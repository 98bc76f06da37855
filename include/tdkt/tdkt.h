/**
 * @file tdkt.h
 * Umbrella header of libtdkt, the rules engine for emulation and commendation
 * (thi đua, khen thưởng). The data flows one way, one header per stage:
 * CSV → import → store → index → rules → eval → decisions / diff / report.
 */
#ifndef TDKT_H
#define TDKT_H

#include "tdkt/common.h"
#include "tdkt/vocab.h"
#include "tdkt/date.h"
#include "tdkt/store.h"
#include "tdkt/import.h"
#include "tdkt/index.h"
#include "tdkt/rules.h"
#include "tdkt/eval.h"
#include "tdkt/decisions.h"
#include "tdkt/diff.h"
#include "tdkt/report.h"
#include "tdkt/output.h"

#endif
