/* cli: shared helpers of the subcommands. */
#include "cli/cli.h"

#include "base/data_dir.h"

#include <stdlib.h>
#include <string.h>

int cli_dict_kind(const char *name)
{
    static const char *names[] = {"verbs", "actors", "agents", "discards", "issues"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(name, names[i])) return i;
    return -1;
}

const char *cli_data_dir(void)
{
    return data_dir();
}
