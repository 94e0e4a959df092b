// Single-threaded stand-in for <pthread.h>, which Debian's wasi-libc does not have (it declares the
// pthread types, not the functions). The decoder is run without worker threads: creating a thread
// fails, locks have nothing to exclude, and signalling a condition has nobody to wake.
#ifndef HEVC_WASI_PTHREAD_H
#define HEVC_WASI_PTHREAD_H

#include <errno.h>
#include <sys/types.h>

static inline int pthread_create(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*) { return EAGAIN; }
static inline int pthread_join(pthread_t, void**) { return ESRCH; }

static inline int pthread_mutex_init(pthread_mutex_t*, const pthread_mutexattr_t*) { return 0; }
static inline int pthread_mutex_destroy(pthread_mutex_t*) { return 0; }
static inline int pthread_mutex_lock(pthread_mutex_t*) { return 0; }
static inline int pthread_mutex_unlock(pthread_mutex_t*) { return 0; }

static inline int pthread_cond_init(pthread_cond_t*, const pthread_condattr_t*) { return 0; }
static inline int pthread_cond_destroy(pthread_cond_t*) { return 0; }
static inline int pthread_cond_broadcast(pthread_cond_t*) { return 0; }
static inline int pthread_cond_signal(pthread_cond_t*) { return 0; }
// The only thread waiting for a condition that only it could change would wait forever: stop
// (a WebAssembly trap, which the host sees) instead of hanging.
static inline int pthread_cond_wait(pthread_cond_t*, pthread_mutex_t*) { __builtin_trap(); }

#endif
