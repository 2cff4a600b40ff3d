// The request of book_checkout_json ({"cart", "customer", "locale"}), read two ways: by the general JSON
// reader, which names every problem with its path, and in one pass without a JSON tree for the common case, a
// well-formed cart (building nlohmann's tree of a 50-line cart costs about as much as planning it).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "backorder/checkout.hpp"

namespace backorder::detail {

struct CartRequest {
  Cart cart;
  std::string locale;  // "" = the customer's, else the policy's
};

// Throws ValidationError with every problem ("cart.lines[2].quantity").
CartRequest read_cart_request(std::string_view request_json);

// The same answer for a request read_cart_request takes without a problem, or nullopt: for any problem, and
// for what this reader leaves to the other (\u escapes, bytes above ASCII in strings, numbers other than
// plain integers, keys given twice). Callers then ask read_cart_request, which says what is wrong.
std::optional<CartRequest> read_cart_request_fast(std::string_view request_json);

}  // namespace backorder::detail
