// A checkout plan over the apparel engine.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& engine = fuzz::apparel_engine();
  std::string_view in = fuzz::as_text(data, size);
  fuzz::answers([&] { fuzz::expect_json(backorder::checkout_json(engine, in), "checkout_json"); });
  return 0;
}
