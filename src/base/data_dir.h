/*
 * data_dir: where tern's shipped data (dictionaries, CAMEO table, parser model) is found:
 * $TERN_DATA when set; else the source tree's data/ when the binary runs from a build that
 * still has it; else the installed copy (PREFIX/share/tern).
 */
#ifndef TERN_BASE_DATA_DIR_H
#define TERN_BASE_DATA_DIR_H

const char *data_dir(void);

#endif
