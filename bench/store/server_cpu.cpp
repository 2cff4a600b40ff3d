#include "server_cpu.hpp"

#include <libpq-fe.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace backorder::store_bench {
namespace {

struct Stat {
  int ppid = 0;
  long ticks = 0;  // utime + stime
};

// /proc/PID/stat: "pid (comm) state ppid ... utime(14) stime(15)"; comm may hold spaces, so read after ')'.
bool read_stat(const std::string& pid, Stat& out) {
  std::ifstream in("/proc/" + pid + "/stat");
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto close = all.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream rest(all.substr(close + 2));
  std::string field;
  long utime = 0, stime = 0;
  for (int i = 3; rest >> field; ++i) {
    if (i == 4) out.ppid = std::atoi(field.c_str());
    if (i == 14) utime = std::atol(field.c_str());
    if (i == 15) {
      stime = std::atol(field.c_str());
      break;
    }
  }
  out.ticks = utime + stime;
  return true;
}

}  // namespace

ServerCpu::ServerCpu(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) == CONNECTION_OK) {
    PGresult* r = PQexec(c, "SELECT pg_backend_pid()");
    Stat s;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && read_stat(PQgetvalue(r, 0, 0), s)) postmaster_ = s.ppid;
    PQclear(r);
  }
  PQfinish(c);
}

double ServerCpu::seconds() const {
  if (postmaster_ <= 0) return 0;
  long ticks = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string pid = entry.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    Stat s;
    if (read_stat(pid, s) && (s.ppid == postmaster_ || std::atoi(pid.c_str()) == postmaster_))
      ticks += s.ticks;
  }
  return static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace backorder::store_bench
