// CPU time of the PostgreSQL server the benchmark talks to: its postmaster and every process it started
// (backends, WAL writer, checkpointer). Only meaningful for a server on this machine that serves nobody else
// (bench/store/run.sh starts such a one); with it, the CPU an event costs on both sides of the socket can be
// told apart from the time a busy machine makes it wait.
#pragma once

#include <string>

namespace backorder::store_bench {

class ServerCpu {
 public:
  // Finds the server behind `url` (its backend's parent); without one on this machine, seconds() is 0.
  explicit ServerCpu(const std::string& url);
  double seconds() const;  // user + system time so far, of the postmaster and its children
  bool found() const { return postmaster_ > 0; }

 private:
  int postmaster_ = 0;
};

// CPU time of the calling thread, in seconds.
double thread_cpu_seconds();

}  // namespace backorder::store_bench
