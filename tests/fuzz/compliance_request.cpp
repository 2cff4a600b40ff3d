// Compliance checks over the apparel engine: the same bytes as a listing request and as an order request.
#include "backorder/compliance.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& engine = fuzz::apparel_engine();
  std::string_view in = fuzz::as_text(data, size);
  fuzz::answers([&] { fuzz::expect_json(backorder::check_listing_json(*engine, in), "check_listing_json"); });
  fuzz::answers([&] { fuzz::expect_json(backorder::check_order_json(*engine, in), "check_order_json"); });
  return 0;
}
