#ifndef PLUTUS_CSPAWNSHIM_H
#define PLUTUS_CSPAWNSHIM_H

#include <spawn.h>

/// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which Swift's Glibc module hides
/// behind _GNU_SOURCE: the child closes every descriptor from `from` up.
int plutus_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int from);

#endif
