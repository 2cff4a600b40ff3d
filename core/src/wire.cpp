#include "backorder/wire.hpp"

#include <unordered_map>

#include "fact_reader.hpp"
#include "json_reader.hpp"
#include "wire_objects.hpp"

namespace backorder {

using detail::json;
using detail::JsonWriter;
using detail::read_item;
using detail::read_stock;
using detail::Reader;
using detail::write_label;

namespace {

// Paths inside a row are relative ("item.lead_time_days"); `base` puts them in the request ("items[3]").
std::string rebase(const std::string& base, const std::string& path, const char* head) {
  std::string_view p = path;
  if (p.rfind(head, 0) == 0)
    p.remove_prefix(std::string_view(head).size());
  else if (!p.empty() && p.front() != '.' && p.front() != '[')
    return base + "." + path;
  return base + std::string(p);
}

struct Common {
  Instant now = 0;
  std::string locale;
  std::int64_t quantity = 1;
};

// "now", "locale" and "quantity" at the top of a request.
Common read_common(const json& j, Reader& r) {
  Common c;
  c.now = detail::read_instant(j, "now", "", r);
  if (auto l = r.string(j, "locale", "")) {
    c.locale = *l;
    if (!is_known_locale(*l)) r.fail("locale", "unknown locale \"" + *l + "\"");
  }
  c.quantity = r.integer(j, "quantity", "", 1, limits::kQuantity).value_or(1);
  return c;
}

std::string book_labels(const PromiseBook& book, const std::string& locale, std::int64_t quantity,
                        const json* skus = nullptr) {
  Labeler labeler(book.engine_ptr(), locale, book.today().now);
  JsonWriter w;
  w.begin_object().key("errors").begin_array().end_array().key("labels").begin_array();
  auto one = [&](const std::string& sku, std::size_t row) {
    write_label(w, labeler.label(book.availability(sku, quantity)), sku, row);
  };
  if (skus) {
    for (std::size_t i = 0; i < skus->size(); ++i) one((*skus)[i].get<std::string>(), i);
  } else {
    for (std::size_t i = 0; i < book.item_count(); ++i) one(book.item_at(i).sku, i);
  }
  w.end_array().end_object();
  return std::move(w.text());
}

}  // namespace

std::string book_labels_json(const PromiseBook& book, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  const json* skus = nullptr;
  if (r.object(j, "", {"locale", "quantity", "skus"})) {
    skus = Reader::member(j, "skus");
    if (skus && !skus->is_array()) r.fail("skus", "expected an array of skus");
    for (std::size_t i = 0; skus && skus->is_array() && i < skus->size(); ++i) {
      if (!(*skus)[i].is_string() || !book.item((*skus)[i].get<std::string>())) {
        r.fail(Reader::at("skus", i), "no item with this sku");
      }
    }
  }
  std::string locale = r.string(j, "locale", "").value_or("");
  if (!locale.empty() && !is_known_locale(locale)) r.fail("locale", "unknown locale \"" + locale + "\"");
  std::int64_t quantity = r.integer(j, "quantity", "", 1, limits::kQuantity).value_or(1);
  r.throw_if_failed();
  return book_labels(book, locale, quantity, skus);
}

std::string label_to_json(const Label& label, std::string_view sku) {
  JsonWriter w;
  write_label(w, label, sku);
  return std::move(w.text());
}

std::string label_json(std::shared_ptr<const Engine> engine, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  if (!r.object(j, "", {"item", "stock", "quantity", "locale", "now"})) r.throw_if_failed();
  Common c = read_common(j, r);
  Item item;
  StockPosition stock;
  if (const json* i = Reader::member(j, "item"))
    item = read_item(*i, "item", r);
  else
    r.fail("item", "required");
  if (const json* s = Reader::member(j, "stock")) stock = read_stock(*s, "stock", r, false);
  r.throw_if_failed();
  Labeler labeler(std::move(engine), c.locale, c.now);
  return label_to_json(labeler.label(item, stock, c.quantity), item.sku);
}

std::string labels_json(std::shared_ptr<const Engine> engine, std::string_view request_json) {
  json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  if (!r.object(j, "", {"items", "stock", "supply", "suppliers", "orders", "quantity", "locale", "now"})) {
    r.throw_if_failed();
  }
  Common c = read_common(j, r);
  const json* items = Reader::member(j, "items");
  if (!items || !items->is_array()) r.fail("items", "required: an array of items");
  const json* stock = Reader::member(j, "stock");
  if (stock && !stock->is_array()) r.fail("stock", "expected an array of stock rows with sku");
  r.throw_if_failed();  // the request as a whole is unusable; rows are judged one by one below
  if (Reader::member(j, "supply") || Reader::member(j, "orders")) {
    // With supply the facts are a scenario, checked whole: a promise needs every line it depends on.
    Facts facts = detail::read_facts(j, r);
    r.throw_if_failed();
    PromiseBook book(engine, std::move(facts), c.now);
    return book_labels(book, c.locale, c.quantity);
  }

  json errors = json::array();
  JsonWriter labels;
  labels.begin_array();
  auto row_error = [&](std::size_t row, const std::string& sku, const Issue& issue) {
    errors.push_back({{"row", row}, {"sku", sku}, {"path", issue.path}, {"message", issue.message}});
  };

  std::unordered_map<std::string, StockPosition> positions;
  if (stock) {
    for (std::size_t i = 0; i < stock->size(); ++i) {
      Reader rr;
      std::string path = Reader::at("stock", i);
      StockPosition s = read_stock((*stock)[i], path, rr, true);
      std::string sku;
      if ((*stock)[i].is_object()) {
        auto sk = rr.string((*stock)[i], "sku", path);
        if (!sk || sk->empty())
          rr.fail(Reader::at(path, "sku"), "required");
        else
          sku = *sk;
      }
      if (rr.ok() && !positions.emplace(sku, s).second) rr.fail(Reader::at(path, "sku"), "listed twice");
      for (const auto& issue : rr.issues) row_error(i, sku, issue);
    }
  }

  Labeler labeler(std::move(engine), c.locale, c.now);
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < items->size(); ++i) {
    Reader rr;
    std::string path = Reader::at("items", i);
    Item item = read_item((*items)[i], path, rr);
    // A bad row still claims its sku, so its stock row is not reported as an orphan too.
    if (!item.sku.empty() && !seen.emplace(item.sku, i).second)
      rr.fail(Reader::at(path, "sku"), "listed twice");
    if (!rr.ok()) {
      for (const auto& issue : rr.issues) row_error(i, item.sku, issue);
      continue;
    }
    auto pos = positions.find(item.sku);
    StockPosition s = pos == positions.end() ? StockPosition{} : pos->second;
    try {
      Label l = labeler.label(item, s, c.quantity);
      write_label(labels, l, item.sku, i);
    } catch (const Error& e) {
      row_error(i, item.sku, {rebase(path, e.path(), "item"), e.what()});
    }
  }
  for (const auto& [sku, _] : positions) {
    if (!seen.count(sku)) {
      for (std::size_t i = 0; i < stock->size(); ++i) {
        const json& row = (*stock)[i];
        if (row.is_object() && row.value("sku", json()).is_string() && row["sku"].get<std::string>() == sku) {
          row_error(i, sku, {Reader::at(Reader::at("stock", i), "sku"), "no item with this sku"});
        }
      }
    }
  }
  labels.end_array();
  return "{\"errors\":" + detail::to_text(errors) + ",\"labels\":" + labels.text() + "}";
}

std::string validate_policy_json(std::string_view policy_json) {
  json errors = json::array();
  for (const auto& i : validate_policy(policy_json))
    errors.push_back({{"path", i.path}, {"message", i.message}});
  return detail::to_text(json{{"valid", errors.empty()}, {"errors", std::move(errors)}});
}

}  // namespace backorder
