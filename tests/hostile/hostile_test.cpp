// Runs every hostile case as one GoogleTest each and prints how many each call of the C ABI gets.
#include "hostile.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>

namespace hostile {
namespace {

const std::vector<Case>& all_cases() {
  static const std::vector<Case> cases = [] {
    std::vector<Case> all = file_cases(BO_HOSTILE_CASES);
    for (auto* more : {&generated_cases, &typed_cases}) {
      for (Case& c : more()) all.push_back(std::move(c));
    }
    return all;
  }();
  return cases;
}

class Hostile : public ::testing::TestWithParam<std::size_t> {};

TEST_P(Hostile, RefusedWithItsPath) {
  const Case& c = all_cases()[GetParam()];
  SCOPED_TRACE(c.call + ": " + c.name);
  c.run();
}

INSTANTIATE_TEST_SUITE_P(Cases, Hostile, ::testing::Range<std::size_t>(0, all_cases().size()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
                           return all_cases()[info.param].call + "_" + std::to_string(info.param);
                         });

TEST(HostileCounts, AtLeastTwoHundredAndEveryCall) {
  std::map<std::string, int> per_call;
  for (const Case& c : all_cases()) ++per_call[c.call];
  std::printf("hostile cases per call:\n");
  for (const auto& [call, n] : per_call) std::printf("  %-16s %4d\n", call.c_str(), n);
  std::printf("  %-16s %4zu\n", "total", all_cases().size());
  EXPECT_GE(all_cases().size(), 200u);
  for (const char* call : {"policy", "policy_validate", "engine_new", "label_json", "labels_json",
                           "labeler_new", "labeler_run", "promises_new", "promises_json", "quote", "apply",
                           "book_labels", "book_checkout", "engine_checkout", "consent", "consent_check"}) {
    EXPECT_GE(per_call[call], 2) << call;
  }
}

}  // namespace
}  // namespace hostile
