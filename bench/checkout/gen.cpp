#include "gen.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "backorder/calendar.hpp"

namespace backorder::bench {

namespace {

constexpr Instant kHour = 3'600'000;
constexpr Instant kDay = 24 * kHour;
constexpr int kOffsetMinutes = -300;  // New York in winter

// Small and portable: the same numbers from the same seed with any standard library.
struct Rng {
  std::mt19937_64 g;
  explicit Rng(std::uint64_t seed) : g(seed) {}
  std::uint64_t below(std::uint64_t n) { return g() % n; }
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool chance(double p) { return static_cast<double>(g() >> 11) * 0x1.0p-53 < p; }
};

enum class Kind {
  in_stock,
  low_stock,
  backorder_supply,
  backorder_lead,
  preorder,
  discontinued,
  no_backorder
};

// One block of 100 items; shuffled per block.
constexpr std::array<std::pair<Kind, int>, 7> kMix = {{{Kind::in_stock, 58},
                                                       {Kind::low_stock, 10},
                                                       {Kind::backorder_supply, 14},
                                                       {Kind::backorder_lead, 10},
                                                       {Kind::preorder, 4},
                                                       {Kind::discontinued, 2},
                                                       {Kind::no_backorder, 2}}};

struct Garment {
  const char* name;
  const char* code;
  std::int64_t price;  // minor units, a style's base price
};
constexpr std::array<Garment, 20> kGarments = {
    {{"Field jacket", "JKT", 12900}, {"Parka", "PRK", 18900},        {"Rain shell", "RSH", 9900},
     {"Wool coat", "COT", 22900},    {"Slim jeans", "JNS", 7900},    {"Chinos", "CHN", 6900},
     {"Oxford shirt", "OXF", 5900},  {"Flannel shirt", "FLN", 5400}, {"Crew sweater", "SWT", 8900},
     {"Cardigan", "CRD", 9400},      {"Hoodie", "HOO", 6400},        {"T-shirt", "TEE", 2400},
     {"Polo", "POL", 3900},          {"Wool scarf", "SCF", 3400},    {"Beanie", "BNE", 2200},
     {"Shorts", "SHO", 4400},        {"Dress", "DRS", 9900},         {"Skirt", "SKT", 6900},
     {"Fleece", "FLC", 7400},        {"Down vest", "VST", 11900}}};
constexpr std::array<const char*, 12> kColours = {"navy",  "olive", "black", "grey",  "white", "red",
                                                  "camel", "blue",  "green", "brown", "cream", "rust"};
constexpr std::array<const char*, 5> kSizes = {"XS", "S", "M", "L", "XL"};
constexpr std::array<const char*, 4> kSuppliers = {"northwind-mills", "bluewater", "kestrel",
                                                   "acme-garments"};

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

std::string dated(Day d) { return format_day(d); }

}  // namespace

std::shared_ptr<const Engine> checkout_engine() {
  std::ifstream in(BO_CHECKOUT_POLICY);
  if (!in) throw std::runtime_error("cannot read " BO_CHECKOUT_POLICY);
  std::stringstream ss;
  ss << in.rdbuf();
  return Engine::from_json(ss.str());
}

Instant checkout_now() { return parse_instant("2026-11-30T09:00:00-05:00", "now"); }

CheckoutShop make_checkout_shop(const CheckoutSize& size) {
  if (size.items < 100) throw std::invalid_argument("at least 100 items");
  if (size.cart_lines < 12) throw std::invalid_argument("at least 12 cart lines");
  Rng rng(size.seed);
  CheckoutShop shop;
  shop.now = checkout_now();
  const Day today = day_from_ymd(2026, 11, 30);
  const std::size_t n = size.items;
  const std::size_t cats = std::max<std::size_t>(1, std::min(size.categories, n / 5));
  shop.categories = cats;
  Facts& f = shop.facts;

  for (const char* s : kSuppliers) {
    Supplier sup;
    sup.id = s;
    for (int k = 0; k < 40; ++k)
      sup.lateness_days.push_back(rng.chance(0.6) ? 0 : static_cast<int>(rng.below(7)));
    f.suppliers.push_back(std::move(sup));
  }

  // Kinds: exactly the mix in every block of 100, shuffled.
  std::vector<Kind> kinds(n);
  {
    std::vector<Kind> block;
    for (const auto& [k, count] : kMix) block.insert(block.end(), static_cast<std::size_t>(count), k);
    for (std::size_t i = 0; i < n; i += 100) {
      std::shuffle(block.begin(), block.end(), rng.g);
      std::copy_n(block.begin(), std::min<std::size_t>(100, n - i), kinds.begin() + static_cast<long>(i));
    }
  }

  // The catalog: categories are contiguous, each a garment's product family.
  f.items.reserve(n);
  std::size_t po = 0, order = 0;
  std::int64_t style_price = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t c = i * cats / n;
    const std::size_t first = (c * n + cats - 1) / cats;  // first item of category c
    const std::size_t j = i - first;                      // variant within the category
    const std::size_t style = j / 20, colour_slot = (j / 5) % 4, size_ix = j % 5;
    const Garment& g = kGarments[c % kGarments.size()];
    const char* colour = kColours[(c * 5 + style * 7 + colour_slot * 3) % kColours.size()];
    if (j % 20 == 0) style_price = g.price + 500 * rng.between(-4, 6);
    Item it;
    char sku[64];
    std::snprintf(sku, sizeof sku, "%s-C%03zu-S%02zu-%s-%s", g.code, c, style + 1, upper(colour).c_str(),
                  kSizes[size_ix]);
    it.sku = sku;
    it.name = std::string(g.name) + " " + std::to_string(style + 1) + ", " + colour + ", " + kSizes[size_ix];
    char cat[48];
    std::snprintf(cat, sizeof cat, "%s-%03zu", g.code, c);
    it.category = upper(cat);
    it.attributes = {{"size", kSizes[size_ix]}, {"colour", colour}};
    it.price = style_price + (colour_slot == 3 ? 1000 : 0);
    if (rng.chance(0.5)) {
      it.lead_min_days = 7 + static_cast<int>(rng.below(7));
      it.lead_max_days = *it.lead_min_days + 2 + static_cast<int>(rng.below(6));
    }
    if (rng.chance(0.8)) it.supplier = kSuppliers[rng.below(kSuppliers.size())];

    StockRow row;
    row.sku = it.sku;
    auto add_po = [&](Day from, Day to, std::int64_t qty) {
      Supply s;
      char id[32];
      std::snprintf(id, sizeof id, "PO-%06zu", ++po);
      s.id = id;
      s.sku = it.sku;
      s.quantity = qty;
      s.arrive_from = from;
      s.arrive_to = to == 0 ? from : to;
      s.status = rng.chance(0.85) ? SupplyStatus::confirmed : SupplyStatus::unconfirmed;
      s.supplier = it.supplier.empty() ? kSuppliers[rng.below(kSuppliers.size())] : it.supplier;
      f.supply.push_back(std::move(s));
    };
    auto add_waiting = [&](std::int64_t lines, std::int64_t max_days_ago) {
      for (std::int64_t k = 0; k < lines; ++k) {
        OrderLine l;
        char id[32];
        std::snprintf(id, sizeof id, "W-%07zu", ++order);
        l.order_id = id;
        l.line_id = "1";
        l.sku = it.sku;
        l.quantity = rng.chance(0.85) ? 1 : 2;
        l.placed_at =
            shop.now - static_cast<Instant>(rng.below(static_cast<std::uint64_t>(max_days_ago * kDay)));
        l.zone = rng.chance(0.8) ? "US" : "CA";
        f.lines.push_back(std::move(l));
      }
    };
    switch (kinds[i]) {
      case Kind::in_stock:
        row.position.on_hand = rng.between(6, 40);
        row.position.reserved = rng.between(0, 2);
        if (rng.chance(0.2)) add_po(today + static_cast<Day>(rng.between(5, 30)), 0, rng.between(10, 40));
        break;
      case Kind::low_stock:
        row.position.on_hand = rng.between(1, 3);
        if (rng.chance(0.5)) add_po(today + static_cast<Day>(rng.between(5, 25)), 0, rng.between(10, 30));
        break;
      case Kind::backorder_supply: {
        row.position.on_hand = 0;
        const std::int64_t pos = rng.between(1, 2);
        Day d = today + static_cast<Day>(rng.between(3, 20));
        for (std::int64_t k = 0; k < pos; ++k) {
          add_po(d, rng.chance(0.3) ? d + static_cast<Day>(rng.between(1, 4)) : 0, rng.between(5, 30));
          d += static_cast<Day>(rng.between(10, 20));
        }
        add_waiting(rng.between(0, 6), 20);
        break;
      }
      case Kind::backorder_lead:
        row.position.on_hand = 0;
        add_waiting(rng.between(0, 4), 20);
        break;
      case Kind::preorder: {
        const Day release = today + static_cast<Day>(rng.between(21, 120));
        it.release_date = release;
        if (rng.chance(0.5)) add_po(release - 3, 0, rng.between(20, 60));
        add_waiting(rng.between(0, 8), 30);
        break;
      }
      case Kind::discontinued:
        it.discontinued = true;
        row.position.on_hand = rng.between(0, 2);
        break;
      case Kind::no_backorder:
        it.backorders = false;
        row.position.on_hand = 0;
        break;
    }
    f.stock.push_back(std::move(row));
    f.items.push_back(std::move(it));
  }

  // The cart: draw items of each kind without replacement, spread over the catalog.
  std::array<std::vector<std::size_t>, kMix.size()> pool;
  for (std::size_t i = 0; i < n; ++i) pool[static_cast<std::size_t>(kinds[i])].push_back(i);
  for (auto& p : pool) std::shuffle(p.begin(), p.end(), rng.g);
  auto draw = [&](Kind k) {
    auto& p = pool[static_cast<std::size_t>(k)];
    if (p.empty()) throw std::logic_error("generator: not enough items of a kind for the cart");
    std::size_t i = p.back();
    p.pop_back();
    return i;
  };
  struct Pick {
    std::size_t item;
    std::int64_t quantity;
  };
  std::vector<Pick> picks;
  const std::size_t special = 5 + 8 + 4 + 1 + 1 + 3;
  const std::size_t in_stock = size.cart_lines - special;
  // The duplicated sku: 3 left, three lines of 2 units.
  const std::size_t dup = draw(Kind::low_stock);
  f.stock[dup].position = {};
  f.stock[dup].position.on_hand = 3;
  const std::size_t split = draw(Kind::low_stock);
  for (std::size_t k = 0; k < in_stock; ++k) picks.push_back({draw(Kind::in_stock), rng.chance(0.2) ? 2 : 1});
  for (int k = 0; k < 5; ++k) picks.push_back({draw(Kind::low_stock), 1});
  for (int k = 0; k < 8; ++k) picks.push_back({draw(Kind::backorder_supply), 1});
  for (int k = 0; k < 4; ++k) picks.push_back({draw(Kind::backorder_lead), 1});
  picks.push_back({draw(Kind::preorder), 1});
  picks.push_back({split, 4});
  for (int k = 0; k < 3; ++k) picks.push_back({dup, 2});
  // Shoppers add things in no particular order; the duplicates stay in cart order among themselves.
  std::shuffle(picks.begin(), picks.end(), rng.g);

  shop.cart.currency = "USD";
  shop.cart.customer = {"en-US", "US", ""};
  for (std::size_t k = 0; k < picks.size(); ++k) {
    CartLine l;
    l.line_id = std::to_string(k + 1);
    l.sku = f.items[picks[k].item].sku;
    l.quantity = picks[k].quantity;
    l.unit_price = f.items[picks[k].item].price;
    shop.cart.lines.push_back(std::move(l));
  }
  return shop;
}

namespace {

nlohmann::ordered_json cart_doc(const CheckoutShop& shop) {
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  for (const CartLine& l : shop.cart.lines) {
    nlohmann::ordered_json j = {{"line_id", l.line_id}, {"sku", l.sku}, {"quantity", l.quantity}};
    if (l.unit_price) j["unit_price"] = *l.unit_price;
    lines.push_back(std::move(j));
  }
  return {{"currency", shop.cart.currency}, {"lines", std::move(lines)}};
}

nlohmann::ordered_json customer_doc(const CheckoutShop& shop) {
  nlohmann::ordered_json j = {{"locale", shop.cart.customer.locale}, {"zone", shop.cart.customer.zone}};
  if (!shop.cart.customer.tier.empty()) j["tier"] = shop.cart.customer.tier;
  return j;
}

}  // namespace

std::string scenario_json(const CheckoutShop& shop) {
  using J = nlohmann::ordered_json;
  const Facts& f = shop.facts;
  J items = J::array(), stock = J::array(), supply = J::array(), suppliers = J::array(), orders = J::array();
  for (const Item& it : f.items) {
    J j = {{"sku", it.sku}, {"name", it.name}, {"category", it.category}};
    J attrs = J::object();
    for (const char* a : {"size", "colour"}) attrs[a] = it.attributes.at(a);
    j["attributes"] = std::move(attrs);
    if (it.price) j["price"] = *it.price;
    if (it.lead_min_days) j["lead_time_days"] = {{"min", *it.lead_min_days}, {"max", *it.lead_max_days}};
    if (!it.supplier.empty()) j["supplier"] = it.supplier;
    if (it.release_date) j["release_date"] = dated(*it.release_date);
    if (it.discontinued) j["discontinued"] = true;
    if (it.backorders) j["backorders"] = *it.backorders;
    items.push_back(std::move(j));
  }
  for (const StockRow& r : f.stock) {
    J j = {{"sku", r.sku}, {"on_hand", r.position.on_hand}};
    if (r.position.reserved) j["reserved"] = r.position.reserved;
    stock.push_back(std::move(j));
  }
  for (const Supplier& s : f.suppliers)
    suppliers.push_back({{"id", s.id}, {"lateness_days", s.lateness_days}});
  for (const Supply& s : f.supply) {
    J j = {{"id", s.id}, {"sku", s.sku}, {"quantity", s.quantity}};
    if (s.arrive_to == s.arrive_from)
      j["expected"] = dated(s.arrive_from);
    else
      j["expected"] = {{"from", dated(s.arrive_from)}, {"to", dated(s.arrive_to)}};
    j["status"] = s.status == SupplyStatus::confirmed ? "confirmed" : "unconfirmed";
    if (!s.supplier.empty()) j["supplier"] = s.supplier;
    supply.push_back(std::move(j));
  }
  for (const OrderLine& l : f.lines) {
    orders.push_back({{"order_id", l.order_id},
                      {"line_id", l.line_id},
                      {"sku", l.sku},
                      {"quantity", l.quantity},
                      {"placed_at", format_instant(l.placed_at, kOffsetMinutes)},
                      {"zone", l.zone}});
  }
  J doc = {{"now", format_instant(shop.now, kOffsetMinutes)},
           {"items", std::move(items)},
           {"stock", std::move(stock)},
           {"suppliers", std::move(suppliers)},
           {"supply", std::move(supply)},
           {"orders", std::move(orders)}};
  return doc.dump();
}

std::string cart_json(const CheckoutShop& shop) { return cart_doc(shop).dump(); }

std::string customer_json(const CheckoutShop& shop) { return customer_doc(shop).dump(); }

std::string request_json(const CheckoutShop& shop) {
  nlohmann::ordered_json doc = {{"cart", cart_doc(shop)}, {"customer", customer_doc(shop)}};
  return doc.dump();
}

}  // namespace backorder::bench
