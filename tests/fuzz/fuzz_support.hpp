// Shared by the fuzz targets: the apparel engine, and the rule that backorder::Error is a normal answer.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "backorder/engine.hpp"
#include "backorder/error.hpp"
#include "backorder/wire.hpp"

namespace fuzz {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz: cannot read %s\n", path.c_str());
    std::abort();
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Built once per process: examples/apparel/policy.json.
inline const std::shared_ptr<const backorder::Engine>& apparel_engine() {
  static const std::shared_ptr<const backorder::Engine> engine =
      backorder::Engine::from_json(read_file(std::string(BO_REPO_DIR) + "/examples/apparel/policy.json"));
  return engine;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A broken promise of the API (not a crash by itself): report it and abort, so libFuzzer keeps the input.
[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz: invariant broken: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// Every answer of a JSON call is a JSON document.
inline void expect_json(std::string_view out, const char* call) {
  if (!nlohmann::json::accept(out)) fail(call, out);
}

// Runs `call`; backorder::Error (ValidationError included) is the documented answer to bad input. Anything
// else escapes, reaches std::terminate and is reported by libFuzzer as a crash.
template <class F>
inline bool answers(F&& call) {
  try {
    call();
    return true;
  } catch (const backorder::Error&) {
    return false;
  }
}

}  // namespace fuzz
