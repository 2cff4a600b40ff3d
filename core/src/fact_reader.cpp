#include "fact_reader.hpp"

namespace backorder::detail {

namespace {
constexpr std::int64_t kMax = limits::kQuantity;

template <class T, class F>
std::vector<T> read_array(const json& j, std::string_view key, Reader& r, F read) {
  std::vector<T> out;
  const json* a = Reader::member(j, key);
  if (!a) return out;
  std::string path(key);
  if (!a->is_array()) {
    r.fail(path, "expected an array");
    return out;
  }
  out.reserve(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) out.push_back(read((*a)[i], Reader::at(path, i), r));
  return out;
}

}  // namespace

void read_arrival(const json& j, const std::string& path, Reader& r, Supply& s) {
  const json* e = Reader::member(j, "expected");
  std::string p = Reader::at(path, "expected");
  if (!e) {
    r.fail(p, "required: the expected arrival, a date or {\"from\", \"to\"}");
    return;
  }
  try {
    if (e->is_string()) {
      s.arrive_from = s.arrive_to = parse_day(e->get<std::string>(), p);
    } else if (r.object(*e, p, {"from", "to"})) {
      auto from = r.string(*e, "from", p), to = r.string(*e, "to", p);
      if (!from || !to) {
        r.fail(p, "needs both from and to");
        return;
      }
      s.arrive_from = parse_day(*from, Reader::at(p, "from"));
      s.arrive_to = parse_day(*to, Reader::at(p, "to"));
      if (s.arrive_from > s.arrive_to) r.fail(p, "from is after to");
    }
  } catch (const Error& err) {
    r.fail(err.path(), err.what());
  }
}

Item read_item(const json& j, const std::string& path, Reader& r) {
  Item it;
  if (!r.object(
          j, path,
          {"sku", "name", "backorders", "lead_time_days", "release_date", "discontinued", "max_backorder",
           "low_stock_threshold", "category", "attributes", "price", "supplier", "reorder_on"})) {
    return it;
  }
  if (auto s = r.string(j, "sku", path)) {
    if (s->empty()) r.fail(Reader::at(path, "sku"), "must not be empty");
    it.sku = *s;
  } else if (!Reader::member(j, "sku")) {
    r.fail(Reader::at(path, "sku"), "required");
  }
  it.name = r.string(j, "name", path).value_or("");
  it.category = r.string(j, "category", path).value_or("");
  if (const json* a = Reader::member(j, "attributes")) {
    std::string p = Reader::at(path, "attributes");
    if (!a->is_object()) {
      r.fail(p, "expected an object of names to text values, like {\"size\": \"M\"}");
    } else {
      for (auto kv = a->begin(); kv != a->end(); ++kv) {
        std::string kp = Reader::at(p, kv.key());
        if (!kv->is_string())
          r.fail(kp, "expected a text value");
        else if (r.text_fits(kv.key(), kp) && r.text_fits(kv->get_ref<const std::string&>(), kp))
          it.attributes[kv.key()] = kv->get<std::string>();
      }
    }
  }
  it.price = r.integer(j, "price", path, 0, limits::kAmount);
  it.supplier = r.string(j, "supplier", path).value_or("");
  if (auto d = r.string(j, "reorder_on", path)) {
    try {
      it.reorder_on = parse_day(*d, Reader::at(path, "reorder_on"));
    } catch (const Error& e) {
      r.fail(e.path(), e.what());
    }
  }
  it.backorders = r.boolean(j, "backorders", path);
  if (const json* lead = Reader::member(j, "lead_time_days")) {
    if (auto range = r.range(*lead, Reader::at(path, "lead_time_days"), 3650)) {
      it.lead_min_days = range->first;
      it.lead_max_days = range->second;
    }
  }

  if (auto d = r.string(j, "release_date", path)) {
    try {
      it.release_date = parse_day(*d, Reader::at(path, "release_date"));
    } catch (const Error& e) {
      r.fail(e.path(), e.what());
    }
  }
  if (auto d = r.boolean(j, "discontinued", path)) it.discontinued = *d;
  it.max_backorder = r.integer(j, "max_backorder", path, 0, kMax);
  it.low_stock_threshold = r.integer(j, "low_stock_threshold", path, 0, kMax);
  return it;
}

StockPosition read_stock(const json& j, const std::string& path, Reader& r, bool with_sku) {
  StockPosition s;
  std::initializer_list<std::string_view> fields = {"on_hand", "reserved", "safety_stock", "promised",
                                                    "backordered"};
  std::initializer_list<std::string_view> with = {"sku",          "on_hand",  "reserved",
                                                  "safety_stock", "promised", "backordered"};
  if (!r.object(j, path, with_sku ? with : fields)) return s;
  s.on_hand = r.integer(j, "on_hand", path, -kMax, kMax).value_or(0);
  s.reserved = r.integer(j, "reserved", path, 0, kMax).value_or(0);
  s.safety_stock = r.integer(j, "safety_stock", path, 0, kMax).value_or(0);
  s.promised = r.integer(j, "promised", path, 0, kMax).value_or(0);
  s.backordered = r.integer(j, "backordered", path, 0, kMax).value_or(0);
  return s;
}

Instant read_instant(const json& obj, std::string_view key, const std::string& path, Reader& r) {
  std::string p = Reader::at(path, key);
  if (auto s = r.string(obj, key, path)) {
    try {
      return parse_instant(*s, p);
    } catch (const Error& e) {
      r.fail(e.path(), e.what());
    }
  } else if (!Reader::member(obj, key)) {
    r.fail(p, "required: an ISO 8601 time with an offset");
  }
  return 0;
}

Supply read_supply(const json& j, const std::string& path, Reader& r) {
  Supply s;
  if (!r.object(j, path, {"id", "sku", "quantity", "expected", "status", "supplier"})) return s;
  s.id = r.string(j, "id", path).value_or("");
  if (s.id.empty()) r.fail(Reader::at(path, "id"), "required");
  s.sku = r.string(j, "sku", path).value_or("");
  if (s.sku.empty()) r.fail(Reader::at(path, "sku"), "required");
  if (auto q = r.integer(j, "quantity", path, 0, kMax))
    s.quantity = *q;
  else if (!Reader::member(j, "quantity"))
    r.fail(Reader::at(path, "quantity"), "required");
  read_arrival(j, path, r, s);
  if (auto st = r.string(j, "status", path)) {
    if (*st == "confirmed")
      s.status = SupplyStatus::confirmed;
    else if (*st == "unconfirmed")
      s.status = SupplyStatus::unconfirmed;
    else
      r.fail(Reader::at(path, "status"), "expected \"confirmed\" or \"unconfirmed\"");
  }
  s.supplier = r.string(j, "supplier", path).value_or("");
  return s;
}

Supplier read_supplier(const json& j, const std::string& path, Reader& r) {
  Supplier s;
  if (!r.object(j, path, {"id", "name", "lateness_days"})) return s;
  s.id = r.string(j, "id", path).value_or("");
  if (s.id.empty()) r.fail(Reader::at(path, "id"), "required");
  (void)r.string(j, "name", path);
  if (const json* l = Reader::member(j, "lateness_days")) {
    std::string p = Reader::at(path, "lateness_days");
    if (!l->is_array()) {
      r.fail(p, "expected an array of whole days late (0 = on time)");
    } else {
      for (std::size_t i = 0; i < l->size(); ++i) {
        const json& v = (*l)[i];
        if (!v.is_number_integer() || v.get<std::int64_t>() < -365 || v.get<std::int64_t>() > 3650) {
          r.fail(Reader::at(p, i), "expected whole days between -365 and 3650");
        } else {
          s.lateness_days.push_back(static_cast<int>(v.get<std::int64_t>()));
        }
      }
    }
  }
  return s;
}

OrderLine read_line(const json& j, const std::string& path, Reader& r) {
  OrderLine l;
  if (!r.object(j, path, {"order_id", "line_id", "sku", "quantity", "placed_at", "priority", "zone"}))
    return l;
  l.order_id = r.string(j, "order_id", path).value_or("");
  if (l.order_id.empty()) r.fail(Reader::at(path, "order_id"), "required");
  l.line_id = r.string(j, "line_id", path).value_or("1");
  l.sku = r.string(j, "sku", path).value_or("");
  if (l.sku.empty()) r.fail(Reader::at(path, "sku"), "required");
  if (auto q = r.integer(j, "quantity", path, 1, kMax))
    l.quantity = *q;
  else if (!Reader::member(j, "quantity"))
    r.fail(Reader::at(path, "quantity"), "required");
  l.placed_at = read_instant(j, "placed_at", path, r);
  l.priority = static_cast<int>(r.integer(j, "priority", path, -1000, 1000).value_or(0));
  l.zone = r.string(j, "zone", path).value_or("");
  return l;
}

Facts read_facts(const json& j, Reader& r) {
  Facts f;
  f.items = read_array<Item>(j, "items", r, read_item);
  f.stock = read_array<StockRow>(j, "stock", r, [](const json& row, const std::string& p, Reader& rr) {
    StockRow s;
    s.position = read_stock(row, p, rr, true);
    if (row.is_object()) s.sku = rr.string(row, "sku", p).value_or("");
    if (s.sku.empty() && row.is_object()) rr.fail(Reader::at(p, "sku"), "required");
    return s;
  });
  f.supply = read_array<Supply>(j, "supply", r, read_supply);
  f.suppliers = read_array<Supplier>(j, "suppliers", r, read_supplier);
  f.lines = read_array<OrderLine>(j, "orders", r, read_line);
  return f;
}

Change read_change(const json& j, Reader& r) {
  Change c;
  const std::string root = "change";
  if (!j.is_object()) {
    r.fail(root, "expected an object with a \"type\"");
    return c;
  }
  std::string type = r.string(j, "type", root).value_or("");
  using K = Change::Kind;
  if (type == "supply_changed" || type == "supply_cancelled" || type == "supply_added") {
    c.kind = type == "supply_changed"     ? K::supply_changed
             : type == "supply_cancelled" ? K::supply_cancelled
                                          : K::supply_added;
    if (c.kind == K::supply_added) {
      json body = j;
      body.erase("type");
      c.supply = read_supply(body, root, r);
    } else {
      r.object(j, root, {"type", "id", "quantity", "expected", "status"});
      c.supply.id = r.string(j, "id", root).value_or("");
      if (c.supply.id.empty()) r.fail("change.id", "required");
      if (c.kind == K::supply_changed) {
        if (auto q = r.integer(j, "quantity", root, 0, kMax)) c.has_quantity = true, c.supply.quantity = *q;
        if (Reader::member(j, "expected")) {
          c.has_arrival = true;
          read_arrival(j, root, r, c.supply);
        }
        if (auto st = r.string(j, "status", root)) {
          c.has_status = true;
          if (*st == "confirmed")
            c.supply.status = SupplyStatus::confirmed;
          else if (*st == "unconfirmed")
            c.supply.status = SupplyStatus::unconfirmed;
          else
            r.fail("change.status", "expected \"confirmed\" or \"unconfirmed\"");
        }
      }
    }
  } else if (type == "stock_received") {
    c.kind = K::stock_received;
    r.object(j, root, {"type", "sku", "quantity", "supply_id"});
    c.sku = r.string(j, "sku", root).value_or("");
    if (c.sku.empty()) r.fail("change.sku", "required");
    if (auto q = r.integer(j, "quantity", root, 1, kMax))
      c.quantity = *q;
    else if (!Reader::member(j, "quantity"))
      r.fail("change.quantity", "required");
    c.supply_id = r.string(j, "supply_id", root).value_or("");
  } else if (type == "stock_set") {
    c.kind = K::stock_set;
    json body = j;
    body.erase("type");
    c.position = read_stock(body, root, r, true);
    c.sku = r.string(j, "sku", root).value_or("");
    if (c.sku.empty()) r.fail("change.sku", "required");
  } else if (type == "order_placed") {
    c.kind = K::order_placed;
    json body = j;
    body.erase("type");
    c.line = read_line(body, root, r);
  } else if (type == "order_cancelled") {
    c.kind = K::order_cancelled;
    r.object(j, root, {"type", "order_id", "line_id"});
    c.line.order_id = r.string(j, "order_id", root).value_or("");
    if (c.line.order_id.empty()) r.fail("change.order_id", "required");
    c.line.line_id = r.string(j, "line_id", root).value_or("");
  } else {
    r.fail("change.type",
           "expected one of supply_changed, supply_added, supply_cancelled, stock_received, stock_set, "
           "order_placed, "
           "order_cancelled");
  }
  return c;
}

}  // namespace backorder::detail
