#include "store/messages.hpp"

#include <algorithm>

#include "backorder/error.hpp"
#include "backorder/labels.hpp"
#include "money_format.hpp"
#include "store/message_body.hpp"

namespace backorder::detail {

const char* message_kind_name(MessageKind k) {
  switch (k) {
    case MessageKind::confirmation:
      return "confirmation";
    case MessageKind::eta_update:
      return "eta_update";
    case MessageKind::delay:
      return "delay";
    case MessageKind::arrived:
      return "arrived";
    case MessageKind::shipped:
      return "shipped";
    case MessageKind::back_in_stock:
      return "back_in_stock";
    case MessageKind::delay_notice:
      return "delay_notice";
    case MessageKind::cancelled:
      return "cancelled";
  }
  return "unknown";
}

namespace {

// A value on one line: a newline in a name or an order id could forge lines of the plain text, or headers
// when the subject becomes an email header, so control characters and Unicode line breaks become spaces.
std::string one_line(std::string_view value) {
  std::string s = valid_utf8(value);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      out += ' ';
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
      out += ' ', ++i;  // U+0085 NEXT LINE
    } else if (c == 0xe2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xa8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xa9)) {
      out += ' ', i += 2;  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Writes one message: the parts every kind shares (greeting, lines, links, closing) and one method per kind.
class Writer {
 public:
  Writer(Labeler& l, const MessageData& d) : l_(l), d_(d) {
    order_id_ = one_line(d.order_id);
    shop_ = one_line(d.shop.empty() ? l.engine().policy().shop : d.shop);
  }

  RenderedMessage render() {
    std::string subject;
    switch (d_.kind) {
      case MessageKind::confirmation:
        subject = confirmation();
        break;
      case MessageKind::eta_update:
        subject = eta_update();
        break;
      case MessageKind::delay:
        subject = delay();
        break;
      case MessageKind::arrived:
        subject = arrived();
        break;
      case MessageKind::shipped:
        subject = shipped();
        break;
      case MessageKind::back_in_stock:
        subject = back_in_stock();
        break;
      case MessageKind::delay_notice:
        subject = delay_notice();
        break;
      case MessageKind::cancelled:
        subject = cancelled();
        break;
    }
    body_.paragraph(l_.format("msg_closing", {{"shop", shop_}}));
    // A merchant's pattern may hold a line break; a subject never does.
    subject = one_line(subject);
    return {subject, body_.text() + "\n", body_.html(subject, l_.locale())};
  }

 private:
  std::int64_t count() const { return static_cast<std::int64_t>(d_.lines.size()); }

  void greeting() {
    std::string name = one_line(d_.customer_name);
    body_.paragraph(blank(name) ? l_.format("msg_greeting_anonymous", {})
                                : l_.format("msg_greeting", {{"name", name}}));
  }

  static std::string name_of(const MessageLine& line) {
    return one_line(line.name.empty() ? line.sku : line.name);
  }

  std::string dates(const Window& w) { return l_.format_dates(w.from, w.to); }

  // What a line waiting for stock or a release will do; with `moved`, the window it had before too.
  std::string waiting_line(const MessageLine& line, bool moved) {
    const Window& w = line.ship;
    if (moved && line.before) {
      return l_.format("msg_line_moved", {{"name", name_of(line)},
                                          {"quantity", line.quantity},
                                          {"was", dates(*line.before)},
                                          {"now", dates(w)},
                                          {"dates", dates(w)},
                                          {"min_days", w.min_days},
                                          {"max_days", w.max_days}});
    }
    return l_.format(line.preorder ? "msg_line_preorder" : "msg_line_backorder",
                     {{"name", name_of(line)},
                      {"quantity", line.quantity},
                      {"dates", dates(w)},
                      {"date", l_.format_date(w.from)},
                      {"min_days", w.min_days},
                      {"max_days", w.max_days}});
  }

  std::string item_line(const MessageLine& line) {
    return l_.format("msg_line_item", {{"name", name_of(line)}, {"quantity", line.quantity}});
  }

  void link(const char* label_key, std::string_view url) {
    std::string label = l_.format(label_key, {});
    std::string shown = one_line(url);
    body_.link(label, url, l_.format("msg_link", {{"label", label}, {"url", shown}}));
  }

  std::string confirmation() {
    bool together = d_.strategy == "ship_together";
    if (!together && d_.strategy != "ship_available" && !d_.strategy.empty())
      throw Error(ErrorCode::invalid, "strategy", "expected \"ship_available\", \"ship_together\" or none");
    std::int64_t waiting = 0;
    Window last{};  // a shipment of everything leaves with the last waiting line
    for (const MessageLine& line : d_.lines) {
      if (!line.waiting) continue;
      last.from = waiting == 0 ? line.ship.from : std::max(last.from, line.ship.from);
      last.to = waiting == 0 ? line.ship.to : std::max(last.to, line.ship.to);
      ++waiting;
    }
    greeting();
    body_.paragraph(l_.format("msg_confirmation_intro",
                              {{"order_id", order_id_}, {"waiting", waiting}, {"shop", shop_}}));
    std::vector<std::string> items;
    for (const MessageLine& line : d_.lines) {
      if (line.waiting) {
        items.push_back(waiting_line(line, false));
      } else if (together && waiting > 0) {
        items.push_back(
            l_.format("msg_line_in_stock_together",
                      {{"name", name_of(line)}, {"quantity", line.quantity}, {"dates", dates(last)}}));
      } else {
        items.push_back(
            l_.format("msg_line_ships_now", {{"name", name_of(line)}, {"quantity", line.quantity}}));
      }
    }
    body_.list(items);
    if (waiting > 0 && !d_.strategy.empty())
      body_.paragraph(l_.format(together ? "msg_strategy_ship_together" : "msg_strategy_ship_available", {}));
    if (waiting > 0) body_.paragraph(l_.format("msg_cancel_anytime", {}));
    return l_.format("msg_confirmation_subject",
                     {{"order_id", order_id_}, {"waiting", waiting}, {"shop", shop_}});
  }

  std::vector<std::string> moved_lines() {
    std::vector<std::string> items;
    for (const MessageLine& line : d_.lines) items.push_back(waiting_line(line, true));
    return items;
  }

  std::string eta_update() {
    greeting();
    body_.paragraph(l_.format("msg_eta_update_intro", {{"order_id", order_id_}, {"count", count()}}));
    body_.list(moved_lines());
    body_.paragraph(l_.format("msg_eta_update_outro", {}));
    body_.paragraph(l_.format("msg_cancel_anytime", {}));
    return l_.format("msg_eta_update_subject", {{"order_id", order_id_}, {"count", count()}});
  }

  std::string money(std::int64_t minor) {
    return format_money(l_.locale(), l_.engine().policy().currency, minor);
  }

  std::string remedy(const Remedy& r) {
    if (r.kind == "free_expedited_shipping") return l_.format("msg_remedy_free_expedited", {});
    if (r.kind == "discount") {
      const bool code = !r.code.empty();
      if (r.max > 0) {
        return code ? l_.format("msg_remedy_discount_capped",
                                {{"percent", r.percent}, {"code", one_line(r.code)}, {"max", money(r.max)}})
                    : l_.format("msg_remedy_discount_automatic_capped",
                                {{"percent", r.percent}, {"max", money(r.max)}});
      }
      return code ? l_.format("msg_remedy_discount", {{"percent", r.percent}, {"code", one_line(r.code)}})
                  : l_.format("msg_remedy_discount_automatic", {{"percent", r.percent}});
    }
    if (r.kind == "loyalty_points") return l_.format("msg_remedy_loyalty_points", {{"points", r.points}});
    if (r.kind == "partial_refund")
      return l_.format("msg_remedy_partial_refund", {{"amount", money(r.amount)}});
    if (r.kind == "personal_outreach") return l_.format("msg_remedy_outreach", {});
    // A remedy the shopper was promised must not vanish from the message unnoticed.
    throw Error(ErrorCode::invalid, "remedies",
                "unknown remedy kind (expected free_expedited_shipping, discount, loyalty_points, "
                "personal_outreach or partial_refund)");
  }

  std::string delay() {
    greeting();
    body_.paragraph(l_.format("msg_delay_apology", {{"order_id", order_id_}, {"count", count()}}));
    body_.list(moved_lines());
    std::vector<std::string> options{l_.format("msg_option_wait", {})};
    if (d_.can_cancel) options.push_back(l_.format("msg_option_cancel", {}));
    if (d_.can_take_alternative) options.push_back(l_.format("msg_option_alternative", {}));
    body_.heading(l_.format("msg_delay_options_heading", {}));
    body_.list(options);
    std::vector<std::string> remedies;
    for (const Remedy& r : d_.remedies) remedies.push_back(remedy(r));
    if (!remedies.empty()) {
      body_.heading(l_.format("msg_remedies_heading", {}));
      body_.list(remedies);
    }
    return l_.format("msg_delay_subject", {{"order_id", order_id_}, {"count", count()}});
  }

  std::string arrived() {
    greeting();
    body_.paragraph(l_.format("msg_arrived_body", {{"order_id", order_id_}, {"count", count()}}));
    std::vector<std::string> items;
    for (const MessageLine& line : d_.lines) items.push_back(item_line(line));
    body_.list(items);
    return l_.format("msg_arrived_subject", {{"order_id", order_id_}, {"count", count()}});
  }

  std::string shipped() {
    greeting();
    body_.paragraph(l_.format("msg_shipped_body", {{"order_id", order_id_}, {"count", count()}}));
    std::vector<std::string> items;
    for (const MessageLine& line : d_.lines) items.push_back(item_line(line));
    body_.list(items);
    std::vector<std::string> details;
    if (!blank(d_.carrier))
      details.push_back(l_.format("msg_shipped_carrier", {{"carrier", one_line(d_.carrier)}}));
    if (!blank(d_.tracking))
      details.push_back(l_.format("msg_shipped_tracking", {{"tracking", one_line(d_.tracking)}}));
    body_.lines(details);
    if (!blank(d_.tracking_url)) link("msg_track_link", d_.tracking_url);
    return l_.format("msg_shipped_subject", {{"order_id", order_id_}, {"count", count()}});
  }

  std::string back_in_stock() {
    if (d_.lines.empty()) throw Error(ErrorCode::invalid, "lines", "a back-in-stock message names its item");
    std::string name = name_of(d_.lines.front());
    greeting();
    body_.paragraph(l_.format("msg_back_in_stock_body", {{"name", name}, {"available", d_.available}}));
    body_.paragraph(l_.format("msg_back_in_stock_fcfs", {}));
    body_.paragraph(l_.format("msg_back_in_stock_reason", {{"shop", shop_}}));
    if (!blank(d_.manage_url)) link("msg_manage_link", d_.manage_url);
    return l_.format("msg_back_in_stock_subject", {{"name", name}});
  }

  // The content 16 CFR 435.2(b) asks of an option notice (docs/compliance.md): the revised date or that none
  // can be given, the right to cancel for a prompt full refund at no cost, and, when silence is not consent,
  // that the order is cancelled unless the shopper agrees. "agree": the EU/UK request to agree a later date.
  std::string delay_notice() {
    greeting();
    const bool agree = d_.notice == "agree";
    if (!agree && d_.notice != "ftc")
      throw Error(ErrorCode::invalid, "notice", "expected \"ftc\" or \"agree\"");
    body_.paragraph(
        l_.format(agree ? "msg_notice_agree_intro" : "msg_notice_intro",
                  {{"order_id", order_id_}, {"count", count()}, {"deadline", l_.format_date(d_.deadline)}}));
    std::vector<std::string> items;
    for (const MessageLine& line : d_.lines) items.push_back(waiting_line(line, false));
    body_.list(items);
    body_.paragraph(d_.revised ? l_.format("msg_notice_revised", {{"revised", l_.format_date(*d_.revised)}})
                               : l_.format("msg_notice_unknown", {{"reason", one_line(d_.reason)}}));
    if (agree) {
      body_.paragraph(l_.format("msg_notice_agree_ask", {}));
    } else {
      body_.paragraph(l_.format("msg_notice_right_to_cancel", {}));
      if (d_.silence_is_consent && d_.revised)
        body_.paragraph(l_.format("msg_notice_silence", {{"revised", l_.format_date(*d_.revised)}}));
      else if (d_.consent_by)
        body_.paragraph(l_.format("msg_notice_consent_by", {{"date", l_.format_date(*d_.consent_by)}}));
      else
        body_.paragraph(l_.format("msg_notice_consent", {}));
    }
    return l_.format("msg_notice_subject", {{"order_id", order_id_}});
  }

  std::string cancelled() {
    greeting();
    body_.paragraph(l_.format(d_.by_buyer ? "msg_cancelled_buyer" : "msg_cancelled_auto",
                              {{"order_id", order_id_}, {"count", count()}}));
    std::vector<std::string> items;
    for (const MessageLine& line : d_.lines) items.push_back(item_line(line));
    body_.list(items);
    body_.paragraph(d_.refund_total && d_.refund_by
                        ? l_.format("msg_cancelled_refund", {{"amount", money(*d_.refund_total)},
                                                             {"date", l_.format_date(*d_.refund_by)}})
                        : l_.format("msg_cancelled_refund_full", {}));
    return l_.format("msg_cancelled_subject", {{"order_id", order_id_}});
  }

  Labeler& l_;
  const MessageData& d_;
  std::string order_id_, shop_;
  MessageBody body_;
};

}  // namespace

RenderedMessage render_message(const std::shared_ptr<const Engine>& engine, const MessageData& data,
                               Instant now) {
  Labeler labeler(engine, data.locale, now);
  return Writer(labeler, data).render();
}

}  // namespace backorder::detail
