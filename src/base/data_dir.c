/* data_dir: the data folder (see data_dir.h). */
#include "base/data_dir.h"

#include <stdlib.h>
#include <sys/stat.h>

#ifndef TERN_DATA_DIR
#define TERN_DATA_DIR "data"
#endif
#ifndef TERN_INSTALL_DATA_DIR
#define TERN_INSTALL_DATA_DIR "/usr/local/share/tern"
#endif

const char *data_dir(void)
{
    const char *env = getenv("TERN_DATA");
    if (env && *env) return env;
    struct stat st;
    if (stat(TERN_DATA_DIR, &st) == 0 && S_ISDIR(st.st_mode)) return TERN_DATA_DIR;
    return TERN_INSTALL_DATA_DIR;
}
