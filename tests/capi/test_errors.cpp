// The error mechanism: codes, the thread-local last error, NULL arguments, bad input changes nothing.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>

#include "backorder.h"
#include "util.hpp"

using namespace bo_test;

namespace {

std::string with_time_zone(const std::string& zone) {
  json p = json::parse(apparel_policy());
  p["calendar"]["time_zone"] = zone;
  return p.dump();
}

}  // namespace

TEST(Errors, StatusValuesAreStable) {
  EXPECT_EQ(BO_OK, 0);
  EXPECT_EQ(BO_EINTERNAL, -1);
  EXPECT_EQ(BO_EINVALID, -2);
  EXPECT_EQ(BO_ENOTFOUND, -3);
  EXPECT_EQ(BO_ENOMEM, -4);
  EXPECT_EQ(BO_EBUFSIZE, -5);
}

TEST(Errors, FreshThreadHasNoError) {
  std::thread([] {
    EXPECT_EQ(bo_last_error_code(), BO_OK);
    ASSERT_NE(bo_last_error_message(), nullptr);
    ASSERT_NE(bo_last_error_path(), nullptr);
    EXPECT_STREQ(bo_last_error_message(), "");
    EXPECT_STREQ(bo_last_error_path(), "");
  }).join();
}

TEST(Errors, UnknownTimeZoneIsInvalidWithPath) {
  const std::string policy = with_time_zone("Mars/Base");
  bo_engine* engine = reinterpret_cast<bo_engine*>(0x1);  // must stay untouched
  EXPECT_EQ(bo_engine_new(&engine, policy.data(), policy.size()), BO_EINVALID);
  EXPECT_EQ(engine, reinterpret_cast<bo_engine*>(0x1)) << "a failed call changes nothing";
  EXPECT_EQ(bo_last_error_code(), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "policy.calendar.time_zone");
  ASSERT_NE(bo_last_error_message(), nullptr);
  EXPECT_NE(std::string(bo_last_error_message()).find("Mars/Base"), std::string::npos)
      << bo_last_error_message();
}

TEST(Errors, LastErrorIsPerThread) {
  const std::string policy = with_time_zone("Mars/Base");
  bo_engine* engine = nullptr;
  ASSERT_EQ(bo_engine_new(&engine, policy.data(), policy.size()), BO_EINVALID);
  std::thread([] {
    EXPECT_EQ(bo_last_error_code(), BO_OK);
    EXPECT_STREQ(bo_last_error_path(), "");
  }).join();
  EXPECT_EQ(bo_last_error_code(), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "policy.calendar.time_zone");
}

TEST(Errors, LastErrorSurvivesSuccessfulCalls) {
  const std::string bad = with_time_zone("Mars/Base");
  bo_engine* engine = nullptr;
  ASSERT_EQ(bo_engine_new(&engine, bad.data(), bad.size()), BO_EINVALID);
  Engine good = make_engine(apparel_policy());
  ASSERT_TRUE(good);
  // Documented: the last error describes the last *failed* call; success does not clear it.
  EXPECT_EQ(bo_last_error_code(), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "policy.calendar.time_zone");
}

TEST(Errors, MalformedJsonIsInvalid) {
  const char policy[] = "{\"version\": 1,";
  bo_engine* engine = nullptr;
  EXPECT_EQ(bo_engine_new(&engine, policy, sizeof policy - 1), BO_EINVALID);
  EXPECT_EQ(engine, nullptr);
  EXPECT_EQ(bo_last_error_code(), BO_EINVALID);
  EXPECT_STRNE(bo_last_error_message(), "");
}

TEST(Errors, LengthIsRespected) {
  // The bytes after len are garbage; only the first len bytes are the document.
  std::string policy = apparel_policy();
  const size_t len = policy.size();
  policy += "}}} not json";
  bo_engine* engine = nullptr;
  ASSERT_EQ(bo_engine_new(&engine, policy.data(), len), BO_OK) << bo_last_error_message();
  bo_engine_free(engine);
}

TEST(Errors, NullArgumentsAreInvalid) {
  const std::string policy = apparel_policy();
  bo_engine* engine = nullptr;

  EXPECT_EQ(bo_engine_new(nullptr, policy.data(), policy.size()), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "out");
  EXPECT_NE(std::string(bo_last_error_message()).find("NULL"), std::string::npos);

  EXPECT_EQ(bo_engine_new(&engine, nullptr, 10), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "policy_json");
  EXPECT_EQ(bo_engine_new(&engine, nullptr, 0), BO_EINVALID);
  EXPECT_EQ(engine, nullptr);

  char* out = nullptr;
  EXPECT_EQ(bo_policy_validate(nullptr, nullptr, policy.data(), policy.size()), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "out_json");
  EXPECT_EQ(bo_policy_validate(&out, nullptr, nullptr, 3), BO_EINVALID);
  EXPECT_EQ(out, nullptr);

  Engine e = make_engine(policy);
  const std::string req = "{}";
  EXPECT_EQ(bo_engine_label_json(&out, nullptr, nullptr, req.data(), req.size()), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "engine");
  EXPECT_EQ(bo_engine_label_json(nullptr, nullptr, e.get(), req.data(), req.size()), BO_EINVALID);
  EXPECT_EQ(bo_engine_label_json(&out, nullptr, e.get(), nullptr, 2), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "request_json");
  EXPECT_EQ(bo_engine_labels_json(&out, nullptr, nullptr, req.data(), req.size()), BO_EINVALID);
  EXPECT_EQ(bo_engine_labels_json(nullptr, nullptr, e.get(), req.data(), req.size()), BO_EINVALID);
  EXPECT_EQ(out, nullptr);

  bo_labeler* l = nullptr;
  EXPECT_EQ(bo_labeler_new(nullptr, e.get(), "en", 2, kNowMs), BO_EINVALID);
  EXPECT_EQ(bo_labeler_new(&l, nullptr, "en", 2, kNowMs), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "engine");
  EXPECT_EQ(bo_labeler_new(&l, e.get(), nullptr, 2, kNowMs), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "locale");
  EXPECT_EQ(l, nullptr);

  bo_item item = make_item("X");
  bo_label label = blank_label();
  EXPECT_EQ(bo_labeler_run(&label, nullptr, &item, 1), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "labeler");
  Labeler lab = make_labeler(e.get());
  EXPECT_EQ(bo_labeler_run(nullptr, lab.get(), &item, 1), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "out_labels");
  EXPECT_EQ(bo_labeler_run(&label, lab.get(), nullptr, 1), BO_EINVALID);
  EXPECT_STREQ(bo_last_error_path(), "items");
  // Nothing to do: NULL arrays are fine with count 0.
  EXPECT_EQ(bo_labeler_run(nullptr, lab.get(), nullptr, 0), BO_OK);
}

TEST(Errors, FreeFunctionsAcceptNull) {
  bo_free(nullptr);
  bo_engine_free(nullptr);
  bo_labeler_free(nullptr);
  SUCCEED();
}

TEST(Errors, BadRequestIsInvalidWithPathAndLeavesOutputAlone) {
  Engine e = make_engine(apparel_policy());
  const std::string req = R"({"item": {"sku": "A", "lead_time_days": {"min": 9, "max": 3}},
                              "stock": {"on_hand": 0}, "now": "2026-11-30T09:00:00-05:00"})";
  char* out = reinterpret_cast<char*>(0x1);
  size_t len = 77;
  EXPECT_EQ(bo_engine_label_json(&out, &len, e.get(), req.data(), req.size()), BO_EINVALID);
  EXPECT_EQ(out, reinterpret_cast<char*>(0x1));
  EXPECT_EQ(len, 77u);
  EXPECT_EQ(bo_last_error_code(), BO_EINVALID);
  EXPECT_EQ(std::string(bo_last_error_path()).rfind("item.lead_time_days", 0), 0u) << bo_last_error_path();
}

TEST(Errors, MissingNowIsInvalid) {
  Engine e = make_engine(apparel_policy());
  const std::string req = R"({"item": {"sku": "A"}, "stock": {"on_hand": 1}})";
  char* out = nullptr;
  EXPECT_EQ(bo_engine_label_json(&out, nullptr, e.get(), req.data(), req.size()), BO_EINVALID);
  EXPECT_EQ(out, nullptr);
  EXPECT_STREQ(bo_last_error_path(), "now");
}

TEST(Errors, UnknownLocaleIsInvalid) {
  Engine e = make_engine(apparel_policy());
  bo_labeler* l = nullptr;
  const std::string locale = "not a locale";
  EXPECT_EQ(bo_labeler_new(&l, e.get(), locale.data(), locale.size(), kNowMs), BO_EINVALID);
  EXPECT_EQ(l, nullptr);
  EXPECT_STREQ(bo_last_error_path(), "locale");
  EXPECT_STRNE(bo_last_error_message(), "");
}

namespace {

// Deterministic byte-level mutations of a valid document: flips, deletions, insertions of any byte.
std::string mutate(std::string doc, uint64_t& state) {
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  const int edits = 1 + static_cast<int>(next() % 4);
  for (int e = 0; e < edits && !doc.empty(); ++e) {
    const size_t at = next() % doc.size();
    switch (next() % 3) {
      case 0:
        doc[at] = static_cast<char>(next() & 0xFF);
        break;
      case 1:
        doc.erase(at, 1 + next() % 8);
        break;
      default:
        doc.insert(at, 1, static_cast<char>(next() & 0xFF));
        break;
    }
  }
  return doc;
}

}  // namespace

// "No input crashes the library": whatever the bytes, a call answers BO_OK or BO_EINVALID, never an
// internal error, and an answer is valid JSON.
TEST(Errors, MutatedInputsAreAnsweredOrRejected) {
  Engine e = make_engine(apparel_policy());
  const std::string label_req = R"({"item": {"sku": "JKT-NAVY-M", "lead_time_days": {"min": 10, "max": 14},
      "release_date": "2027-03-12"}, "stock": {"on_hand": 3, "reserved": 1}, "quantity": 2, "locale": "en-US",
      "now": "2026-11-30T09:00:00-05:00"})";
  const std::string catalog_req = json{{"now", kNowIso},
                                       {"locale", "de-DE"},
                                       {"items", json::parse(example("apparel/catalog.json"))["items"]},
                                       {"stock", json::parse(example("apparel/stock.json"))["stock"]}}
                                      .dump();
  const std::string policy = apparel_policy();
  uint64_t state = 42;
  for (int i = 0; i < 1500; ++i) {
    for (auto fn : {bo_engine_label_json, bo_engine_labels_json}) {
      const std::string doc = mutate(fn == bo_engine_label_json ? label_req : catalog_req, state);
      char* out = nullptr;
      size_t len = 0;
      const bo_status st = fn(&out, &len, e.get(), doc.data(), doc.size());
      ASSERT_TRUE(st == BO_OK || st == BO_EINVALID) << st << " " << bo_last_error_message() << "\n" << doc;
      if (st == BO_OK) {
        Chars owned(out);
        EXPECT_TRUE(json::accept(std::string_view(out, len))) << doc;
      }
    }
    const std::string p = mutate(policy, state);
    bo_engine* engine = nullptr;
    const bo_status st = bo_engine_new(&engine, p.data(), p.size());
    ASSERT_TRUE(st == BO_OK || st == BO_EINVALID) << st << " " << bo_last_error_message() << "\n" << p;
    bo_engine_free(engine);
  }
}
