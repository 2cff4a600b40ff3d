// An append-only log that outlives its writer: each line goes out in one write() and is fsync'd before
// line() returns, so what the log says happened had happened when the writer was killed.
#pragma once

#include <string>
#include <vector>

namespace backorder::reliability {

class OpLog {
 public:
  explicit OpLog(const std::string& path);
  ~OpLog();
  OpLog(const OpLog&) = delete;
  OpLog& operator=(const OpLog&) = delete;

  void line(const std::string& text);  // text without a newline

  // The complete lines of a log (a last line without its newline is dropped).
  static std::vector<std::string> read(const std::string& path);

 private:
  int fd_;
};

}  // namespace backorder::reliability
