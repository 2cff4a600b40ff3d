// The thread-local last error, the exception-to-status mapping, and bo_free.
#include "guard.hpp"

#include <cstdlib>
#include <exception>
#include <new>
#include <string>

#include "backorder/error.hpp"

namespace bo_capi {
namespace {

static_assert(static_cast<int>(backorder::ErrorCode::internal) == BO_EINTERNAL);
static_assert(static_cast<int>(backorder::ErrorCode::invalid) == BO_EINVALID);
static_assert(static_cast<int>(backorder::ErrorCode::not_found) == BO_ENOTFOUND);
static_assert(static_cast<int>(backorder::ErrorCode::out_of_memory) == BO_ENOMEM);
static_assert(static_cast<int>(backorder::ErrorCode::buffer_too_small) == BO_EBUFSIZE);

constexpr const char kOutOfMemory[] = "out of memory";

struct LastError {
  bo_status code = BO_OK;
  std::string message;
  std::string path;
  // Set when message/path could not be stored: the texts to show instead.
  const char* fallback_message = nullptr;
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

}  // namespace

void set_error(bo_status code, std::string_view message, std::string_view path,
               std::string_view prefix) noexcept {
  LastError& e = last();
  try {
    e.message.assign(prefix);
    e.message.append(message);
    e.path.assign(path);
    e.code = code;
    e.fallback_message = nullptr;
  } catch (...) {
    e.message.clear();
    e.path.clear();
    e.code = BO_ENOMEM;
    e.fallback_message = kOutOfMemory;
  }
}

bo_status record_current_exception() noexcept {
  try {
    throw;
  } catch (const backorder::Error& err) {  // ValidationError included: what()/path() are its first issue
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

BO_API void bo_free(void* ptr) { std::free(ptr); }

}  // extern "C"
