// The one-pass cart reader against the general one: whatever it takes, the general reader takes without a
// problem and reads the same; the common requests it does take; and random damage to a request never makes
// it take what the general reader refuses or read something else.
#include "cart_request.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "backorder/error.hpp"

using backorder::detail::CartRequest;
using backorder::detail::read_cart_request;
using backorder::detail::read_cart_request_fast;

namespace {

std::optional<CartRequest> general(const std::string& text) {
  try {
    return read_cart_request(text);
  } catch (const backorder::Error&) {
    return std::nullopt;
  }
}

// The fast reader's answer, after checking it against the general reader's; true when it took the request.
bool agrees(const std::string& text) {
  std::optional<CartRequest> fast = read_cart_request_fast(text);
  if (!fast) return false;
  std::optional<CartRequest> slow = general(text);
  EXPECT_TRUE(slow.has_value()) << "the fast reader took a request the general one refuses: " << text;
  if (!slow) return true;
  EXPECT_EQ(fast->locale, slow->locale) << text;
  const backorder::Cart &a = fast->cart, &b = slow->cart;
  EXPECT_EQ(a.currency, b.currency) << text;
  EXPECT_EQ(a.customer.locale, b.customer.locale) << text;
  EXPECT_EQ(a.customer.zone, b.customer.zone) << text;
  EXPECT_EQ(a.customer.tier, b.customer.tier) << text;
  EXPECT_EQ(a.lines.size(), b.lines.size()) << text;
  for (std::size_t i = 0; i < a.lines.size() && i < b.lines.size(); ++i) {
    EXPECT_EQ(a.lines[i].line_id, b.lines[i].line_id) << text;
    EXPECT_EQ(a.lines[i].sku, b.lines[i].sku) << text;
    EXPECT_EQ(a.lines[i].quantity, b.lines[i].quantity) << text;
    EXPECT_EQ(a.lines[i].unit_price, b.lines[i].unit_price) << text;
  }
  return true;
}

const std::string kCart =
    R"({"cart":{"currency":"USD","lines":[{"line_id":"1","sku":"JKT-NAVY-M","quantity":1,"unit_price":12900},)"
    R"({"line_id":"2","sku":"SCF-WOOL-GRY","quantity":2}]},"customer":{"locale":"en-US","zone":"US"}})";

}  // namespace

TEST(CartRequest, TakesTheCommonRequestsAsTheGeneralReaderDoes) {
  for (
      const std::string& text : std::vector<std::string>{
          kCart,
          // spacing, key order (the cart's currency after its lines; the customer first), nulls as "not
          // given"
          " {\n \"customer\" : {\"tier\": \"gold\", \"zone\": null},\t\"cart\": {\"lines\": [{\"sku\": "
          "\"A\"}], \"currency\": \"USD\"}, \"locale\": \"de-DE\"}\r\n",
          R"({"cart":{"currency":"USD","lines":[{"sku":"A","line_id":null,"quantity":null,"unit_price":null,)"
          R"("currency":null},{"sku":"B","currency":"USD"}]},"customer":null,"locale":null})",
          // what the planner refuses, not the reader: an empty cart, quantities out of range, a repeated id
          R"({"cart":{"currency":"USD","lines":[]}})",
          R"({"cart":{"currency":"EUR","lines":[{"sku":"A","quantity":0},{"sku":"B","quantity":-3}]}})",
          R"({"cart":{"currency":"USD","lines":[{"sku":"A","line_id":""},{"sku":"B","line_id":"1"},)"
          R"({"sku":"C","line_id":"1","quantity":9223372036854775807},{"sku":"D","quantity":-9223372036854775808}]}})",
          // escapes nlohmann reads the same way
          R"({"cart":{"currency":"USD","lines":[{"sku":"A\"B\\C\/D\b\f\n\r\t","line_id":"x y"}]}})",
          R"({"cart":{"currency":"USD","lines":[{"sku":"A","unit_price":0},{"sku":"B","unit_price":1000000000000000}]}})",
          R"({"cart":{"currency":"USD","lines":[{"sku":"A"}]},"customer":{}})",
      }) {
    EXPECT_TRUE(agrees(text)) << "left to the general reader: " << text;
  }
}

TEST(CartRequest, LeavesProblemsAndRareJsonToTheGeneralReader) {
  for (const std::string& text : std::vector<std::string>{
           "",
           "{",
           "[]",
           "null",
           kCart + "x",
           kCart + "{}",
           "\xef\xbb\xbf" + kCart,
           R"({"cart":{"currency":"USD","lines":[{"sku":"A"}]},"extra":1})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","colour":"red"}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A"}],"note":""}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A"}]},"customer":{"locale":"xx-NOPE"}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A"}]},"locale":"xx-NOPE"})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A"}]},"customer":"en-US"})",
           R"({"cart":null})",
           R"({"customer":{}})",
           R"({"cart":{"lines":[{"sku":"A"}]}})",
           R"({"cart":{"currency":"","lines":[{"sku":"A"}]}})",
           R"({"cart":{"currency":"USD"}})",
           R"({"cart":{"currency":"USD","lines":null}})",
           R"({"cart":{"currency":"USD","lines":[null]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":""}]}})",
           R"({"cart":{"currency":"USD","lines":[{}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":null}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","quantity":1.0}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","quantity":1e2}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","quantity":-0}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","quantity":01}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","quantity":"1"}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","quantity":9223372036854775808}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","unit_price":-1}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","unit_price":1000000000000001}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","currency":"EUR"}]}})",
           R"({"cart":{"lines":[{"sku":"A","currency":""}],"currency":"USD"}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","sku":"B"}]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A"}]},"cart":{"currency":"USD","lines":[]}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"\u0041"}]}})",
           "{\"cart\":{\"currency\":\"USD\",\"lines\":[{\"sku\":\"caf\xc3\xa9\"}]}}",
           "{\"cart\":{\"currency\":\"USD\",\"lines\":[{\"sku\":\"A\x01\"}]}}",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A"},]}})",
           R"({"cart":{"currency":"USD",}})",
           R"({"cart":{"currency":"USD","lines":[{"sku":"A","quantity":true}]}})",
       }) {
    EXPECT_FALSE(agrees(text)) << "taken by the fast reader: " << text;
  }
}

TEST(CartRequest, DamagedRequestsNeverFoolIt) {
  // Bytes replaced, dropped or doubled anywhere in a request: the fast reader either gives up or agrees.
  std::mt19937 rng(42);
  const std::string alphabet = "{}[]\":,\\ 0123456789-.eEnulltrAUSD\x01\xc3";
  const std::string bases[] = {
      kCart,
      R"({"customer":{"tier":"gold","zone":null},"cart":{"lines":[{"sku":"A","line_id":null,"quantity":7},)"
      R"({"sku":"B","currency":"USD","unit_price":0}],"currency":"USD"},"locale":"de-DE"})"};
  int taken = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text = bases[n % 2];
    for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) {
      std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          text.erase(at, 1);
          break;
        default:
          text.insert(at, 1, text[at]);
      }
    }
    taken += agrees(text) ? 1 : 0;
  }
  EXPECT_GT(taken, 100);  // some damage leaves a request both read (a changed sku or quantity)
}
