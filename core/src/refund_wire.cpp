// JSON for refund quotes: requests read into PaidOrder and Cancellation, quotes written with sorted keys
// (docs/json.md#refunds). Shapes are checked here; amounts and counts by check_refund, under the same paths.
#include "backorder/refund_wire.hpp"

#include <algorithm>
#include <cstdint>

#include "fact_reader.hpp"
#include "json_reader.hpp"
#include "json_writer.hpp"

namespace backorder {

using detail::json;
using detail::JsonWriter;
using detail::Reader;

namespace {

constexpr std::int64_t kAny = INT64_MAX;

std::int64_t required_integer(const json& obj, std::string_view key, const std::string& path, Reader& r) {
  if (!Reader::member(obj, key)) {
    r.fail(Reader::at(path, key), "required");
    return 0;
  }
  return r.integer(obj, key, path, INT64_MIN, kAny).value_or(0);
}

LineTax read_tax(const json& j, const std::string& path, Reader& r) {
  LineTax tax;
  if (!r.object(j, path, {"rate_bp", "amount"})) return tax;
  const bool rate = Reader::member(j, "rate_bp"), amount = Reader::member(j, "amount");
  if (rate == amount) {
    r.fail(path, "expected one of {\"rate_bp\": basis points} or {\"amount\": minor units}");
    return tax;
  }
  if (rate) {
    tax.kind = LineTax::Kind::rate;
    tax.rate_bp = r.integer(j, "rate_bp", path, INT64_MIN, kAny).value_or(0);
  } else {
    tax.kind = LineTax::Kind::amount;
    tax.amount = r.integer(j, "amount", path, INT64_MIN, kAny).value_or(0);
  }
  return tax;
}

PaidLine read_paid_line(const json& j, const std::string& p, Reader& r) {
  PaidLine l;
  if (!r.object(j, p, {"line_id", "sku", "quantity", "unit_price", "shipped", "cancelled", "tax", "deposit"}))
    return l;
  l.line_id = r.string(j, "line_id", p).value_or("");
  l.sku = r.string(j, "sku", p).value_or("");
  l.quantity = required_integer(j, "quantity", p, r);
  l.unit_price = required_integer(j, "unit_price", p, r);
  l.shipped = r.integer(j, "shipped", p, INT64_MIN, kAny).value_or(0);
  l.cancelled = r.integer(j, "cancelled", p, INT64_MIN, kAny).value_or(0);
  if (const json* t = Reader::member(j, "tax")) l.tax = read_tax(*t, Reader::at(p, "tax"), r);
  l.deposit = r.integer(j, "deposit", p, INT64_MIN, kAny);
  return l;
}

template <class F>
void each(const json& obj, std::string_view key, const std::string& path, Reader& r, F&& f) {
  const json* a = Reader::member(obj, key);
  if (!a) return;
  const std::string p = Reader::at(path, key);
  if (!a->is_array()) {
    r.fail(p, "expected an array");
    return;
  }
  for (std::size_t i = 0; i < a->size(); ++i) f((*a)[i], Reader::at(p, i));
}

PaidOrder read_order(const json& j, Reader& r) {
  PaidOrder o;
  const json* oj = Reader::member(j, "order");
  const std::string p = "order";
  if (!oj) {
    r.fail(p, "required: {\"currency\", \"payment\", \"lines\": [...]}");
    return o;
  }
  if (!r.object(*oj, p,
                {"currency", "tax_included", "payment", "jurisdiction", "lines", "discounts", "shipping"})) {
    return o;
  }
  o.currency = r.string(*oj, "currency", p).value_or("");
  o.tax_included = r.boolean(*oj, "tax_included", p).value_or(false);
  if (auto s = r.string(*oj, "payment", p)) {
    if (auto m = payment_method_from_name(*s))
      o.payment = *m;
    else
      r.fail("order.payment", "expected card, paypal, cash or store_credit_by_shop");
  } else if (!Reader::member(*oj, "payment")) {
    r.fail("order.payment", "required: card, paypal, cash or store_credit_by_shop");
  }
  if (auto s = r.string(*oj, "jurisdiction", p)) {
    o.jurisdiction = jurisdiction_from_name(*s);
    if (!o.jurisdiction) r.fail("order.jurisdiction", "expected \"US\", \"EU\" or \"UK\"");
  }
  if (const json* lines = Reader::member(*oj, "lines"); !lines || !lines->is_array())
    r.fail("order.lines", "required: an array of lines");
  each(*oj, "lines", p, r,
       [&](const json& l, const std::string& lp) { o.lines.push_back(read_paid_line(l, lp, r)); });
  each(*oj, "discounts", p, r, [&](const json& d, const std::string& dp) {
    OrderDiscount disc;
    if (r.object(d, dp, {"code", "amount"})) {
      disc.code = r.string(d, "code", dp).value_or("");
      disc.amount = required_integer(d, "amount", dp, r);
    }
    o.discounts.push_back(std::move(disc));
  });
  if (const json* s = Reader::member(*oj, "shipping")) {
    const std::string sp = "order.shipping";
    if (r.object(*s, sp, {"charged", "refunded", "extra_shipments_paid_by"})) {
      o.shipping.charged = r.integer(*s, "charged", sp, INT64_MIN, kAny).value_or(0);
      o.shipping.refunded = r.integer(*s, "refunded", sp, INT64_MIN, kAny).value_or(0);
      if (auto who = r.string(*s, "extra_shipments_paid_by", sp)) {
        if (*who == "shop" || *who == "customer")
          o.shipping.shop_paid_extra_shipments = *who == "shop";
        else
          r.fail(Reader::at(sp, "extra_shipments_paid_by"), "expected \"shop\" or \"customer\"");
      }
    }
  }
  return o;
}

Cancellation read_cancel(const json& j, Reader& r) {
  Cancellation c;
  const json* cj = Reader::member(j, "cancel");
  if (!cj) {
    r.fail("cancel", "required: \"all\" or [{\"line_id\", \"quantity\"}, ...]");
  } else if (cj->is_string()) {
    c.all = cj->get<std::string>() == "all";
    if (!c.all) r.fail("cancel", "expected \"all\" or an array of lines");
  } else if (!cj->is_array()) {
    r.fail("cancel", "expected \"all\" or an array of lines");
  } else {
    for (std::size_t i = 0; i < cj->size(); ++i) {
      const std::string p = Reader::at("cancel", i);
      CancelLine cl;
      if (r.object((*cj)[i], p, {"line_id", "quantity"})) {
        cl.line_id = r.string((*cj)[i], "line_id", p).value_or("");
        if (cl.line_id.empty()) r.fail(Reader::at(p, "line_id"), "required");
        cl.quantity = r.integer((*cj)[i], "quantity", p, INT64_MIN, kAny);
      }
      c.lines.push_back(std::move(cl));
    }
  }
  return c;
}

}  // namespace

std::string refund_quote_json(const RefundQuote& q, const Engine& engine) {
  const Calendar& cal = engine.calendar();
  const RefundDeadline& d = q.deadline;
  JsonWriter w;
  w.begin_object()
      .field("currency", q.currency)
      .key("deadline")
      .begin_object()
      .field("citation", d.citation)
      .field("count", d.count)
      .field("due", format_day(d.due))
      .field("jurisdiction", jurisdiction_name(d.jurisdiction))
      .field("method", d.method)
      .field("payment", payment_method_name(d.payment))
      .field("rule", d.rule_id)
      .field("text", d.text)
      .field("unit", refund_unit_name(d.unit))
      .end_object()
      .field("deposit", q.deposit)
      .field("discount", q.discount)
      .field("items", q.items)
      .key("lines")
      .begin_array();
  for (const RefundLine& l : q.lines) {
    w.begin_object()
        .field("deposit", l.deposit)
        .field("discount", l.discount)
        .field("items", l.items)
        .field("line_id", l.line_id)
        .field("quantity", l.quantity)
        .field("sku", l.sku)
        .field("tax", l.tax)
        .field("total", l.total)
        .end_object();
  }
  w.end_array()
      .field("now", cal.format_local(q.now))
      .field("shipping", q.shipping)
      .field("shipping_basis", shipping_basis_name(q.shipping_basis))
      .field("still_open", q.still_open)
      .field("tax", q.tax)
      .field("tax_included", q.tax_included)
      .field("total", q.total)
      .end_object();
  return std::move(w.text());
}

std::string refund_json(const Engine& engine, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  if (!r.object(j, "", {"now", "order", "cancel"})) r.throw_if_failed();
  const Instant now = detail::read_instant(j, "now", "", r);
  PaidOrder order = read_order(j, r);
  Cancellation cancel = read_cancel(j, r);
  if (!r.ok()) {
    // One answer lists every problem: the values' too, except where the shape already failed (a field that
    // could not be read would only be reported again).
    auto under = [&](const std::string& path) {
      return std::any_of(r.issues.begin(), r.issues.end(), [&](const Issue& i) {
        return path == i.path ||
               (path.starts_with(i.path) && (path[i.path.size()] == '.' || path[i.path.size()] == '['));
      });
    };
    for (Issue& i : check_refund(engine, order, cancel)) {
      if (!under(i.path)) r.issues.push_back(std::move(i));
    }
    r.throw_if_failed();
  }
  return refund_quote_json(quote_refund(engine, order, cancel, now), engine);
}

}  // namespace backorder
