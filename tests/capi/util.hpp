// Helpers for the C ABI tests: files from examples/, RAII owners for what the library hands out.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "backorder.h"

namespace bo_test {

using nlohmann::json;

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string example(const std::string& relative) {
  return read_file(std::string(BO_EXAMPLES_DIR) + "/" + relative);
}

inline std::string apparel_policy() { return example("apparel/policy.json"); }

// 2026-11-30T09:00:00-05:00 = 14:00 UTC.
inline constexpr std::int64_t kNowMs = 1796047200000;
inline constexpr const char* kNowIso = "2026-11-30T09:00:00-05:00";
inline constexpr const char* kJacketText = "Backorder \u2013 ships in 10\u201314 days";

struct EngineFree {
  void operator()(bo_engine* e) const { bo_engine_free(e); }
};
struct LabelerFree {
  void operator()(bo_labeler* l) const { bo_labeler_free(l); }
};
struct Free {
  void operator()(char* p) const { bo_free(p); }
};
using Engine = std::unique_ptr<bo_engine, EngineFree>;
using Labeler = std::unique_ptr<bo_labeler, LabelerFree>;
using Chars = std::unique_ptr<char, Free>;

inline Engine make_engine(std::string_view policy) {
  bo_engine* e = nullptr;
  bo_status st = bo_engine_new(&e, policy.data(), policy.size());
  EXPECT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  return Engine(e);
}

inline Labeler make_labeler(const bo_engine* engine, std::string_view locale = "en-US",
                            std::int64_t now_ms = kNowMs) {
  bo_labeler* l = nullptr;
  bo_status st = bo_labeler_new(&l, engine, locale.data(), locale.size(), now_ms);
  EXPECT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  return Labeler(l);
}

// Calls a JSON entry point; fails the test unless it returns BO_OK, and parses the answer.
template <typename Fn>
json call_json(Fn fn, const bo_engine* engine, std::string_view request) {
  char* out = nullptr;
  size_t len = 0;
  bo_status st = fn(&out, &len, engine, request.data(), request.size());
  EXPECT_EQ(st, BO_OK) << bo_last_error_path() << ": " << bo_last_error_message();
  if (st != BO_OK) return json();
  Chars owned(out);
  EXPECT_EQ(std::string_view(out).size(), len);
  return json::parse(std::string_view(out, len));
}

inline bo_item make_item(std::string_view sku) {
  bo_item it{};
  it.struct_size = sizeof(bo_item);
  it.sku = sku.data();
  it.sku_len = sku.size();
  it.quantity = 1;
  it.lead_min_days = BO_UNSET;
  it.lead_max_days = BO_UNSET;
  it.max_backorder = BO_UNSET;
  it.low_stock_threshold = BO_UNSET;
  return it;
}

inline bo_label blank_label() {
  bo_label l{};
  l.struct_size = sizeof(bo_label);
  return l;
}

}  // namespace bo_test
