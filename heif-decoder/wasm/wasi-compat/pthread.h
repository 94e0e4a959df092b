// Single-threaded stand-in for the POSIX threads that wasi-libc does not have. The decoder runs
// without worker threads, so locks have nothing to exclude and creating a thread simply fails.
#ifndef GALLERY_WASI_PTHREAD_H
#define GALLERY_WASI_PTHREAD_H

#include <errno.h>
#include <sys/types.h> // wasi-libc declares the pthread types, though not the functions

static inline int pthread_create(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*) { return EAGAIN; }
static inline int pthread_join(pthread_t, void**) { return 0; }
static inline int pthread_mutex_init(pthread_mutex_t*, const pthread_mutexattr_t*) { return 0; }
static inline int pthread_mutex_destroy(pthread_mutex_t*) { return 0; }
static inline int pthread_mutex_lock(pthread_mutex_t*) { return 0; }
static inline int pthread_mutex_unlock(pthread_mutex_t*) { return 0; }
static inline int pthread_cond_init(pthread_cond_t*, const pthread_condattr_t*) { return 0; }
static inline int pthread_cond_destroy(pthread_cond_t*) { return 0; }
static inline int pthread_cond_broadcast(pthread_cond_t*) { return 0; }
static inline int pthread_cond_signal(pthread_cond_t*) { return 0; }
static inline int pthread_cond_wait(pthread_cond_t*, pthread_mutex_t*) { return 0; }

#endif
