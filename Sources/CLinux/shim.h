/* Linux interfaces Glibc's Swift module does not carry. */
#include <sys/timerfd.h>
#include <malloc.h>
#include <sys/prctl.h>

/* prctl is variadic, which Swift cannot call: whether no_new_privs is set on this process (1), or not (0). */
static inline int jalon_no_new_privs(void) { return prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0); }

/* glibc 2.34 declares it only with _GNU_SOURCE/__USE_MISC, which Glibc's Swift module is built without. */
#include <spawn.h>
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *, int);
static inline int jalon_spawn_close_from(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}
