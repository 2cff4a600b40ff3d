// A scenario loaded into an in-memory promise book, then a fixed supply slip applied and a quote taken.
#include "fuzz_support.hpp"

namespace {
constexpr std::string_view kSlip = R"({"type": "supply_changed", "id": "PO-1001", "expected": "2026-12-15"})";
constexpr std::string_view kQuote = R"({"sku": "JKT-NAVY-M", "quantity": 1, "zone": "US"})";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& engine = fuzz::apparel_engine();
  std::string_view in = fuzz::as_text(data, size);
  fuzz::answers([&] {
    backorder::PromiseBook book = backorder::promise_book_from_json(engine, in);
    fuzz::expect_json(backorder::promises_json(book), "promises_json");
    // Each later call may refuse (no PO-1001, no such sku) without spoiling the book.
    fuzz::answers([&] { fuzz::expect_json(backorder::apply_json(book, kSlip), "apply_json"); });
    fuzz::answers([&] { fuzz::expect_json(backorder::quote_json(book, kQuote), "quote_json"); });
    fuzz::expect_json(backorder::promises_json(book), "promises_json");
  });
  return 0;
}
