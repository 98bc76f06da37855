/* A message in the language the program chose for the library's
 * messages (tdkt_set_message_lang): the Vietnamese or the English text. */
#ifndef TDKT_CORE_MSG_H
#define TDKT_CORE_MSG_H

#include "tdkt/common.h"

#define TDKT_MSG(vi, en) (tdkt_message_lang() == TDKT_LANG_EN ? (en) : (vi))

#endif
