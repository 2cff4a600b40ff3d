#include "backorder/checkout.hpp"

#include <gtest/gtest.h>
#include <unicode/msgfmt.h>

#include <nlohmann/json.hpp>

#include "backorder/wire.hpp"
#include "test_support.hpp"

using namespace backorder;
using nlohmann::json;

namespace {
json shop() {
  json catalog = json::parse(test::read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/catalog.json"));
  json stock = json::parse(test::read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/stock.json"));
  return {{"now", "2026-11-30T09:00:00-05:00"}, {"items", catalog["items"]}, {"stock", stock["stock"]}};
}

json line(const char* id, const char* sku, int qty = 1) {
  return {{"line_id", id}, {"sku", sku}, {"quantity", qty}};
}

json request(json lines, const char* locale = "en-US") {
  json r = shop();
  r["cart"] = {{"currency", "USD"}, {"lines", std::move(lines)}};
  r["customer"] = {{"locale", locale}, {"zone", "US"}};
  return r;
}

json plan(const json& req) { return json::parse(checkout_json(test::apparel_engine(), req.dump())); }

json jacket_scarf_jeans() {
  return plan(request({line("1", "JKT-NAVY-M"), line("2", "SCF-WOOL-GRY"), line("3", "JNS-SLIM-32")}));
}

std::set<std::string> error_paths(const std::function<void()>& call) {
  std::set<std::string> out;
  try {
    call();
  } catch (const ValidationError& e) {
    for (const auto& i : e.issues()) out.insert(i.path);
  } catch (const Error& e) {
    out.insert(e.path());
  }
  return out;
}
}  // namespace

TEST(Checkout, TheApparelCartOffersBothStrategies) {
  json p = jacket_scarf_jeans();
  EXPECT_EQ(p["currency"], "USD");
  EXPECT_EQ(p["subtotal"], 12900 + 3500 + 7900);
  EXPECT_EQ(p["lines"][0]["label"]["text"], "Backorder – ships in 10–14 days");
  EXPECT_EQ(p["lines"][0]["options"], json({"wait", "notify_me", "alternative", "remove"}));
  EXPECT_TRUE(p["lines"][1]["options"].empty());
  EXPECT_TRUE(p["mixed"]);
  ASSERT_EQ(p["strategies"].size(), 2u);

  const json& now = p["strategies"][0];
  EXPECT_EQ(now["id"], "ship_available");
  ASSERT_EQ(now["shipments"].size(), 2u);
  EXPECT_EQ(now["shipments"][0]["ship"]["from"], "2026-12-01");
  EXPECT_EQ(now["shipments"][0]["items"].size(), 2u);
  EXPECT_EQ(now["shipments"][1]["ship"]["from"], "2026-12-10");
  EXPECT_EQ(now["shipments"][1]["ship"]["to"], "2026-12-14");
  EXPECT_EQ(now["shipments"][1]["delivery"]["to"], "2026-12-21");  // + 2–5 working days to the US
  // The order is over the free-shipping threshold; the second shipment is the shopper's choice and cost.
  EXPECT_EQ(now["shipping_total"], 1190);
  EXPECT_EQ(now["customer_pays"], 595);
  EXPECT_EQ(now["shop_pays"], 595);

  const json& together = p["strategies"][1];
  EXPECT_EQ(together["id"], "ship_together");
  ASSERT_EQ(together["shipments"].size(), 1u);
  EXPECT_EQ(together["shipments"][0]["items"].size(), 3u);
  EXPECT_EQ(together["shipments"][0]["ship"]["from"], "2026-12-10");
  EXPECT_EQ(together["customer_pays"], 0);
  EXPECT_EQ(p["cost_difference"], 595);
  EXPECT_EQ(p["default_strategy"], "ship_together");
  EXPECT_EQ(p["recommended_strategy"], "ship_available");  // nine days sooner for the scarf and jeans
  EXPECT_EQ(p["recommendation"], "sooner");
  EXPECT_NE(together["disclosure"].get<std::string>().find("The whole order ships together Dec 10"),
            std::string::npos)
      << together["disclosure"];
  EXPECT_NE(now["disclosure"].get<std::string>().find("a second shipment"), std::string::npos)
      << now["disclosure"];
}

TEST(Checkout, TheJacketsAlternativeIsAnInStockJacketInTheSameSize) {
  json p = jacket_scarf_jeans();
  const json& alts = p["lines"][0]["alternatives"];
  ASSERT_GE(alts.size(), 2u);
  EXPECT_EQ(alts[0]["sku"], "JKT-OLIVE-M");
  EXPECT_EQ(alts[0]["label"]["status"], "in_stock");
  EXPECT_EQ(alts[1]["sku"], "JKT-RAIN-M");                        // same size, outside the price band
  for (const json& a : alts) EXPECT_NE(a["sku"], "VEST-DOWN-M");  // discontinued and sold out
}

TEST(Checkout, DisclosuresAndPaymentAdvice) {
  json p = jacket_scarf_jeans();
  std::vector<std::string> kinds;
  for (auto& d : p["disclosures"]) kinds.push_back(d["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"backorder", "cancellation", "payment"}));
  // ICU puts thin spaces around the dash of a date range.
  EXPECT_EQ(p["disclosures"][0]["text"],
            "1 unit of Field jacket, navy, M is on backorder, expected to ship Dec 10\u2009–\u200914.");
  // Shipping on 14 December is past a 7-day card authorization: charge each shipment as it ships.
  EXPECT_EQ(p["strategies"][1]["payment"]["advice"], "charge_at_shipment");
  EXPECT_EQ(p["strategies"][1]["payment"]["authorization_expires"], "2026-12-07T09:00:00-05:00");
  json in_stock = plan(request({line("1", "SCF-WOOL-GRY")}));
  EXPECT_EQ(in_stock["strategies"].size(), 1u);
  EXPECT_FALSE(in_stock["mixed"]);
  EXPECT_EQ(in_stock["strategies"][0]["payment"]["advice"], "authorize_now");
  EXPECT_EQ(in_stock["strategies"][0]["customer_pays"], 595);  // under the free-shipping threshold
}

TEST(Checkout, PreOrdersShipApartOnTheirReleaseDay) {
  json p = plan(request({line("1", "SCF-WOOL-GRY"), line("2", "CAP-WINTER-27")}));
  EXPECT_FALSE(p["mixed"]);  // nothing to choose: the cap cannot come earlier
  const json& only = p["strategies"][0];
  ASSERT_EQ(only["shipments"].size(), 2u);
  EXPECT_EQ(only["shipments"][1]["ship"]["from"], "2027-03-12");
  EXPECT_EQ(p["lines"][1]["preorder"], true);
  EXPECT_EQ(p["disclosures"][0]["kind"], "preorder");
}

TEST(Checkout, TheSameItemTwiceShareItsStock) {
  // 2 navy L jackets are sellable: the first line takes both, the second waits.
  json p = plan(request({line("1", "JKT-NAVY-L", 2), line("2", "JKT-NAVY-L", 1)}));
  EXPECT_EQ(p["lines"][0]["label"]["ship_now"], 2);
  EXPECT_EQ(p["lines"][1]["label"]["ship_now"], 0);
  EXPECT_EQ(p["lines"][1]["label"]["later"], 1);
}

TEST(Checkout, ShoppersLanguage) {
  json p = plan(request({line("1", "JKT-NAVY-M"), line("2", "SCF-WOOL-GRY")}, "de-DE"));
  EXPECT_EQ(p["locale"], "de-DE");
  EXPECT_EQ(p["lines"][0]["label"]["text"], "Nachbestellt – Versand in 10–14 Tagen");
  EXPECT_NE(p["disclosures"][1]["text"].get<std::string>().find("stornieren"), std::string::npos);
}

TEST(Checkout, BadCartsAreRejectedWithPaths) {
  json r = request({line("1", "NOPE"), line("2", "SCF-WOOL-GRY", 0), line("2", "JNS-SLIM-32")});
  r["cart"]["currency"] = "EUR";
  EXPECT_EQ(error_paths([&] { plan(r); }),
            (std::set<std::string>{"cart.currency", "cart.lines[0].sku", "cart.lines[1].quantity",
                                   "cart.lines[2].line_id"}));
  json mixed = request({line("1", "SCF-WOOL-GRY")});
  mixed["cart"]["lines"][0]["currency"] = "EUR";
  EXPECT_EQ(error_paths([&] { plan(mixed); }), std::set<std::string>{"cart.lines[0].currency"});
  EXPECT_EQ(error_paths([&] { plan(request(json::array())); }), std::set<std::string>{"cart.lines"});
}

TEST(Checkout, PricesMustMatchWhenThePolicySaysSo) {
  auto doc = json::parse(test::apparel_policy());
  doc["checkout"]["prices_must_match"] = true;
  auto engine = Engine::from_json(doc.dump());
  json r = request({line("1", "SCF-WOOL-GRY")});
  r["cart"]["lines"][0]["unit_price"] = 100;
  EXPECT_EQ(error_paths([&] { checkout_json(engine, r.dump()); }),
            std::set<std::string>{"cart.lines[0].unit_price"});
  r["cart"]["lines"][0]["unit_price"] = 3500;
  EXPECT_NO_THROW(checkout_json(engine, r.dump()));
}

TEST(Consent, RecordsWhatTheShopperSawAndChose) {
  json p = jacket_scarf_jeans();
  json req = {{"plan", p},
              {"choice", {{"strategy", "ship_available"}, {"lines", {{"1", "wait"}}}}},
              {"now", "2026-11-30T14:05:00Z"}};
  json record = json::parse(consent_json(req.dump()));
  EXPECT_EQ(record["version"], 1);
  EXPECT_EQ(record["strategy"], "ship_available");
  EXPECT_EQ(record["recorded_at"], "2026-11-30T14:05:00+00:00");
  EXPECT_EQ(record["policy_hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(record["policy_hash"], p["policy_hash"]);
  EXPECT_EQ(record["customer_pays"], 595);
  EXPECT_EQ(record["lines"][0]["choice"], "wait");
  EXPECT_EQ(record["lines"][0]["text"], "Backorder – ships in 10–14 days");
  EXPECT_EQ(record["lines"][0]["later_window"]["from"], "2026-12-10");
  EXPECT_EQ(record["lines"][1]["choice"], "buy");
  EXPECT_NE(record["disclosures"][0].get<std::string>().find("a second shipment"), std::string::npos);
  // Kept with the order and read back, it is the same record.
  std::string text = consent_json(req.dump());
  EXPECT_EQ(consent_check_json(text), text);
  EXPECT_EQ(consent_check_json(json::parse(text).dump(2)), text);
}

TEST(Consent, ChoicesMustBeOnesThePlanOffered) {
  json p = jacket_scarf_jeans();
  auto paths = [&](json choice) {
    json req = {{"plan", p}, {"choice", std::move(choice)}, {"now", "2026-11-30T14:05:00Z"}};
    return error_paths([&] { consent_json(req.dump()); });
  };
  EXPECT_EQ(paths({{"strategy", "ship_by_pigeon"}}), std::set<std::string>{"choice.strategy"});
  EXPECT_EQ(paths({{"lines", {{"1", {{"alternative", "BOOT-CHEL-42"}}}}}}),
            std::set<std::string>{"choice.lines.1.alternative"});
  EXPECT_EQ(paths({{"lines", {{"2", "wait"}}}}), std::set<std::string>{"choice.lines.2"});
  EXPECT_EQ(paths({{"lines", {{"9", "wait"}}}}), std::set<std::string>{"choice.lines.9"});
  json ok = {{"plan", p},
             {"choice", {{"lines", {{"1", {{"alternative", "JKT-OLIVE-M"}}}}}}},
             {"now", "2026-11-30T14:05:00Z"}};
  json record = json::parse(consent_json(ok.dump()));
  EXPECT_EQ(record["strategy"], "ship_together");  // the plan's default
  EXPECT_EQ(record["lines"][0]["alternative"], "JKT-OLIVE-M");
  json tampered = record;
  tampered["lines"][0]["choice"] = "steal";
  EXPECT_EQ(error_paths([&] { consent_check_json(tampered.dump()); }),
            std::set<std::string>{"consent.lines[0].choice"});
}

TEST(Messages, EveryBuiltInMessageFormatsInEveryLanguage) {
  auto engine = test::apparel_engine();
  for (const char* locale : {"en", "de", "fr", "es", "pl", "ja"}) {
    Labeler l(engine, locale, test::monday_morning());
    std::string dates = l.format_dates(parse_day("2026-12-10", ""), parse_day("2026-12-14", ""));
    for (const char* key : kMessageKeys) {
      // Customer messages and the desk brief take other arguments: messages_test.cpp and desk_test.cpp
      // format them.
      if (std::string_view(key).starts_with("msg_") || std::string_view(key).starts_with("desk_")) continue;
      std::string text = l.format(key, {{"count", 3},
                                        {"min_days", 10},
                                        {"max_days", 14},
                                        {"dates", dates},
                                        {"date", l.format_date(parse_day("2027-03-12", ""))},
                                        {"now_count", 2},
                                        {"later_count", 1},
                                        {"name", "Field jacket"},
                                        {"later", 2},
                                        {"now_dates", dates},
                                        {"later_dates", dates},
                                        {"extra", 1}});
      EXPECT_FALSE(text.empty()) << locale << " " << key;
      EXPECT_EQ(text.find('{'), std::string::npos) << locale << " " << key << ": " << text;
      EXPECT_EQ(text.find(".."), std::string::npos) << locale << " " << key << ": " << text;
    }
  }
}

// Disclosures are formatted once per plural form and then filled in with each item's name: the same text as
// formatting the whole message, in every language and for awkward names.
TEST(Messages, FilledInDisclosuresReadAsTheWholeMessage) {
  auto engine = test::apparel_engine();
  for (const char* locale : {"en-US", "de-DE", "fr-FR", "es-ES", "pl-PL", "ja-JP"}) {
    Labeler l(engine, locale, test::monday_morning());
    const std::string dates = l.format_dates(parse_day("2026-12-10", ""), parse_day("2027-01-14", ""));
    auto whole = [&](const char* key, const char* name, std::int64_t count) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError pe;
      icu::MessageFormat mf(icu::UnicodeString::fromUTF8(*engine->message(l.locale(), key)),
                            icu::Locale::forLanguageTag(l.locale(), status), pe, status);
      icu::UnicodeString names[] = {"name", "later", "dates", "extra", "now_dates", "later_dates"};
      icu::Formattable values[] = {icu::UnicodeString::fromUTF8(name),  static_cast<int64_t>(count),
                                   icu::UnicodeString::fromUTF8(dates), static_cast<int64_t>(count),
                                   icu::UnicodeString::fromUTF8(dates), icu::UnicodeString::fromUTF8(dates)};
      icu::UnicodeString out;
      mf.format(names, values, 6, out, status);
      EXPECT_FALSE(U_FAILURE(status)) << key;
      std::string text;
      return out.toUTF8String(text);
    };
    for (const char* name : {"Field jacket, navy, M", "O'Brien's {coat} #1 – 100% “wool”", ""}) {
      for (std::int64_t n : {1, 2, 3, 5, 12, 21, 22, 1000}) {
        for (int twice = 0; twice < 2; ++twice) {
          EXPECT_EQ(l.format("disclosure_backorder", {{"name", name}, {"later", n}, {"dates", dates}}),
                    whole("disclosure_backorder", name, n))
              << locale << " " << n;
          EXPECT_EQ(l.format("disclosure_ship_available",
                             {{"now_dates", dates}, {"later_dates", dates}, {"extra", n}}),
                    whole("disclosure_ship_available", name, n))
              << locale << " " << n;
        }
      }
    }
  }
}

TEST(Messages, ATextArgumentThatChoosesIsFormattedWhole) {
  // A merchant's pattern may select on the name: then it cannot be filled in, and is not.
  json policy = json::parse(test::apparel_policy());
  policy["messages"]["en"]["disclosure_preorder"] =
      "{name, select, Scarf {The scarf is} other {{name} is}} a pre-order for {date}.";
  policy["messages"]["en"]["disclosure_backorder"] = "\ufdd0 {name}: {later} on backorder, {dates}.";
  auto engine = Engine::from_json(policy.dump());
  Labeler l(engine, "en-US", test::monday_morning());
  EXPECT_EQ(l.format("disclosure_preorder", {{"name", "Scarf"}, {"date", "March 12"}}),
            "The scarf is a pre-order for March 12.");
  EXPECT_EQ(l.format("disclosure_preorder", {{"name", "Hat"}, {"date", "March 12"}}),
            "Hat is a pre-order for March 12.");
  // A pattern holding a marker character itself is formatted whole too.
  EXPECT_EQ(l.format("disclosure_backorder", {{"name", "Hat"}, {"later", 2}, {"dates", "Dec 10"}}),
            "\ufdd0 Hat: 2 on backorder, Dec 10.");
}

TEST(Wire, AnswersAreCanonicalJson) {
  // Answers are written without a tree; they must equal a JSON library's canonical dump of themselves.
  json r = request({line("1", "JKT-NAVY-M"), line("2", "SCF-WOOL-GRY", 2), line("3", "CAP-WINTER-27")});
  r["items"][0]["name"] = "Jacket \"Navy\"\n\t\\ \u0001 – 外套";
  for (const char* locale : {"en-US", "de-DE", "ja-JP"}) {
    r["customer"]["locale"] = locale;
    std::string text = checkout_json(test::apparel_engine(), r.dump());
    EXPECT_EQ(text, json::parse(text).dump()) << locale;
  }
  json catalog = shop();
  catalog["locale"] = "fr-FR";
  std::string labels = labels_json(test::apparel_engine(), catalog.dump());
  EXPECT_EQ(labels, json::parse(labels).dump());
}
