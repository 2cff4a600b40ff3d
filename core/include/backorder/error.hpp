// Errors raised by core. One mechanism: exceptions of type backorder::Error.
// The C ABI catches them and turns them into a bo_status and the thread-local last error.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace backorder {

// Append-only; the values mirror bo_status in the C ABI.
enum class ErrorCode : int {
  internal = -1,
  invalid = -2,    // input failed validation; see the path
  not_found = -3,  // an id that does not exist
  out_of_memory = -4,
  buffer_too_small = -5,
};

// One validation problem: where (a JSON path such as "policy.calendar.cutoff") and what.
struct Issue {
  std::string path;
  std::string message;
};

// Replaces ill-formed UTF-8 with U+FFFD, so messages that quote bad input are still valid text for every
// host.
std::string valid_utf8(std::string_view text);
// Whether `text` is well-formed UTF-8, without copying it.
bool is_valid_utf8(std::string_view text);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string path, const std::string& message)
      : std::runtime_error(valid_utf8(message)), code_(code), path_(valid_utf8(path)) {}
  ErrorCode code() const noexcept { return code_; }
  const std::string& path() const noexcept { return path_; }

 private:
  ErrorCode code_;
  std::string path_;
};

// Every problem found in one document, so a merchant can fix them all at once.
// what() and path() describe the first one.
class ValidationError : public Error {
 public:
  explicit ValidationError(std::vector<Issue> issues)
      : Error(ErrorCode::invalid, first(issues).path, first(issues).message), issues_(std::move(issues)) {}
  const std::vector<Issue>& issues() const noexcept { return issues_; }

 private:
  static const Issue& first(const std::vector<Issue>& v) {
    static const Issue none{"", "invalid input"};
    return v.empty() ? none : v.front();
  }
  std::vector<Issue> issues_;
};

}  // namespace backorder
