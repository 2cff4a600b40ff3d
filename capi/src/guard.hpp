// The one guard every exported body runs in, and the thread-local last error behind bo_last_error_*().
// Internal to the C ABI: nothing here is exported.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backorder.h"
#include "backorder/error.hpp"

namespace bo_capi {

// Records a failure on this thread: its code, `prefix` + `message`, and `path`; bo_last_error_json() then
// lists that one problem. Never throws: if the texts cannot be stored, the last error becomes BO_ENOMEM with
// a static message.
void set_error(bo_status code, std::string_view message, std::string_view path = {},
               std::string_view prefix = {}) noexcept;

// Records a rejected document: BO_EINVALID, the first issue as message and path, and every issue for
// bo_last_error_json(). Same failure handling as set_error().
void set_issues(const std::vector<backorder::Issue>& issues) noexcept;

// Maps the exception in flight to a bo_status and records it. Call only from a catch block.
bo_status record_current_exception() noexcept;

// Thrown by the adapters for bad arguments (NULL pointers, sizes); caught by guard() like any core error.
inline backorder::Error invalid_argument(std::string path, const std::string& message) {
  return backorder::Error(backorder::ErrorCode::invalid, std::move(path), message);
}

// Runs `body` (returning void) and turns anything it throws into a bo_status and the last error.
// No exception leaves this function.
template <typename F>
bo_status guard(F&& body) noexcept {
  try {
    std::forward<F>(body)();
    return BO_OK;
  } catch (...) {
    return record_current_exception();
  }
}

// Requires a non-NULL pointer argument.
template <typename T>
void require(const T* p, const char* name) {
  if (p == nullptr) throw invalid_argument(name, std::string(name) + " must not be NULL");
}

// A view of (ptr, len) input. The pointer is required even when len is 0.
inline std::string_view input(const char* ptr, std::size_t len, const char* name) {
  require(ptr, name);
  return {ptr, len};
}

// A malloc'd, NUL-terminated copy of `s` for the caller (released with bo_free). Throws std::bad_alloc.
inline char* malloc_copy(std::string_view s) {
  auto* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) throw std::bad_alloc();
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

// Hands a JSON answer to the caller: the only step after which nothing may fail.
inline void give_json(char** out_json, std::size_t* out_len, std::string_view json) {
  char* copy = malloc_copy(json);
  *out_json = copy;
  if (out_len != nullptr) *out_len = json.size();
}

}  // namespace bo_capi
