// Customer messages: what each one says in each language, and HTML that stays inert whatever the values.
#include "store/messages.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "backorder/error.hpp"
#include "backorder/labels.hpp"
#include "catalogue.hpp"
#include "test_support.hpp"

using namespace backorder;
using namespace backorder::detail;
using nlohmann::json;

namespace {

Day day(const char* iso) { return parse_day(iso, ""); }

Window window(const char* from, const char* to, int min_days, int max_days) {
  return {day(from), day(to), min_days, max_days};
}

MessageLine jacket(std::int64_t quantity = 1) {
  MessageLine l;
  l.line_id = "1";
  l.sku = "JKT-NAVY-M";
  l.name = "Field jacket, navy, M";
  l.quantity = quantity;
  l.waiting = true;
  l.ship = window("2026-12-10", "2026-12-14", 10, 14);
  return l;
}

MessageLine scarf() {
  MessageLine l;
  l.line_id = "2";
  l.sku = "SCF-WOOL-GRY";
  l.name = "Wool scarf, grey";
  l.quantity = 1;
  return l;
}

MessageData order(MessageKind kind, const char* locale = "en-US") {
  MessageData d;
  d.kind = kind;
  d.locale = locale;
  d.shop = "Northwind Apparel";
  d.order_id = "NW-1001";
  d.customer_name = "Ada";
  return d;
}

MessageData confirmation(const char* locale = "en-US") {
  MessageData d = order(MessageKind::confirmation, locale);
  d.lines = {jacket(), scarf()};
  d.strategy = "ship_available";
  return d;
}

// The supplier slipped: the jacket's window moved from Dec 10–14 to Dec 21–23.
MessageLine slipped_jacket() {
  MessageLine l = jacket();
  l.before = l.ship;
  l.ship = window("2026-12-21", "2026-12-23", 21, 23);
  return l;
}

MessageData delay(const char* locale = "en-US") {
  MessageData d = order(MessageKind::delay, locale);
  d.lines = {slipped_jacket()};
  d.can_take_alternative = true;
  d.remedies = {{"free_expedited_shipping", 0, ""}, {"discount", 10, "SORRY10"}};
  return d;
}

MessageData shipped(const char* locale = "en-US") {
  MessageData d = order(MessageKind::shipped, locale);
  MessageLine l = jacket();
  l.waiting = false;
  d.lines = {l};
  d.carrier = "UPS";
  d.tracking = "1Z999AA10123456784";
  d.tracking_url = "https://www.ups.com/track?tracknum=1Z999AA10123456784&loc=en_US";
  return d;
}

MessageData back_in_stock(const char* locale = "en-US") {
  MessageData d;
  d.kind = MessageKind::back_in_stock;
  d.locale = locale;
  d.shop = "Northwind Apparel";
  MessageLine l = jacket();
  l.waiting = false;
  d.lines = {l};
  d.available = 5;
  d.manage_url = "https://northwind.example/alerts?token=v1.abc.def";
  return d;
}

// One of each kind, as the Store would write them.
std::vector<MessageData> every_kind(const char* locale) {
  MessageData eta = order(MessageKind::eta_update, locale);
  eta.lines = {slipped_jacket()};
  MessageData arrived = order(MessageKind::arrived, locale);
  arrived.lines = {jacket()};
  MessageData notice = order(MessageKind::delay_notice, locale);
  notice.lines = {jacket()};
  notice.deadline = day("2026-12-30");
  notice.revised = day("2027-02-19");
  notice.consent_by = day("2027-01-29");
  MessageData cancelled = order(MessageKind::cancelled, locale);
  cancelled.lines = {jacket()};
  cancelled.refund_total = 14527;
  cancelled.refund_by = day("2027-02-09");
  return {confirmation(locale),  eta,    delay(locale), arrived, shipped(locale),
          back_in_stock(locale), notice, cancelled};
}

RenderedMessage render(const MessageData& d, std::shared_ptr<const Engine> engine = test::apparel_engine()) {
  return render_message(engine, d, test::monday_morning());
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Every tag is one the renderer writes, with only its attributes, every attribute value is quoted, every
// href is an http(s) URL: whatever the values were, nothing in the document runs or loads.
void expect_inert_html(const std::string& html, const std::string& context) {
  static const std::set<std::string> tags = {"!DOCTYPE", "html",  "head", "meta", "title",
                                             "body",     "table", "tr",   "td",   "p",
                                             "h2",       "ul",    "li",   "a",    "br"};
  static const std::set<std::string> attributes = {
      "lang",        "charset",     "name",   "content", "style", "role", "width",
      "cellpadding", "cellspacing", "border", "align",   "href",  "html"};  // "html": the doctype's only word
  std::size_t at = 0;
  int links = 0;
  while ((at = html.find('<', at)) != std::string::npos) {
    std::size_t end = html.find('>', at);
    ASSERT_NE(end, std::string::npos) << context;
    std::string_view tag(html.data() + at + 1, end - at - 1);
    at = end;
    if (tag.starts_with('/')) tag.remove_prefix(1);
    std::size_t i = std::min(tag.find(' '), tag.size());
    ASSERT_TRUE(tags.count(std::string(tag.substr(0, i)))) << context << ": <" << tag << ">";
    while (i < tag.size()) {
      ASSERT_EQ(tag[i], ' ') << context << ": <" << tag << ">";
      std::size_t eq = tag.find_first_of("= ", i + 1);
      std::string name(tag.substr(i + 1, std::min(eq, tag.size()) - i - 1));
      ASSERT_TRUE(attributes.count(name)) << context << ": attribute " << name << " in <" << tag << ">";
      if (eq == std::string_view::npos || tag[eq] == ' ') {
        i = std::min(eq, tag.size());
        continue;
      }
      ASSERT_EQ(tag.substr(eq, 2), "=\"") << context << ": <" << tag << ">";
      std::size_t close = tag.find('"', eq + 2);
      ASSERT_NE(close, std::string_view::npos) << context;
      std::string_view value = tag.substr(eq + 2, close - eq - 2);
      if (name == "href") {
        ++links;
        EXPECT_TRUE(value.starts_with("https://") || value.starts_with("http://"))
            << context << ": " << value;
      }
      i = close + 1;
    }
  }
  EXPECT_LE(links, 1) << context;
}

}  // namespace

TEST(Messages, ConfirmationSaysWhatWaitsAndWhatShipsNow) {
  RenderedMessage m = render(confirmation());
  EXPECT_EQ(m.subject, "Your order NW-1001 is confirmed");
  EXPECT_EQ(
      m.text,
      "Hello Ada,\n\n"
      "Thank you for your order NW-1001. One item is not in stock yet, so here is when each item ships:\n\n"
      "- Field jacket, navy, M (1 unit): on backorder, expected to ship Dec 10\u2009–\u200914\n"
      "- Wool scarf, grey (1 unit): in stock, ships now\n\n"
      "You chose to receive the items in stock now; the rest follows in a separate shipment as soon as it "
      "is ready.\n\n"
      "You can cancel any item that has not shipped yet, at any time, for a full refund.\n\n"
      "Thank you for shopping with Northwind Apparel.\n");
  EXPECT_TRUE(contains(m.html,
                       "<li style=\"margin:0 0 4px;\">Field jacket, navy, M (1 unit): on backorder, "
                       "expected to ship Dec 10\u2009–\u200914</li>"))
      << m.html;
  EXPECT_TRUE(contains(m.html, "<html lang=\"en-US\">"));
  EXPECT_TRUE(contains(m.html, "<title>Your order NW-1001 is confirmed</title>"));
  expect_inert_html(m.html, "confirmation");
}

TEST(Messages, ShippingTogetherSaysTheInStockItemWaitsForTheRest) {
  MessageData d = confirmation();
  d.strategy = "ship_together";
  RenderedMessage m = render(d);
  EXPECT_TRUE(contains(m.text,
                       "- Wool scarf, grey (1 unit): in stock, ships with the rest of your order "
                       "Dec 10\u2009–\u200914\n"))
      << m.text;
  EXPECT_FALSE(contains(m.text, "ships now")) << m.text;
  EXPECT_TRUE(contains(m.text, "You chose to receive everything together in one shipment")) << m.text;
}

TEST(Messages, ConfirmationOfAnOrderInStockAndOfAPreorder) {
  MessageData d = confirmation();
  d.lines = {scarf()};
  d.strategy = "";
  RenderedMessage m = render(d);
  EXPECT_TRUE(contains(m.text, "Everything is in stock and ships now:")) << m.text;
  EXPECT_FALSE(contains(m.text, "cancel")) << m.text;  // nothing waits, nothing to explain
  MessageLine cap = jacket();
  cap.name = "Winter cap";
  cap.preorder = true;
  cap.ship = window("2027-03-12", "2027-03-12", 102, 102);
  d.lines = {cap, jacket(2)};
  m = render(d);
  EXPECT_TRUE(contains(m.text, "2 items are not in stock yet")) << m.text;
  EXPECT_TRUE(contains(m.text, "- Winter cap (1 unit): pre-order, expected to ship Mar 12, 2027\n"))
      << m.text;
  EXPECT_TRUE(contains(m.text, "- Field jacket, navy, M (2 units): on backorder")) << m.text;
}

TEST(Messages, GermanIsGerman) {
  RenderedMessage m = render(confirmation("de-DE"));
  EXPECT_EQ(m.subject, "Ihre Bestellung NW-1001 ist bestätigt");
  EXPECT_TRUE(contains(m.text, "Guten Tag Ada,")) << m.text;
  EXPECT_TRUE(contains(m.text,
                       "- Field jacket, navy, M (1 Stück): nachbestellt, voraussichtlicher Versand "
                       "10.–14. Dez.\n"))
      << m.text;
  EXPECT_TRUE(contains(m.text, "- Wool scarf, grey (1 Stück): auf Lager, wird sofort versandt")) << m.text;
  EXPECT_TRUE(contains(m.html, "<html lang=\"de-DE\">"));
  RenderedMessage late = render(delay("de-AT"));
  EXPECT_TRUE(contains(late.text, "10\u00a0% Rabatt auf Ihren nächsten Einkauf mit dem Code SORRY10."))
      << late.text;
  EXPECT_TRUE(contains(late.text, "Versand bisher 10.–14. Dez., jetzt 21.–23. Dez.")) << late.text;
}

TEST(Messages, EveryLanguageHasItsOwnWords) {
  std::set<std::string> subjects;
  for (const char* locale : {"en", "de", "fr", "es", "pl", "ja"}) {
    RenderedMessage m = render(delay(locale));
    subjects.insert(m.subject);
    EXPECT_TRUE(contains(m.text, "SORRY10")) << locale;
  }
  EXPECT_EQ(subjects.size(), 6u);
  EXPECT_TRUE(contains(render(confirmation("ja-JP")).text, "Ada様\n\n"))
      << render(confirmation("ja-JP")).text;
  EXPECT_TRUE(contains(render(confirmation("fr-FR")).text, "en réapprovisionnement, expédition prévue"));
  EXPECT_TRUE(contains(render(confirmation("es-ES")).text, "Hola, Ada:"));
  // A language without built-in words gets the policy's default language, dates formatted for the locale.
  RenderedMessage it = render(confirmation("it-IT"));
  EXPECT_EQ(it.subject, "Your order NW-1001 is confirmed");
  EXPECT_TRUE(contains(it.text, "10–14 dic")) << it.text;
}

TEST(Messages, PluralsFollowTheLanguage) {
  MessageData d = confirmation();
  d.lines = {jacket(1), jacket(3)};
  RenderedMessage m = render(d);
  EXPECT_TRUE(contains(m.text, "(1 unit): on backorder")) << m.text;
  EXPECT_TRUE(contains(m.text, "(3 units): on backorder")) << m.text;
  EXPECT_TRUE(contains(m.text, "2 items are not in stock yet")) << m.text;
  d.locale = "pl-PL";
  d.lines = {jacket(1), jacket(3), jacket(5)};
  m = render(d);
  for (const char* words : {"(1 sztuka)", "(3 sztuki)", "(5 sztuk)"})
    EXPECT_TRUE(contains(m.text, words)) << m.text;
  MessageData news = back_in_stock();
  news.available = 1;
  EXPECT_TRUE(contains(render(news).text, "with 1 unit available right now.")) << render(news).text;
  MessageData eta = order(MessageKind::eta_update);
  eta.lines = {slipped_jacket(), slipped_jacket()};
  EXPECT_EQ(render(eta).subject, "New shipping dates for your order NW-1001");
  eta.lines.pop_back();
  EXPECT_EQ(render(eta).subject, "A new shipping date for your order NW-1001");
}

TEST(Messages, EtaUpdateSaysWasAndNow) {
  MessageData d = order(MessageKind::eta_update);
  d.lines = {slipped_jacket()};
  RenderedMessage m = render(d);
  EXPECT_TRUE(contains(m.text,
                       "The expected shipping date of an item in your order NW-1001 has changed:\n\n"
                       "- Field jacket, navy, M (1 unit): was expected to ship Dec 10\u2009–\u200914, "
                       "now Dec 21\u2009–\u200923\n"))
      << m.text;
  // Into next year: the year shows.
  d.lines[0].ship = window("2027-01-04", "2027-01-08", 35, 39);
  EXPECT_TRUE(contains(render(d).text, "now Jan 4\u2009–\u20098, 2027")) << render(d).text;
}

TEST(Messages, DelayApologizesAndOffersOptionsAndRemedies) {
  RenderedMessage m = render(delay());
  EXPECT_EQ(m.subject, "We’re sorry: an item in your order NW-1001 is delayed");
  EXPECT_TRUE(contains(m.text,
                       "Your options\n"
                       "- Keep waiting: you don’t need to do anything, and we ship as soon as it arrives.\n"
                       "- Cancel the delayed items for a full refund.\n"
                       "- Switch to an in-stock alternative, which ships right away.\n\n"
                       "To make up for the wait\n"
                       "- Free expedited shipping when your item arrives.\n"
                       "- 10% off your next purchase with code SORRY10.\n"))
      << m.text;
  EXPECT_TRUE(contains(m.text, "now Dec 21\u2009–\u200923")) << m.text;
  EXPECT_TRUE(contains(m.html, "<h2 style=\"margin:24px 0 8px;font-size:18px;\">Your options</h2>"))
      << m.html;
  MessageData d = delay();
  d.can_cancel = false;
  d.can_take_alternative = false;
  d.remedies = {{"discount", 15, ""}};
  m = render(d);
  EXPECT_FALSE(contains(m.text, "Cancel")) << m.text;
  EXPECT_FALSE(contains(m.text, "alternative")) << m.text;
  EXPECT_TRUE(contains(m.text, "- 15% off your next purchase, applied automatically.")) << m.text;
  d.remedies.clear();
  EXPECT_FALSE(contains(render(d).text, "To make up for the wait"));
}

TEST(Messages, DelayNamesEveryKindOfRemedy) {
  MessageData d = delay();
  d.remedies = {{"discount", 15, "VIP-1A2B3C4D", 3000}, {"discount", 5, "", 1000},
                {"loyalty_points", 0, "", 0, 0, 1},     {"loyalty_points", 0, "", 0, 0, 240},
                {"partial_refund", 10, "", 0, 1890},    {"personal_outreach", 0, ""}};
  RenderedMessage m = render(d);
  EXPECT_TRUE(contains(m.text,
                       "To make up for the wait\n"
                       "- 15% off your next purchase (up to $30.00) with code VIP-1A2B3C4D.\n"
                       "- 5% off your next purchase (up to $10.00), applied automatically.\n"
                       "- 1 loyalty point has been added to your account.\n"
                       "- 240 loyalty points have been added to your account.\n"
                       "- A refund of $18.90 for the wait, to your original payment method.\n"
                       "- A member of our team will contact you personally.\n"))
      << m.text;
  for (const char* locale : {"de", "fr", "es", "pl", "ja"}) {
    d.locale = locale;
    m = render(d);
    EXPECT_FALSE(contains(m.text, "{")) << locale << ": " << m.text;
    EXPECT_TRUE(contains(m.text, "VIP-1A2B3C4D")) << locale;
    EXPECT_TRUE(contains(m.text, "240")) << locale;
    EXPECT_TRUE(contains(m.text, "18,90") || contains(m.text, "18.90") || contains(m.text, "$18.90"))
        << locale << ": " << m.text;
  }
  d.locale = "de-DE";
  EXPECT_TRUE(contains(render(d).text, "Eine Erstattung von 18,90\u00a0$")) << render(d).text;
}

TEST(Messages, ArrivedAndShipped) {
  MessageData d = order(MessageKind::arrived);
  d.lines = {jacket()};
  RenderedMessage m = render(d);
  EXPECT_EQ(m.subject, "Your item is in: order NW-1001");
  EXPECT_TRUE(contains(m.text, "has arrived and will ship shortly")) << m.text;

  m = render(shipped());
  EXPECT_EQ(m.subject, "Your order NW-1001 is on its way");
  EXPECT_TRUE(contains(m.text,
                       "Carrier: UPS\nTracking number: 1Z999AA10123456784\n\n"
                       "Track your package: https://www.ups.com/track?tracknum=1Z999AA10123456784"
                       "&loc=en_US\n"))
      << m.text;
  EXPECT_TRUE(contains(m.html,
                       "<a href=\"https://www.ups.com/track?tracknum=1Z999AA10123456784&amp;loc=en_US\" "
                       "style=\"color:#1a5fb4;\">Track your package</a>"))
      << m.html;
  expect_inert_html(m.html, "shipped");

  // Not a web URL: shown as text, never linked.
  MessageData odd = shipped();
  odd.tracking_url = "javascript:alert(1)";
  m = render(odd);
  EXPECT_FALSE(contains(m.html, "href=\"javascript")) << m.html;
  EXPECT_TRUE(contains(m.html, "Track your package: javascript:alert(1)")) << m.html;
  odd.tracking_url = "";
  odd.carrier = "";
  m = render(odd);
  EXPECT_FALSE(contains(m.text, "Carrier")) << m.text;
  EXPECT_FALSE(contains(m.text, "Track your package")) << m.text;
  EXPECT_TRUE(contains(m.text, "Tracking number: 1Z999AA10123456784")) << m.text;
}

TEST(Messages, BackInStockWithItsManageLink) {
  RenderedMessage m = render(back_in_stock());
  EXPECT_EQ(m.subject, "Field jacket, navy, M is back in stock");
  EXPECT_TRUE(contains(m.text,
                       "Hello,\n\nGood news: Field jacket, navy, M is back in stock, with 5 units "
                       "available right now.\n\n"))
      << m.text;
  EXPECT_TRUE(contains(m.text, "first come, first served")) << m.text;
  EXPECT_TRUE(contains(
      m.text, "Manage your alerts or unsubscribe: https://northwind.example/alerts?token=v1.abc.def"))
      << m.text;
  EXPECT_TRUE(contains(m.html, "<a href=\"https://northwind.example/alerts?token=v1.abc.def\"")) << m.html;
  MessageData nothing = back_in_stock();
  nothing.lines.clear();
  try {
    render(nothing);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "lines");
  }
}

TEST(Messages, APolicyOverrideChangesTheText) {
  auto doc = json::parse(test::apparel_policy());
  doc["messages"]["en"]["msg_delay_subject"] =
      "Delayed: order {order_id} ({count, plural, one {# item} other {# items}})";
  doc["messages"]["de"]["msg_greeting"] = "Hallo {name}!";
  doc["messages"]["de-AT"]["msg_greeting"] = "Servus {name}!";
  auto engine = Engine::from_json(doc.dump());
  EXPECT_EQ(render(delay(), engine).subject, "Delayed: order NW-1001 (1 item)");
  EXPECT_TRUE(contains(render(delay("de-DE"), engine).text, "Hallo Ada!\n"))
      << render(delay("de-DE"), engine).text;
  EXPECT_TRUE(contains(render(delay("de-AT"), engine).text, "Servus Ada!\n"));
  EXPECT_TRUE(contains(render(delay("fr"), engine).text, "Bonjour Ada,"));  // others keep theirs
  // Checked when the policy loads, like the labels' patterns.
  doc["messages"]["en"]["msg_remedy_discount"] = "{percent, plural, one {# percent}}";
  doc["messages"]["en"]["msg_no_such_key"] = "x";
  std::set<std::string> paths;
  for (const Issue& i : validate_policy(doc.dump())) paths.insert(i.path);
  EXPECT_EQ(paths, (std::set<std::string>{"policy.messages.en.msg_remedy_discount",
                                          "policy.messages.en.msg_no_such_key"}));
}

TEST(Messages, EveryKindInEveryLanguage) {
  auto engine = test::apparel_engine();
  for (const char* locale : {"en", "de", "fr", "es", "pl", "ja"}) {
    std::set<std::string> subjects;
    for (const MessageData& d : every_kind(locale)) {
      std::string context = std::string(locale) + " " + message_kind_name(d.kind);
      RenderedMessage m = render(d, engine);
      subjects.insert(m.subject);
      for (const std::string* part : {&m.subject, &m.text, &m.html}) {
        EXPECT_FALSE(part->empty()) << context;
        EXPECT_FALSE(contains(*part, "{")) << context << ": " << *part;
        EXPECT_FALSE(contains(*part, "..")) << context << ": " << *part;
      }
      EXPECT_TRUE(contains(m.text, "Northwind Apparel")) << context;
      EXPECT_EQ(m.text.back(), '\n') << context;
      EXPECT_FALSE(contains(m.text, "\n\n\n")) << context;
      expect_inert_html(m.html, context);
    }
    EXPECT_EQ(subjects.size(), 8u) << locale;
  }
}

// The FTC notice's required content (16 CFR 435.2(b)): the date or why none can be given, the right to cancel
// for a prompt full refund at no cost, and what silence means; the EU/UK variant asks to agree a date.
TEST(Messages, DelayNoticesSayWhatTheRulesRequire) {
  MessageData d = order(MessageKind::delay_notice);
  d.lines = {jacket()};
  d.deadline = day("2026-12-30");
  d.reason = "the <b>mill</b> cannot say when";
  RenderedMessage m = render(d);
  EXPECT_EQ(m.subject, "Your order NW-1001 is delayed: please read your options");
  EXPECT_TRUE(contains(m.text, "we cannot ship this item of your order NW-1001 by December 30")) << m.text;
  EXPECT_TRUE(
      contains(m.text, "We cannot give you a new shipping date yet: the <b>mill</b> cannot say when."))
      << m.text;
  EXPECT_TRUE(contains(m.html, "the &lt;b&gt;mill&lt;/b&gt;")) << m.html;
  EXPECT_TRUE(contains(m.text, "prompt, full refund of what you paid, shipping included")) << m.text;
  EXPECT_TRUE(contains(m.text, "if you don’t tell us that you agree, we will cancel")) << m.text;
  d.revised = day("2027-01-14");
  d.silence_is_consent = true;
  m = render(d);
  EXPECT_TRUE(contains(m.text, "Our new expected shipping date is January 14, 2027.")) << m.text;
  EXPECT_TRUE(contains(m.text, "if we don’t hear from you, we take it that you agree")) << m.text;
  d.notice = "agree";
  m = render(d);
  EXPECT_TRUE(contains(m.text, "by December 30, the delivery date we agreed")) << m.text;
  EXPECT_TRUE(contains(m.text, "Please tell us whether you agree to the new date.")) << m.text;
  EXPECT_FALSE(contains(m.text, "we take it that you agree")) << m.text;
  d.notice = "maybe";
  try {
    render(d);
    FAIL() << "an unknown notice was rendered";
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "notice");
  }
  MessageData c = order(MessageKind::cancelled);
  c.lines = {jacket()};
  m = render(c);
  EXPECT_TRUE(contains(m.text, "did not receive your agreement to wait, so we have cancelled it")) << m.text;
  EXPECT_TRUE(contains(m.text, "You will receive a full refund of what you paid for them")) << m.text;
  c.by_buyer = true;
  c.refund_total = 14527;
  c.refund_by = day("2027-02-09");
  m = render(c);
  EXPECT_TRUE(contains(m.text, "As you asked, we have cancelled this item of your order NW-1001")) << m.text;
  EXPECT_TRUE(contains(m.text, "You will receive a refund of $145.27 by February 9, 2027.")) << m.text;
}

TEST(Messages, EveryCustomerMessageKeyFormatsInEveryLanguage) {
  auto engine = test::apparel_engine();
  int keys = 0;
  for (const char* locale : {"en", "de", "fr", "es", "pl", "ja"}) {
    Labeler l(engine, locale, test::monday_morning());
    std::string dates = l.format_dates(day("2026-12-10"), day("2026-12-14"));
    for (std::string_view key : kMessageKeys) {
      if (!key.starts_with("msg_")) continue;
      ++keys;
      // At most 16 arguments per call: the lines' and the rest's are given apart.
      // The compliance notices' dates and reasons come apart too.
      const bool notice = key.starts_with("msg_notice_") || key.starts_with("msg_cancelled_");
      std::string text = notice ? l.format(key, {{"order_id", "NW-1001"},
                                                 {"count", 2},
                                                 {"deadline", l.format_date(day("2026-12-30"))},
                                                 {"revised", l.format_date(day("2027-01-14"))},
                                                 {"date", l.format_date(day("2027-01-29"))},
                                                 {"reason", "the supplier cannot say"},
                                                 {"amount", "$145.27"}})
                         : key.starts_with("msg_line_")
                             ? l.format(key, {{"name", "Field jacket"},
                                              {"quantity", 3},
                                              {"dates", dates},
                                              {"date", l.format_date(day("2027-03-12"))},
                                              {"min_days", 10},
                                              {"max_days", 14},
                                              {"was", dates},
                                              {"now", dates}})
                             : l.format(key, {{"order_id", "NW-1001"},
                                              {"count", 2},
                                              {"waiting", 1},
                                              {"shop", "Northwind"},
                                              {"percent", 10},
                                              {"code", "SORRY10"},
                                              {"carrier", "UPS"},
                                              {"tracking", "1Z"},
                                              {"label", "Track"},
                                              {"url", "https://x.example/"},
                                              {"name", "Field jacket"},
                                              {"available", 5},
                                              {"max", "$30.00"},
                                              {"points", 120},
                                              {"amount", "$5.00"}});
      EXPECT_FALSE(text.empty()) << locale << " " << key;
      EXPECT_FALSE(contains(text, "{")) << locale << " " << key << ": " << text;
      EXPECT_EQ(engine->message(locale, key), detail::builtin_message(l.locale().substr(0, 2), key)) << key;
    }
  }
  EXPECT_EQ(keys, 6 * 60);
}

TEST(Messages, BadInputIsRefused) {
  auto path_of = [](const MessageData& d) {
    try {
      render(d);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid);
      return e.path();
    }
    return std::string("(no error)");
  };
  MessageData d = confirmation();
  d.locale = "xx-not-a-locale";
  EXPECT_EQ(path_of(d), "locale");
  d = confirmation();
  d.strategy = "ship_whenever";
  EXPECT_EQ(path_of(d), "strategy");
  d = delay();
  d.remedies.push_back({"free_pony", 0, ""});
  EXPECT_EQ(path_of(d), "remedies");
  EXPECT_STREQ(message_kind_name(MessageKind::back_in_stock), "back_in_stock");
}

TEST(Messages, ValuesStayOnOneLine) {
  MessageData d = confirmation();
  d.order_id = "NW-1\r\nBcc: victim@example.com";
  d.customer_name = "Ada\nClick https://evil.example";
  d.lines[0].name = "Jacket\u2028Wire the money";
  RenderedMessage m = render(d);
  EXPECT_EQ(m.subject, "Your order NW-1  Bcc: victim@example.com is confirmed");
  EXPECT_TRUE(contains(m.text, "Hello Ada Click https://evil.example,\n")) << m.text;
  EXPECT_TRUE(contains(m.text, "- Jacket Wire the money (1 unit)")) << m.text;
}

namespace {

using namespace std::string_literals;

// Hostile values for every field a shopper, a merchant or a carrier controls.
std::vector<std::string> hostile_values() {
  return {
      "<script>alert(1)</script>",
      "\"><script>alert(1)</script>",
      "'><img src=x onerror=alert(1)>",
      "\" onmouseover=\"alert(1)",
      "' onfocus='alert(1)' autofocus='",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(document.cookie)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "&#60;script&#62;alert(1)&#60;/script&#62;",
      "&#x6A;avascript:alert(1)",
      "<svg onload=alert(1)>",
      "<iframe src=\"javascript:alert(1)\"></iframe>",
      "</title><script>alert(1)</script>",
      "</td></tr></table><script>alert(1)</script>",
      "<!--",
      "--><script>alert(1)</script>",
      "<![CDATA[<script>alert(1)</script>]]>",
      "<a href=\"javascript:alert(1)\">click</a>",
      "<style>body{display:none}</style>",
      "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
      "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
      "＜script＞alert(1)＜/script＞",
      "\u202Egnp.exe<b>",
      "Ada\r\nBcc: victim@example.com",
      "\0<script>alert(1)</script>"s,
      "\xC0\xBCscript\xC0\xBE",
      "https://shop.example/\"><script>alert(1)</script>",
      "https://shop.example/?a=1&b=<2>",
      "http://x.example/' onclick='alert(1)",
      "{order_id} {name, select, other {x}}",
      "'{'}''",
      "<img src=x onerror=alert(1)//",
      "<body onload=alert(1)>",
      "\u2028<script>alert(1)</script>",
      "\" style=\"background:url(javascript:alert(1))",
      "<base href=\"https://evil.example/\">",
      "<form action=\"https://evil.example\"><input name=x></form>",
      "%3Cscript%3Ealert(1)%3C/script%3E",
  };
}

MessageData hostile(MessageKind kind, const std::string& v) {
  MessageData d = order(kind);
  d.shop = d.order_id = d.customer_name = v;
  MessageLine named = slipped_jacket(), unnamed = scarf();
  named.name = v;
  unnamed.name = "";
  unnamed.sku = v;
  d.lines = {named, unnamed};
  d.strategy = "ship_together";
  d.carrier = d.tracking = d.tracking_url = d.manage_url = v;
  d.remedies = {{"discount", 10, v}, {"free_expedited_shipping", 0, ""}};
  d.can_take_alternative = true;
  return d;
}

}  // namespace

TEST(Messages, HostileValuesNeverReachTheHtmlUnescaped) {
  auto engine = test::apparel_engine();
  auto corpus = hostile_values();
  ASSERT_GE(corpus.size(), 30u);
  int rendered = 0;
  for (const std::string& v : corpus) {
    for (MessageKind kind : {MessageKind::confirmation, MessageKind::eta_update, MessageKind::delay,
                             MessageKind::arrived, MessageKind::shipped, MessageKind::back_in_stock}) {
      std::string context = std::string(message_kind_name(kind)) + " with " + v;
      RenderedMessage m = render(hostile(kind, v), engine);
      ++rendered;
      expect_inert_html(m.html, context);
      if (v.find_first_of("<>\"'&") != std::string::npos) {
        EXPECT_FALSE(contains(m.html, v)) << context;
      }
      std::string lower = m.html;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      EXPECT_FALSE(contains(lower, "<script")) << context;
      EXPECT_FALSE(contains(lower, "href=\"javascript")) << context;
      EXPECT_FALSE(contains(lower, "href=\" javascript")) << context;
      // No control characters but the text's own line breaks; none at all in the subject.
      for (unsigned char c : m.text) EXPECT_TRUE(c >= 0x20 || c == '\n') << context;
      for (unsigned char c : m.subject) EXPECT_GE(c, 0x20) << context;
      for (unsigned char c : m.html) EXPECT_TRUE(c >= 0x20 || c == '\n') << context;
    }
  }
  EXPECT_EQ(rendered, static_cast<int>(corpus.size()) * 6);
  // What the shopper sees is the value itself, made harmless.
  RenderedMessage m = render(hostile(MessageKind::shipped, "<script>alert(1)</script>"), engine);
  EXPECT_TRUE(contains(m.html, "&lt;script&gt;alert(1)&lt;/script&gt;")) << m.html;
  EXPECT_TRUE(contains(m.text, "Carrier: <script>alert(1)</script>")) << m.text;
  m = render(hostile(MessageKind::shipped, "&lt;b&gt;"), engine);
  EXPECT_TRUE(contains(m.html, "&amp;lt;b&amp;gt;")) << m.html;
  // A web URL with a breakout in it stays one quoted attribute.
  m = render(hostile(MessageKind::shipped, "https://shop.example/\"><script>alert(1)</script>"), engine);
  EXPECT_TRUE(
      contains(m.html, "<a href=\"https://shop.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
      << m.html;
  // ICU syntax in a value is text, not a pattern.
  m = render(hostile(MessageKind::arrived, "{order_id}"), engine);
  EXPECT_TRUE(contains(m.subject, "order {order_id}")) << m.subject;
}

TEST(Messages, EscapeHtml) {
  EXPECT_EQ(escape_html("<a href=\"x\" title='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  EXPECT_EQ(escape_html("Grüße – 東京"), "Grüße – 東京");
  EXPECT_EQ(escape_html("\xC0\xBC"), "\uFFFD\uFFFD");
}
