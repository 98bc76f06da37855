/* Temporary files written beside a target file and then renamed over it,
 * such as the index image: each is locked while its writer lives, so
 * the ones a killed writer left behind can be told and removed. */
#ifndef TDKT_IX_TEMP_H
#define TDKT_IX_TEMP_H

/* Create "TARGET.XXXXXX" (mkstemp), locked until its descriptor is
 * closed. @return the descriptor, with the name in @p name (malloc'd),
 * or -1 (errno set). */
int ix_temp_open(const char *target, char **name);

/* Remove the temporary files of @p target that no writer holds: those
 * left by a writer that was killed. Best effort, never fails. */
void ix_temp_sweep(const char *target);

#endif
