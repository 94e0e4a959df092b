// Single-threaded stand-ins for std::mutex and std::lock_guard, which Debian's wasm libc++ (built
// without threads) does not define: the decoder only guards its one-time initialisation with them.
// Included before de265.cc by build.sh.
#ifndef GALLERY_SINGLE_THREAD_MUTEX_H
#define GALLERY_SINGLE_THREAD_MUTEX_H

#include <mutex>

namespace std {

class mutex {
 public:
  void lock() {}
  void unlock() {}
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
