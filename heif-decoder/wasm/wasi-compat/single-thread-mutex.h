// Single-threaded stand-ins for std::mutex and std::lock_guard, which a libc++ built without
// threads (Debian's for wasm32-wasi) does not define; libde265 guards its one-time initialisation
// with them. build.sh includes this header before every source file.
#ifndef HEVC_SINGLE_THREAD_MUTEX_H
#define HEVC_SINGLE_THREAD_MUTEX_H

#include <mutex>

#ifdef _LIBCPP_HAS_NO_THREADS
namespace std {

class mutex {
 public:
  void lock() {}
  void unlock() {}
  bool try_lock() { return true; }
};

template <class Lockable>
class lock_guard {
 public:
  explicit lock_guard(Lockable& lockable) : lockable_(lockable) { lockable_.lock(); }
  ~lock_guard() { lockable_.unlock(); }
  lock_guard(const lock_guard&) = delete;
  lock_guard& operator=(const lock_guard&) = delete;

 private:
  Lockable& lockable_;
};

}  // namespace std
#endif

#endif
