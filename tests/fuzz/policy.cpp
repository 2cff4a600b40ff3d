// Policy loading: validate_policy_json never throws for bad input and agrees with Engine::from_json.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz::as_text(data, size);
  std::string report = backorder::validate_policy_json(in);  // documented: never throws for bad input
  fuzz::expect_json(report, "validate_policy_json");
  bool valid = nlohmann::json::parse(report).at("valid").get<bool>();
  bool built = fuzz::answers([&] {
    auto engine = backorder::Engine::from_json(in);
    if (!engine) fuzz::fail("Engine::from_json returned null");
  });
  if (valid != built)
    fuzz::fail(valid ? "valid policy refused by from_json" : "invalid policy built", report);
  return 0;
}
