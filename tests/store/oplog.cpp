#include "oplog.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace backorder::reliability {

OpLog::OpLog(const std::string& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644)) {
  if (fd_ < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
}

OpLog::~OpLog() { ::close(fd_); }

void OpLog::line(const std::string& text) {
  std::string out = text + "\n";
  if (::write(fd_, out.data(), out.size()) != static_cast<ssize_t>(out.size()) || ::fdatasync(fd_) != 0)
    throw std::runtime_error(std::string("cannot write the log: ") + std::strerror(errno));
}

std::vector<std::string> OpLog::read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  std::vector<std::string> lines;
  for (std::size_t at = 0, end; (end = all.find('\n', at)) != std::string::npos; at = end + 1)
    lines.push_back(all.substr(at, end - at));
  return lines;
}

}  // namespace backorder::reliability
