#include "backorder/labels.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "test_support.hpp"

using namespace backorder;

namespace {
Item jacket() {
  Item i;
  i.sku = "JKT-NAVY-M";
  i.lead_min_days = 10;
  i.lead_max_days = 14;
  return i;
}

std::shared_ptr<const Engine> engine_with(const std::function<void(nlohmann::json&)>& edit) {
  auto doc = nlohmann::json::parse(test::apparel_policy());
  edit(doc);
  return Engine::from_json(doc.dump());
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST(Labels, TheJacketOnBackorder) {
  Labeler l(test::apparel_engine(), "en-US", test::monday_morning());
  Label label = l.label(jacket(), {});
  EXPECT_EQ(label.text->text, "Backorder – ships in 10–14 days");
  EXPECT_TRUE(contains(label.text->short_text, "Dec")) << label.text->short_text;
  EXPECT_TRUE(contains(label.text->short_text, "10")) << label.text->short_text;
  EXPECT_TRUE(contains(label.text->short_text, "14")) << label.text->short_text;
  EXPECT_EQ(label.text->availability_date, "2026-12-10T00:00:00-05:00");
  EXPECT_STREQ(label.schema_org(), "https://schema.org/BackOrder");
  EXPECT_STREQ(label.merchant(), "backorder");
}

TEST(Labels, EveryStatusInEnglish) {
  Labeler l(test::apparel_engine(), "en-US", test::monday_morning());
  Item plain;
  plain.sku = "X";
  EXPECT_EQ(l.label(plain, {.on_hand = 50}).text->text, "In stock");
  EXPECT_EQ(l.label(plain, {.on_hand = 5, .reserved = 3}).text->text, "Only 2 left");
  Item tee = plain;
  tee.backorders = false;
  EXPECT_EQ(l.label(tee, {}).text->text, "Out of stock");
  Item vest = plain;
  vest.discontinued = true;
  EXPECT_EQ(l.label(vest, {}).text->text, "Discontinued");
  Item cap = plain;
  cap.release_date = parse_day("2027-03-12", "");
  Label pre = l.label(cap, {});
  EXPECT_EQ(pre.text->text, "Pre-order – ships on March 12, 2027");
  EXPECT_EQ(pre.text->availability_date, "2027-03-12T00:00:00-05:00");
  Item socks = plain;
  socks.lead_min_days = socks.lead_max_days = 1;
  EXPECT_EQ(l.label(socks, {}).text->text, "Backorder – ships in 1 day");
}

TEST(Labels, SplitStatesBothParts) {
  Labeler l(test::apparel_engine(), "en-US", test::monday_morning());
  Label label = l.label(jacket(), {.on_hand = 3}, 5);
  EXPECT_EQ(label.availability.ship_now, 3);
  EXPECT_EQ(label.availability.later, 2);
  EXPECT_TRUE(contains(label.text->text, "3 ship now, 2 on backorder")) << label.text->text;
  EXPECT_TRUE(contains(label.text->text, "Dec")) << label.text->text;
}

TEST(Labels, EnGbPutsTheDayFirst) {
  Labeler l(test::apparel_engine(), "en-GB", test::monday_morning());
  Item cap;
  cap.sku = "CAP";
  cap.release_date = parse_day("2027-03-12", "");
  EXPECT_EQ(l.label(cap, {}).text->text, "Pre-order – ships on 12 March 2027");
}

TEST(Labels, BuiltInLocales) {
  struct Case {
    const char* locale;
    const char* backorder;
    const char* low_two;
    const char* low_five;
  };
  const Case cases[] = {
      {"de-DE", "Nachbestellt – Versand in 10–14 Tagen", "Nur noch 2 auf Lager", "Nur noch 5 auf Lager"},
      {"fr-FR", "En réapprovisionnement – expédié sous 10 à 14 jours", "Plus que 2 articles en stock",
       "Plus que 5 articles en stock"},
      {"es-ES", "Bajo pedido – se envía en 10–14 días", "Solo quedan 2", "Solo quedan 5"},
      {"pl-PL", "Na zamówienie – wysyłka w ciągu 10–14 dni", "Zostały tylko 2 sztuki",
       "Zostało tylko 5 sztuk"},
      {"ja-JP", "お取り寄せ – 10〜14日で発送", "残り2点", "残り5点"},
  };
  auto engine = engine_with([](auto& doc) { doc["availability"]["low_stock_threshold"] = 5; });
  for (const auto& c : cases) {
    Labeler l(engine, c.locale, test::monday_morning());
    Item plain;
    plain.sku = "X";
    EXPECT_EQ(l.label(jacket(), {}).text->text, c.backorder) << c.locale;
    EXPECT_EQ(l.label(plain, {.on_hand = 2}).text->text, c.low_two) << c.locale;
    EXPECT_EQ(l.label(plain, {.on_hand = 5}).text->text, c.low_five) << c.locale;
  }
}

TEST(Labels, PolishPluralsFollowCldr) {
  auto engine = engine_with([](auto& doc) { doc["availability"]["low_stock_threshold"] = 30; });
  Labeler l(engine, "pl", test::monday_morning());
  Item plain;
  plain.sku = "X";
  EXPECT_EQ(l.label(plain, {.on_hand = 1}).text->text, "Została tylko 1 sztuka");
  EXPECT_EQ(l.label(plain, {.on_hand = 22}).text->text, "Zostały tylko 22 sztuki");
  EXPECT_EQ(l.label(plain, {.on_hand = 12}).text->text, "Zostało tylko 12 sztuk");
}

TEST(Labels, MerchantWordingOverridesPerLocale) {
  auto engine = engine_with([](auto& doc) {
    doc["messages"]["en"]["backorder"] =
        "Made to order – ships in {min_days}–{max_days, plural, one {# day} other {# days}}";
  });
  Labeler en(engine, "en-US", test::monday_morning());
  EXPECT_EQ(en.label(jacket(), {}).text->text, "Made to order – ships in 10–14 days");
  Labeler de(engine, "de-DE", test::monday_morning());
  EXPECT_EQ(de.label(jacket(), {}).text->text, "Nachbestellt – Versand in 10–14 Tagen");
}

TEST(Labels, BusinessDayWording) {
  auto engine = engine_with([](auto& doc) { doc["availability"]["day_unit"] = "business"; });
  Labeler l(engine, "en-US", test::monday_morning());
  EXPECT_EQ(l.label(jacket(), {}).text->text, "Backorder – ships in 10–14 business days");
}

TEST(Labels, UnknownLocaleIsRejected) {
  EXPECT_THROW(Labeler(test::apparel_engine(), "xx-YY", test::monday_morning()), Error);
}

TEST(Labels, UnsupportedLanguageFallsBackToThePolicyLocaleText) {
  Labeler l(test::apparel_engine(), "it-IT", test::monday_morning());
  EXPECT_EQ(l.label(jacket(), {}).text->text, "Backorder – ships in 10–14 days");
}

TEST(Labels, EqualWordingIsSharedNotRecomputed) {
  Labeler l(test::apparel_engine(), "en-US", test::monday_morning());
  Item other = jacket();
  other.sku = "JKT-OLIVE-L";
  EXPECT_EQ(l.label(jacket(), {}).text, l.label(other, {}).text);
  EXPECT_NE(l.label(jacket(), {}).text, l.label(jacket(), {.on_hand = 2}).text);
}

TEST(Labels, OneEngineManyThreads) {
  auto engine = test::apparel_engine();
  std::vector<std::thread> threads;
  std::vector<std::string> results(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      Labeler l(engine, t % 2 ? "de-DE" : "en-US", test::monday_morning());
      for (int i = 0; i < 200; ++i) results[t] = l.label(jacket(), {.on_hand = i % 4}, 1 + i % 3).text->text;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_FALSE(results[t].empty());
}

TEST(Labels, PooledFormattersNeverMixEnginesOrLocales) {
  auto plain = test::apparel_engine();
  auto made = engine_with(
      [](auto& doc) { doc["messages"]["en"]["backorder"] = "Made to order – {min_days}–{max_days} days"; });
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(Labeler(plain, "en-US", test::monday_morning()).label(jacket(), {}).text->text,
              "Backorder – ships in 10–14 days");
    EXPECT_EQ(Labeler(made, "en-US", test::monday_morning()).label(jacket(), {}).text->text,
              "Made to order – 10–14 days");
    EXPECT_EQ(Labeler(plain, "de-DE", test::monday_morning()).label(jacket(), {}).text->text,
              "Nachbestellt – Versand in 10–14 Tagen");
  }
}
