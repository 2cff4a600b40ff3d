// The thread-local last error, the exception-to-status mapping, and bo_free.
#include "guard.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "backorder/error.hpp"

namespace bo_capi {
namespace {

static_assert(static_cast<int>(backorder::ErrorCode::internal) == BO_EINTERNAL);
static_assert(static_cast<int>(backorder::ErrorCode::invalid) == BO_EINVALID);
static_assert(static_cast<int>(backorder::ErrorCode::not_found) == BO_ENOTFOUND);
static_assert(static_cast<int>(backorder::ErrorCode::out_of_memory) == BO_ENOMEM);
static_assert(static_cast<int>(backorder::ErrorCode::buffer_too_small) == BO_EBUFSIZE);

constexpr const char kOutOfMemory[] = "out of memory";
constexpr const char kOutOfMemoryJson[] = R"([{"path":"","message":"out of memory"}])";
constexpr const char kNoIssues[] = "[]";

struct LastError {
  bo_status code = BO_OK;
  std::string message;
  std::string path;
  std::string issues_json = kNoIssues;  // every problem: [{"path","message"}]
  // Set when the texts could not be stored: what to show instead.
  const char* fallback_message = nullptr;
  const char* fallback_json = nullptr;
};

LastError& last() noexcept {
  thread_local LastError e;
  return e;
}

bo_status to_status(backorder::ErrorCode code) noexcept {
  switch (code) {
    case backorder::ErrorCode::internal:
    case backorder::ErrorCode::invalid:
    case backorder::ErrorCode::not_found:
    case backorder::ErrorCode::out_of_memory:
    case backorder::ErrorCode::buffer_too_small:
      return static_cast<bo_status>(code);
  }
  return BO_EINTERNAL;  // a code this build of the C ABI does not know
}

// Appends `text` as a JSON string. The text is made valid UTF-8 first (an exception's what() may quote
// bad input), so the array is valid JSON for every host.
void append_json_string(std::string& out, std::string_view text) {
  const std::string valid = backorder::valid_utf8(text);
  out.push_back('"');
  for (char c : valid) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void append_issue(std::string& out, std::string_view path, std::string_view message) {
  out += out.size() > 1 ? ",{\"path\":" : "{\"path\":";
  append_json_string(out, path);
  out += ",\"message\":";
  append_json_string(out, message);
  out.push_back('}');
}

void set_out_of_memory(LastError& e) noexcept {
  e.message.clear();
  e.path.clear();
  e.issues_json.clear();
  e.code = BO_ENOMEM;
  e.fallback_message = kOutOfMemory;
  e.fallback_json = kOutOfMemoryJson;
}

}  // namespace

void set_error(bo_status code, std::string_view message, std::string_view path,
               std::string_view prefix) noexcept {
  LastError& e = last();
  try {
    e.message.assign(prefix);
    e.message.append(message);
    e.path.assign(path);
    e.issues_json.assign("[");
    append_issue(e.issues_json, e.path, e.message);
    e.issues_json.push_back(']');
    e.code = code;
    e.fallback_message = nullptr;
    e.fallback_json = nullptr;
  } catch (...) {
    set_out_of_memory(e);
  }
}

void set_issues(const std::vector<backorder::Issue>& issues) noexcept {
  if (issues.empty()) {
    set_error(BO_EINVALID, "invalid input");
    return;
  }
  LastError& e = last();
  try {
    e.message.assign(issues.front().message);
    e.path.assign(issues.front().path);
    e.issues_json.assign("[");
    for (const auto& issue : issues) append_issue(e.issues_json, issue.path, issue.message);
    e.issues_json.push_back(']');
    e.code = BO_EINVALID;
    e.fallback_message = nullptr;
    e.fallback_json = nullptr;
  } catch (...) {
    set_out_of_memory(e);
  }
}

bo_status record_current_exception() noexcept {
  try {
    throw;
  } catch (const backorder::ValidationError& err) {  // every issue; what()/path() are the first one
    set_issues(err.issues());
    return last().code;  // BO_EINVALID, or BO_ENOMEM if the issues could not be stored
  } catch (const backorder::Error& err) {
    bo_status code = to_status(err.code());
    set_error(code, err.what(), err.path());
    return code;
  } catch (const std::bad_alloc&) {
    set_error(BO_ENOMEM, kOutOfMemory);
    return BO_ENOMEM;
  } catch (const std::exception& err) {
    set_error(BO_EINTERNAL, err.what(), {}, "internal error: ");
    return BO_EINTERNAL;
  } catch (...) {
    set_error(BO_EINTERNAL, "internal error: unknown exception");
    return BO_EINTERNAL;
  }
}

}  // namespace bo_capi

extern "C" {

BO_API bo_status bo_last_error_code(void) { return bo_capi::last().code; }

BO_API const char* bo_last_error_message(void) {
  const auto& e = bo_capi::last();
  return e.fallback_message != nullptr ? e.fallback_message : e.message.c_str();
}

BO_API const char* bo_last_error_path(void) { return bo_capi::last().path.c_str(); }

BO_API const char* bo_last_error_json(void) {
  const auto& e = bo_capi::last();
  return e.fallback_json != nullptr ? e.fallback_json : e.issues_json.c_str();
}

BO_API void bo_free(void* ptr) { std::free(ptr); }

}  // extern "C"
