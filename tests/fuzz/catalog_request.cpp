// A catalog of labels over the apparel engine.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& engine = fuzz::apparel_engine();
  std::string_view in = fuzz::as_text(data, size);
  fuzz::answers([&] { fuzz::expect_json(backorder::labels_json(engine, in), "labels_json"); });
  return 0;
}
