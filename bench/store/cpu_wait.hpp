// How long this thread has waited for a CPU while runnable (the second field of /proc/thread-self/schedstat).
// On a shared, busy machine the benchmark's real time includes that wait; real time minus it is what the
// same work takes on a core of its own (waits for the disk stay in).
#pragma once

#include <cstdint>
#include <fstream>

namespace backorder::store_bench {

// Nanoseconds, or 0 where the kernel does not say (no schedstats).
inline std::int64_t cpu_wait_ns() {
  std::ifstream in("/proc/thread-self/schedstat");
  std::int64_t run = 0, wait = 0;
  if (!(in >> run >> wait)) return 0;
  return wait;
}

}  // namespace backorder::store_bench
