// The one-pass reader of well-formed cart requests. It takes exactly what read_cart_request takes without a
// problem and gives the same Cart; anything else (a problem, or JSON it does not handle) makes it give up, so
// it never needs to say why. tests/core/cart_request_test.cpp holds the two readers to that.
#include "cart_request.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "backorder/limits.hpp"
#include "backorder/policy.hpp"

namespace backorder::detail {

namespace {

// The bytes a string takes as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// A cursor over JSON text. Every method returns false when the text is not what it wants there.
class Scan {
 public:
  explicit Scan(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  bool eat(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool at_end() {
    skip_space();
    return p_ == end_;
  }
  bool null() {
    skip_space();
    if (end_ - p_ < 4 || std::string_view(p_, 4) != "null") return false;
    p_ += 4;
    return true;
  }

  // A string with no \u escape, no control character and only ASCII (what nlohmann reads the same way).
  bool string(std::string& out) {
    if (!eat('"')) return false;
    out.clear();
    for (;;) {
      const char* run = p_;
      while (p_ != end_ && kPlain[static_cast<unsigned char>(*p_)]) ++p_;
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_) return false;
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      if (*p_ != '\\' || ++p_ == end_) return false;
      switch (*p_++) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        default:
          return false;
      }
    }
  }

  // A plain JSON integer (no fraction, no exponent, no "-0") that fits int64.
  bool integer(std::int64_t& out) {
    skip_space();
    bool negative = p_ != end_ && *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0' && (negative || (p_ + 1 != end_ && p_[1] >= '0' && p_[1] <= '9'))) return false;
    std::uint64_t v = 0;
    constexpr std::uint64_t kLimit = std::uint64_t{std::numeric_limits<std::int64_t>::max()} + 1;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
      v = v * 10 + static_cast<std::uint64_t>(*p_++ - '0');
      if (v > kLimit) return false;
    }
    if (p_ != end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    if (v == kLimit && !negative) return false;
    out = negative ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
    return true;
  }

  // Members of an object, each handed to `member(key)`, which reads its value. Refuses a key given twice:
  // `seen` gets the bit `bit(key)` returns (-1 for an unknown key, which is refused).
  template <typename Bit, typename Member>
  bool object(Bit bit, Member member) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    unsigned seen = 0;
    std::string key;
    do {
      if (!string(key) || !eat(':')) return false;
      const int b = bit(key);
      if (b < 0 || (seen & (1u << b)) != 0) return false;
      seen |= 1u << b;
      if (!member(b)) return false;
    } while (eat(','));
    return eat('}');
  }

  // A string member's value: a string, or null for not given (then `out` is left as it is).
  bool optional_string(std::string& out, bool& given) {
    given = !null();
    return !given || string(out);
  }
  bool optional_integer(std::int64_t& out, bool& given) {
    given = !null();
    return !given || integer(out);
  }

 private:
  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  const char* p_;
  const char* end_;
};

constexpr std::int64_t kMaxAmount = 1'000'000'000'000'000;

template <std::size_t N>
int index_of(std::string_view key, const std::string_view (&keys)[N]) {
  for (std::size_t i = 0; i < N; ++i)
    if (keys[i] == key) return static_cast<int>(i);
  return -1;
}

bool line(Scan& s, std::size_t i, CartLine& out, std::string& currency, bool& has_currency) {
  static constexpr std::string_view kKeys[] = {"line_id", "sku", "quantity", "unit_price", "currency"};
  bool has_id = false, has_quantity = false;
  return s.object([](std::string_view k) { return index_of(k, kKeys); },
                  [&](int k) {
                    bool given = false;
                    switch (k) {
                      case 0:
                        return s.optional_string(out.line_id, has_id);
                      case 1:
                        // Required and not empty.
                        return s.string(out.sku) && !out.sku.empty();
                      case 2:
                        return s.optional_integer(out.quantity, has_quantity);
                      case 3: {
                        std::int64_t price = 0;
                        if (!s.optional_integer(price, given)) return false;
                        if (given) {
                          if (price < 0 || price > kMaxAmount) return false;
                          out.unit_price = price;
                        }
                        return true;
                      }
                      default:
                        return s.optional_string(currency, has_currency);
                    }
                  }) &&
         !out.sku.empty() && (has_id || (out.line_id = std::to_string(i + 1), true)) &&
         (has_quantity || (out.quantity = 1, true));
}

bool cart(Scan& s, Cart& out) {
  static constexpr std::string_view kKeys[] = {"currency", "lines"};
  // A line's own currency must be the cart's, which may come after the lines.
  std::vector<std::string> line_currencies;
  bool has_lines = false;
  const bool ok = s.object([](std::string_view k) { return index_of(k, kKeys); },
                           [&](int k) {
                             if (k == 0) return s.string(out.currency);
                             has_lines = true;
                             if (!s.eat('[')) return false;
                             if (s.eat(']')) return true;
                             do {
                               CartLine l;
                               std::string currency;
                               bool has_currency = false;
                               if (!line(s, out.lines.size(), l, currency, has_currency)) return false;
                               if (has_currency) line_currencies.push_back(std::move(currency));
                               out.lines.push_back(std::move(l));
                             } while (s.eat(','));
                             return s.eat(']');
                           });
  if (!ok || !has_lines || out.currency.empty()) return false;
  for (const std::string& c : line_currencies)
    if (c != out.currency) return false;
  return true;
}

bool customer(Scan& s, Customer& out) {
  static constexpr std::string_view kKeys[] = {"locale", "zone", "tier"};
  return s.object([](std::string_view k) { return index_of(k, kKeys); },
                  [&](int k) {
                    bool given = false;
                    std::string& field = k == 0 ? out.locale : k == 1 ? out.zone : out.tier;
                    return s.optional_string(field, given);
                  }) &&
         (out.locale.empty() || is_known_locale(out.locale));
}

}  // namespace

std::optional<CartRequest> read_cart_request_fast(std::string_view request_json) {
  static constexpr std::string_view kKeys[] = {"locale", "cart", "customer"};
  CartRequest req;
  Scan s(request_json);
  bool has_cart = false;
  const bool ok = s.object([](std::string_view k) { return index_of(k, kKeys); },
                           [&](int k) {
                             bool given = false;
                             switch (k) {
                               case 0:
                                 return s.optional_string(req.locale, given);
                               case 1:
                                 has_cart = true;
                                 return cart(s, req.cart);
                               default:
                                 return s.null() || customer(s, req.cart.customer);
                             }
                           });
  if (!ok || !s.at_end() || !has_cart) return std::nullopt;
  if (!req.locale.empty() && !is_known_locale(req.locale)) return std::nullopt;
  // Texts past the limits (docs/limits.md) or holding NUL go to the general reader, which names the problem.
  auto fits = [](const std::string& t) {
    return t.size() <= limits::kTextBytes && t.find('\0') == std::string::npos;
  };
  const Customer& c = req.cart.customer;
  bool ok_texts =
      fits(req.locale) && fits(req.cart.currency) && fits(c.locale) && fits(c.zone) && fits(c.tier);
  for (const CartLine& l : req.cart.lines) ok_texts = ok_texts && fits(l.line_id) && fits(l.sku);
  if (!ok_texts) return std::nullopt;
  return req;
}

}  // namespace backorder::detail
