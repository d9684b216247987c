/* Linux interfaces Glibc's Swift module does not carry. */
#include <sys/timerfd.h>
#include <malloc.h>
#include <sys/prctl.h>

/* prctl is variadic, which Swift cannot call: whether no_new_privs is set on this process (1), or not (0). */
static inline int jalon_no_new_privs(void) { return prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0); }
