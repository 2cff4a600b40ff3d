// A refund quote over the apparel engine: every answer is JSON whose splits add up exactly.
#include "backorder/refund_wire.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& engine = fuzz::apparel_engine();
  std::string_view in = fuzz::as_text(data, size);
  fuzz::answers([&] {
    const std::string out = backorder::refund_json(*engine, in);
    fuzz::expect_json(out, "refund_json");
    const nlohmann::json q = nlohmann::json::parse(out);
    const bool included = q["tax_included"].get<bool>();
    std::int64_t total = 0;
    for (const auto& l : q["lines"]) {
      const std::int64_t items = l["items"], discount = l["discount"], tax = l["tax"], deposit = l["deposit"];
      if (l["total"].get<std::int64_t>() != items - discount + (included ? 0 : tax) + deposit)
        fuzz::fail("a line's total is not its parts", out);
      if (items < 0 || discount < 0 || tax < 0 || deposit < 0 || discount > items)
        fuzz::fail("a negative part or a discount above the items", out);
      total += l["total"].get<std::int64_t>();
    }
    if (q["total"].get<std::int64_t>() != total + q["shipping"].get<std::int64_t>())
      fuzz::fail("the total is not the lines and shipping", out);
  });
  return 0;
}
