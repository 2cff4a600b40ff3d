// The one-pass cart reader against the general one (core/src/cart_request.hpp): whatever it takes, the
// general reader takes without a problem and reads the same.
#include "cart_request.hpp"

#include "fuzz_support.hpp"

namespace {

bool same(const backorder::detail::CartRequest& a, const backorder::detail::CartRequest& b) {
  if (a.locale != b.locale || a.cart.currency != b.cart.currency ||
      a.cart.lines.size() != b.cart.lines.size())
    return false;
  const backorder::Customer &x = a.cart.customer, &y = b.cart.customer;
  if (x.locale != y.locale || x.zone != y.zone || x.tier != y.tier) return false;
  for (std::size_t i = 0; i < a.cart.lines.size(); ++i) {
    const backorder::CartLine &l = a.cart.lines[i], &m = b.cart.lines[i];
    if (l.line_id != m.line_id || l.sku != m.sku || l.quantity != m.quantity || l.unit_price != m.unit_price)
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz::as_text(data, size);
  auto fast = backorder::detail::read_cart_request_fast(in);
  if (!fast) return 0;
  try {
    if (!same(*fast, backorder::detail::read_cart_request(in)))
      fuzz::fail("the two cart readers disagree", in);
  } catch (const backorder::Error&) {
    fuzz::fail("the fast cart reader took a request the general one refuses", in);
  }
  return 0;
}
