/* Linux interfaces Glibc's Swift module does not carry. */
#include <sys/timerfd.h>
#include <malloc.h>
