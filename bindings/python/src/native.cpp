// backorder._native: the C++-shaped layer of the Python binding, bound to core's public C++ API.
//
// It converts Python values and nothing else; the Pythonic layer (bindings/python/backorder/*.py) builds
// the public API on top of it. Catalog rows are read with the Python C API (interned keys, dict lookups,
// no JSON round-trip) while the GIL is held, and then labelled with the GIL released. Results stay native
// (one Label per row plus the Labeler that owns their text) until Python asks for them.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

// datetime.h after pybind11 (which includes Python.h first).
#include <datetime.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "backorder.h"  // version macros only; this module links core, not the C ABI
#include "backorder/availability.hpp"
#include "backorder/calendar.hpp"
#include "backorder/checkout.hpp"
#include "backorder/compliance.hpp"
#include "backorder/engine.hpp"
#include "backorder/error.hpp"
#include "backorder/labels.hpp"
#include "backorder/policy.hpp"
#include "backorder/promise.hpp"
#include "backorder/refund_wire.hpp"
#include "backorder/remedies.hpp"
#include "backorder/wire.hpp"
#include "native.hpp"

static_assert(BO_VERSION_MAJOR == BO_PROJECT_VERSION_MAJOR && BO_VERSION_MINOR == BO_PROJECT_VERSION_MINOR &&
                  BO_VERSION_PATCH == BO_PROJECT_VERSION_PATCH,
              "capi/include/backorder.h and the CMake project version disagree");

namespace py = pybind11;
namespace bo = backorder;

namespace {

// ---- interned keys ------------------------------------------------------------------------------

struct Keys {
  PyObject* sku;
  PyObject* name;
  PyObject* backorders;
  PyObject* lead_time_days;
  PyObject* min;
  PyObject* max;
  PyObject* release_date;
  PyObject* discontinued;
  PyObject* max_backorder;
  PyObject* low_stock_threshold;
  PyObject* on_hand;
  PyObject* reserved;
  PyObject* safety_stock;
  PyObject* promised;
  PyObject* backordered;
  PyObject* quantity;
  PyObject* category;
  PyObject* attributes;
  PyObject* price;
  PyObject* reorder_on;
  // promise scenarios and changes
  PyObject* id;
  PyObject* order_id;
  PyObject* line_id;
  PyObject* expected;
  PyObject* status;
  PyObject* supplier;
  PyObject* placed_at;
  PyObject* priority;
  PyObject* zone;
  PyObject* from_;
  PyObject* to;
  PyObject* lateness_days;
  PyObject* type;
  PyObject* supply_id;
  PyObject* now;
  PyObject* items;
  PyObject* stock;
  PyObject* supply;
  PyObject* suppliers;
  PyObject* orders;
  // checkout
  PyObject* currency;
  PyObject* lines;
  PyObject* unit_price;
  PyObject* locale;
  PyObject* tier;
};
Keys K{};  // created once at import, kept for the life of the process

PyObject* intern(const char* s) {
  PyObject* o = PyUnicode_InternFromString(s);
  if (!o) throw py::error_already_set();
  return o;
}

void init_keys() {
  K.sku = intern("sku");
  K.name = intern("name");
  K.backorders = intern("backorders");
  K.lead_time_days = intern("lead_time_days");
  K.min = intern("min");
  K.max = intern("max");
  K.release_date = intern("release_date");
  K.discontinued = intern("discontinued");
  K.max_backorder = intern("max_backorder");
  K.low_stock_threshold = intern("low_stock_threshold");
  K.on_hand = intern("on_hand");
  K.reserved = intern("reserved");
  K.safety_stock = intern("safety_stock");
  K.promised = intern("promised");
  K.backordered = intern("backordered");
  K.quantity = intern("quantity");
  K.category = intern("category");
  K.attributes = intern("attributes");
  K.price = intern("price");
  K.reorder_on = intern("reorder_on");
  K.id = intern("id");
  K.order_id = intern("order_id");
  K.line_id = intern("line_id");
  K.expected = intern("expected");
  K.status = intern("status");
  K.supplier = intern("supplier");
  K.placed_at = intern("placed_at");
  K.priority = intern("priority");
  K.zone = intern("zone");
  K.from_ = intern("from");
  K.to = intern("to");
  K.lateness_days = intern("lateness_days");
  K.type = intern("type");
  K.supply_id = intern("supply_id");
  K.now = intern("now");
  K.items = intern("items");
  K.stock = intern("stock");
  K.supply = intern("supply");
  K.suppliers = intern("suppliers");
  K.orders = intern("orders");
  K.currency = intern("currency");
  K.lines = intern("lines");
  K.unit_price = intern("unit_price");
  K.locale = intern("locale");
  K.tier = intern("tier");
}

// ---- where an input value sits, for error paths (built only when there is an error) ---------------

enum class Part { item, stock, top };

struct Where {
  bool batch = false;  // flat catalog row: every field is "rows[i].<field>"
  std::size_t row = 0;

  std::string at(Part part, std::string_view field) const {
    std::string p;
    if (batch) {
      p = "rows[" + std::to_string(row) + "]";
    } else if (part == Part::item) {
      p = "item";
    } else if (part == Part::stock) {
      p = "stock";
    }
    if (!field.empty()) {
      if (!p.empty()) p += '.';
      p += field;
    }
    return p;
  }
};

// The converters below take any location with `std::string at(std::string_view field) const`.
// At: a label input (item, stock or a catalog row).
struct At {
  const Where& w;
  Part part;
  std::string at(std::string_view field) const { return w.at(part, field); }
};

// Loc: a value of a promise scenario or change: "orders[3].placed_at", "change.expected", "now".
struct Loc {
  std::string_view base;      // "orders", "change", or "" at the top of a scenario
  std::ptrdiff_t index = -1;  // the row in `base`, or -1
  std::string at(std::string_view field) const {
    std::string p(base);
    if (index >= 0) p += "[" + std::to_string(index) + "]";
    if (!field.empty()) {
      if (!p.empty()) p += '.';
      p += field;
    }
    return p;
  }
};

template <class L>
[[noreturn]] void bad(const L& w, std::string_view field, const std::string& message) {
  throw bo::Error(bo::ErrorCode::invalid, w.at(field), message);
}

std::string type_name(PyObject* v) { return Py_TYPE(v)->tp_name; }

// A field's value, or nullptr when absent or None. `found` counts the keys present (None included), so a
// dict holding more keys than were looked up has an unknown one.
PyObject* field(PyObject* dict, PyObject* key, Py_ssize_t& found) {
  PyObject* v = PyDict_GetItemWithError(dict, key);  // borrowed
  if (!v) {
    if (PyErr_Occurred()) throw py::error_already_set();
    return nullptr;
  }
  ++found;
  return v == Py_None ? nullptr : v;
}

template <class L>
std::int64_t as_int(PyObject* v, const L& w, std::string_view name) {
  if (PyBool_Check(v)) bad(w, name, "expected an integer, not bool");
  PyObject* owned = nullptr;
  if (!PyLong_Check(v)) {
    if (!PyIndex_Check(v)) bad(w, name, "expected an integer, not " + type_name(v));
    py::object keep = py::reinterpret_borrow<py::object>(v);  // __index__ may mutate the row
    owned = PyNumber_Index(v);                                // numpy integers and friends
    if (!owned) {
      PyErr_Clear();
      bad(w, name, "expected an integer, not " + type_name(v));
    }
    v = owned;
  }
  int overflow = 0;
  long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
  Py_XDECREF(owned);
  if (overflow != 0) bad(w, name, "out of range");
  if (x == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    bad(w, name, "expected an integer");
  }
  return static_cast<std::int64_t>(x);
}

template <class L>
int as_int32(PyObject* v, const L& w, std::string_view name) {
  std::int64_t x = as_int(v, w, name);
  if (x < INT32_MIN || x > INT32_MAX) bad(w, name, "out of range");
  return static_cast<int>(x);
}

template <class L>
bool as_bool(PyObject* v, const L& w, std::string_view name) {
  if (v == Py_True) return true;
  if (v == Py_False) return false;
  bad(w, name, "expected true or false, not " + type_name(v));
}

template <class L>
std::string_view as_str(PyObject* v, const L& w, std::string_view name) {
  if (!PyUnicode_Check(v)) bad(w, name, "expected a string, not " + type_name(v));
  Py_ssize_t n = 0;
  const char* s = PyUnicode_AsUTF8AndSize(v, &n);
  if (!s) {
    PyErr_Clear();
    bad(w, name, "is not valid UTF-8");
  }
  return {s, static_cast<std::size_t>(n)};
}

template <class L>
void read_lead_time(PyObject* v, bo::Item& item, const L& w) {
  PyObject* lo = nullptr;
  PyObject* hi = nullptr;
  py::object keep_lo, keep_hi;  // converting one may run Python code that mutates the container
  if (PyDict_Check(v)) {
    Py_ssize_t found = 0;
    lo = field(v, K.min, found);
    hi = field(v, K.max, found);
    if (found != PyDict_GET_SIZE(v)) {
      PyObject* key = nullptr;
      PyObject* val = nullptr;
      Py_ssize_t pos = 0;
      while (PyDict_Next(v, &pos, &key, &val)) {
        if (!PyUnicode_Check(key))
          bad(w, "lead_time_days", "unknown field " + py::repr(key).cast<std::string>());
        if (PyUnicode_Compare(key, K.min) != 0 && PyUnicode_Compare(key, K.max) != 0) {
          bad(w, std::string("lead_time_days.") + PyUnicode_AsUTF8(key), "unknown field");
        }
      }
    }
    if (!lo) bad(w, "lead_time_days.min", "required");
    if (!hi) bad(w, "lead_time_days.max", "required");
  } else if (PyTuple_Check(v) || PyList_Check(v)) {
    if (PySequence_Fast_GET_SIZE(v) != 2) bad(w, "lead_time_days", "expected a (min, max) pair");
    lo = PySequence_Fast_GET_ITEM(v, 0);
    hi = PySequence_Fast_GET_ITEM(v, 1);
  } else {
    bad(w, "lead_time_days",
        "expected {\"min\": int, \"max\": int} or a (min, max) pair, not " + type_name(v));
  }
  keep_lo = py::reinterpret_borrow<py::object>(lo);
  keep_hi = py::reinterpret_borrow<py::object>(hi);
  item.lead_min_days = as_int32(lo, w, "lead_time_days.min");
  item.lead_max_days = as_int32(hi, w, "lead_time_days.max");
}

// "attributes": {"size": "M", "colour": "navy"}, names to text values.
template <class L>
void read_attributes(PyObject* v, bo::Item& item, const L& w) {
  if (!PyDict_Check(v)) {
    bad(w, "attributes",
        "expected a dict of names to text values, like {\"size\": \"M\"}, not " + type_name(v));
  }
  PyObject* key = nullptr;
  PyObject* val = nullptr;
  Py_ssize_t pos = 0;
  while (PyDict_Next(v, &pos, &key, &val)) {
    if (!PyUnicode_Check(key)) bad(w, "attributes", "names must be strings, not " + type_name(key));
    std::string name(as_str(key, w, "attributes"));
    if (!PyUnicode_Check(val)) bad(w, "attributes." + name, "expected a text value, not " + type_name(val));
    item.attributes[name] = std::string(as_str(val, w, "attributes." + name));
  }
}

template <class L>
bo::Day read_day(PyObject* v, const L& w, std::string_view name) {
  if (PyUnicode_Check(v)) return bo::parse_day(as_str(v, w, name), w.at(name));
  if (PyDateTime_Check(v)) bad(w, name, "expected a date, not a datetime");
  if (PyDate_Check(v)) {
    return bo::day_from_ymd(PyDateTime_GET_YEAR(v), static_cast<unsigned>(PyDateTime_GET_MONTH(v)),
                            static_cast<unsigned>(PyDateTime_GET_DAY(v)));
  }
  bad(w, name, "expected a date or a \"YYYY-MM-DD\" string, not " + type_name(v));
}

// Reports the first key of `dict` that is not one of `known` (called only when there is one).
template <class L>
[[noreturn]] void unknown_key(PyObject* dict, std::initializer_list<PyObject*> known, const L& w) {
  PyObject* key = nullptr;
  PyObject* val = nullptr;
  Py_ssize_t pos = 0;
  while (PyDict_Next(dict, &pos, &key, &val)) {
    bool ok = false;
    if (PyUnicode_Check(key)) {
      for (PyObject* k : known) {
        if (key == k || PyUnicode_Compare(key, k) == 0) {
          ok = true;
          break;
        }
      }
      if (!ok) bad(w, PyUnicode_AsUTF8(key), "unknown field");
    } else {
      bad(w, "", "unknown field " + py::repr(key).cast<std::string>());
    }
  }
  bad(w, "", "unknown field");
}

// Item fields of `dict` into `item`; returns how many keys it recognised.
template <class L>
Py_ssize_t read_item_fields(PyObject* dict, bo::Item& item, const L& w) {
  Py_ssize_t found = 0;
  PyObject* v = field(dict, K.sku, found);
  if (!v) bad(w, "sku", "required");
  std::string_view sku = as_str(v, w, "sku");
  if (sku.empty()) bad(w, "sku", "must not be empty");
  item.sku.assign(sku);
  if ((v = field(dict, K.name, found))) item.name.assign(as_str(v, w, "name"));
  if ((v = field(dict, K.category, found))) item.category.assign(as_str(v, w, "category"));
  if ((v = field(dict, K.attributes, found))) read_attributes(v, item, w);
  if ((v = field(dict, K.price, found))) {
    std::int64_t price = as_int(v, w, "price");
    if (price < 0 || price > 1'000'000'000'000'000)
      bad(w, "price", "must be between 0 and 10^18 minor units");
    item.price = price;
  }
  if ((v = field(dict, K.backorders, found))) item.backorders = as_bool(v, w, "backorders");
  if ((v = field(dict, K.lead_time_days, found))) read_lead_time(v, item, w);
  if ((v = field(dict, K.release_date, found))) item.release_date = read_day(v, w, "release_date");
  if ((v = field(dict, K.discontinued, found))) item.discontinued = as_bool(v, w, "discontinued");
  if ((v = field(dict, K.max_backorder, found))) {
    item.max_backorder = as_int(v, w, "max_backorder");
  }
  if ((v = field(dict, K.low_stock_threshold, found))) {
    item.low_stock_threshold = as_int(v, w, "low_stock_threshold");
  }
  if ((v = field(dict, K.supplier, found))) item.supplier.assign(as_str(v, w, "supplier"));
  if ((v = field(dict, K.reorder_on, found))) item.reorder_on = read_day(v, w, "reorder_on");
  return found;
}

template <class L>
Py_ssize_t read_stock_fields(PyObject* dict, bo::StockPosition& s, const L& w) {
  Py_ssize_t found = 0;
  PyObject* v = nullptr;
  if ((v = field(dict, K.on_hand, found))) s.on_hand = as_int(v, w, "on_hand");
  if ((v = field(dict, K.reserved, found))) s.reserved = as_int(v, w, "reserved");
  if ((v = field(dict, K.safety_stock, found))) {
    s.safety_stock = as_int(v, w, "safety_stock");
  }
  if ((v = field(dict, K.promised, found))) s.promised = as_int(v, w, "promised");
  if ((v = field(dict, K.backordered, found))) {
    s.backordered = as_int(v, w, "backordered");
  }
  return found;
}

#define BO_ITEM_KEYS                                                                              \
  K.sku, K.name, K.backorders, K.lead_time_days, K.release_date, K.discontinued, K.max_backorder, \
      K.low_stock_threshold, K.category, K.attributes, K.price, K.supplier, K.reorder_on
#define BO_STOCK_KEYS K.on_hand, K.reserved, K.safety_stock, K.promised, K.backordered

// A dict view of `obj`: itself when it is a dict, else a new dict from the mapping. `holder` keeps it alive.
template <class L>
PyObject* as_dict(PyObject* obj, py::object& holder, const L& w, const char* what) {
  if (PyDict_Check(obj)) return obj;
  auto reject = [&] { bad(w, "", std::string("expected a ") + what + " (a dict), not " + type_name(obj)); };
  if (PyUnicode_Check(obj) || PyBytes_Check(obj) || PyList_Check(obj) || PyTuple_Check(obj)) reject();
  PyObject* d = PyDict_New();
  if (!d) throw py::error_already_set();
  holder = py::reinterpret_steal<py::object>(d);
  if (PyDict_Merge(d, obj, 1) != 0) {  // any mapping with keys() and __getitem__
    if (!PyErr_ExceptionMatches(PyExc_AttributeError) && !PyErr_ExceptionMatches(PyExc_TypeError)) {
      throw py::error_already_set();
    }
    PyErr_Clear();
    reject();
  }
  return d;
}

// A flat catalog row (item and stock fields side by side, optional per-row quantity).
void read_row(PyObject* obj, bo::Item& item, bo::StockPosition& stock, std::int64_t& quantity,
              const Where& w) {
  py::object holder;
  At at{w, Part::top};
  PyObject* dict = as_dict(obj, holder, at, "row");
  Py_ssize_t found = read_item_fields(dict, item, at);
  found += read_stock_fields(dict, stock, at);
  if (PyObject* q = field(dict, K.quantity, found)) quantity = as_int(q, at, "quantity");
  if (found != PyDict_GET_SIZE(dict)) unknown_key(dict, {BO_ITEM_KEYS, BO_STOCK_KEYS, K.quantity}, at);
}

// Moves a path core reported for a single item ("item.lead_time_days.min", "stock.reserved", "quantity")
// to where the value sits in a flat catalog row ("rows[7].lead_time_days.min").
std::string row_path(std::size_t row, const std::string& core_path) {
  std::string_view p = core_path;
  for (std::string_view prefix : {"item.", "stock."}) {
    if (p.substr(0, prefix.size()) == prefix) {
      p.remove_prefix(prefix.size());
      break;
    }
  }
  if (p == "item" || p == "stock") p = {};
  Where w{true, row};
  return w.at(Part::top, p);
}

// ---- results -------------------------------------------------------------------------------------

std::int64_t monotonic_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

py::object window_tuple(const bo::Window& win, bool valid) {
  if (!valid) return py::none();
  return py::make_tuple(win.from, win.to, win.min_days, win.max_days);
}

// (sku, status_code, text, short_text, quantity, sellable, ship_now, later, unavailable, notify_me,
//  now_window, later_window, schema_org, merchant_availability, availability_date)
// with windows as (from_day, to_day, min_days, max_days), days counted from 1970-01-01, or None.
py::tuple label_tuple(const bo::Label& l, std::string_view sku) {
  const bo::Availability& a = l.availability;
  const bo::LabelText& t = l.text ? *l.text : bo::LabelText{};
  py::object date =
      t.availability_date.empty() ? py::object(py::none()) : py::object(py::str(t.availability_date));
  return py::make_tuple(py::str(sku.data(), sku.size()), static_cast<int>(a.status), py::str(t.text),
                        py::str(t.short_text), a.quantity, a.sellable, a.ship_now, a.later, a.unavailable,
                        a.notify_me, window_tuple(a.now_window, a.ship_now > 0),
                        window_tuple(a.later_window, a.later > 0), py::str(l.schema_org()),
                        py::str(l.merchant()), date);
}

using bo_py::NativeEngine;

// A core Labeler that Python may share between threads: calls are serialised by `mu` (taken with the GIL
// released, so a waiting thread never blocks others).
struct NativeLabeler {
  NativeLabeler(std::shared_ptr<const bo::Engine> e, const std::string& locale, bo::Instant now)
      : labeler(std::move(e), locale, now), now_ms(now) {}
  std::mutex mu;
  bo::Labeler labeler;
  bo::Instant now_ms;
};

struct RowError {
  std::size_t row;
  std::optional<std::string> sku;
  std::string path;
  std::string message;
};

// The results of one labels() call: one Label per row (text owned by `labeler`), kept native.
struct Batch {
  std::shared_ptr<NativeLabeler> labeler;
  std::vector<bo::Label> labels;
  std::vector<std::string> skus;
  std::vector<std::uint8_t> ok;
  std::vector<RowError> errors;
  std::int64_t t_start = 0, t_released = 0, t_reacquired = 0, t_end = 0;

  std::size_t size() const { return labels.size(); }
  std::size_t check(Py_ssize_t i) const {
    Py_ssize_t n = static_cast<Py_ssize_t>(labels.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw py::index_error("label index out of range");
    return static_cast<std::size_t>(i);
  }

  // A list with one value per row, None for error rows. `make` returns a new reference.
  template <class F>
  py::list column(F make) const {
    std::size_t n = labels.size();
    PyObject* list = PyList_New(static_cast<Py_ssize_t>(n));
    if (!list) throw py::error_already_set();
    py::list out = py::reinterpret_steal<py::list>(list);
    for (std::size_t i = 0; i < n; ++i) {
      PyObject* v;
      if (ok[i]) {
        v = make(i);
        if (!v) throw py::error_already_set();
      } else {
        v = Py_None;
        Py_INCREF(v);
      }
      PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), v);
    }
    return out;
  }

  // Strings shared by many rows are created once per distinct value.
  template <class Key, class F>
  py::list shared_strings(Key key, F text) const {
    std::unordered_map<const void*, py::object> cache;
    return column([&](std::size_t i) -> PyObject* {
      const void* k = key(labels[i]);
      auto it = cache.find(k);
      if (it == cache.end()) {
        std::string_view s = text(labels[i]);
        PyObject* o =
            s.data() ? PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size())) : nullptr;
        if (!o) return nullptr;
        it = cache.emplace(k, py::reinterpret_steal<py::object>(o)).first;
      }
      PyObject* o = it->second.ptr();
      Py_INCREF(o);
      return o;
    });
  }

  template <class F>
  py::list ints(F get) const {
    return column([&](std::size_t i) { return PyLong_FromLongLong(static_cast<long long>(get(labels[i]))); });
  }
};

std::string_view text_of(const bo::Label& l) {
  return l.text ? std::string_view(l.text->text) : std::string_view("");
}
std::string_view short_of(const bo::Label& l) {
  return l.text ? std::string_view(l.text->short_text) : std::string_view("");
}

std::shared_ptr<Batch> run_batch(std::shared_ptr<NativeLabeler> labeler, py::handle rows_obj,
                                 std::int64_t quantity) {
  auto batch = std::make_shared<Batch>();
  batch->labeler = labeler;
  batch->t_start = monotonic_ns();

  // A tuple of the rows: it keeps every row alive even if Python code run during conversion (a mapping's
  // keys(), an __index__) mutates the caller's list.
  py::object seq = py::reinterpret_steal<py::object>(PySequence_Tuple(rows_obj.ptr()));
  if (!seq) throw py::error_already_set();
  const std::size_t n = static_cast<std::size_t>(PyTuple_GET_SIZE(seq.ptr()));
  PyObject** rows = PySequence_Fast_ITEMS(seq.ptr());

  std::vector<bo::Item> items(n);
  std::vector<bo::StockPosition> stock(n);
  std::vector<std::int64_t> qty(n, quantity);
  batch->labels.resize(n);
  batch->ok.assign(n, 0);
  std::vector<std::uint8_t> converted(n, 0);

  // Convert with the GIL held.
  for (std::size_t i = 0; i < n; ++i) {
    Where w{true, i};
    try {
      read_row(rows[i], items[i], stock[i], qty[i], w);
      converted[i] = 1;
    } catch (const bo::Error& e) {
      std::optional<std::string> sku;
      if (!items[i].sku.empty())
        sku = items[i].sku;
      else if (PyDict_Check(rows[i])) {
        PyObject* s = PyDict_GetItemWithError(rows[i], K.sku);
        if (s && PyUnicode_Check(s)) {
          if (const char* u = PyUnicode_AsUTF8(s)) sku = std::string(u);
        }
        if (PyErr_Occurred()) PyErr_Clear();
      }
      batch->errors.push_back({i, std::move(sku), e.path(), e.what()});
    }
  }

  // Label with the GIL released; one row's failure does not stop the others.
  std::vector<RowError> label_errors;
  {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(labeler->mu);
    batch->t_released = monotonic_ns();
    bo::Labeler& lab = labeler->labeler;
    for (std::size_t i = 0; i < n; ++i) {
      if (!converted[i]) continue;
      try {
        batch->labels[i] = lab.label(items[i], stock[i], qty[i]);
        batch->ok[i] = 1;
      } catch (const bo::Error& e) {
        label_errors.push_back({i, items[i].sku, row_path(i, e.path()), e.what()});
      }
    }
    batch->skus.resize(n);
    for (std::size_t i = 0; i < n; ++i) batch->skus[i] = std::move(items[i].sku);
    batch->t_reacquired = monotonic_ns();
  }
  if (!label_errors.empty()) {
    std::vector<RowError> all;
    all.reserve(batch->errors.size() + label_errors.size());
    std::size_t a = 0, b = 0;
    while (a < batch->errors.size() || b < label_errors.size()) {
      if (b == label_errors.size() ||
          (a < batch->errors.size() && batch->errors[a].row < label_errors[b].row)) {
        all.push_back(std::move(batch->errors[a++]));
      } else {
        all.push_back(std::move(label_errors[b++]));
      }
    }
    batch->errors = std::move(all);
  }
  batch->t_end = monotonic_ns();
  return batch;
}

std::shared_ptr<NativeLabeler> make_labeler(const NativeEngine& e, const std::optional<std::string>& locale,
                                            bo::Instant now) {
  const std::string& loc = locale ? *locale : e.engine->policy().locale;
  return std::make_shared<NativeLabeler>(e.engine, loc, now);
}

py::tuple label_one(NativeLabeler& nl, py::handle item_obj, py::handle stock_obj, std::int64_t quantity) {
  bo::Item item;
  bo::StockPosition stock;
  Where w{};
  {
    py::object holder;
    At at{w, Part::item};
    PyObject* d = as_dict(item_obj.ptr(), holder, at, "item");
    Py_ssize_t found = read_item_fields(d, item, at);
    if (found != PyDict_GET_SIZE(d)) unknown_key(d, {BO_ITEM_KEYS}, at);
  }
  if (!stock_obj.is_none()) {
    py::object holder;
    At at{w, Part::stock};
    PyObject* d = as_dict(stock_obj.ptr(), holder, at, "stock");
    Py_ssize_t found = read_stock_fields(d, stock, at);
    if (PyObject* s = field(d, K.sku, found)) {
      if (as_str(s, at, "sku") != item.sku) bad(at, "sku", "does not match item.sku");
    }
    if (found != PyDict_GET_SIZE(d)) unknown_key(d, {BO_STOCK_KEYS, K.sku}, at);
  }
  bo::Label l;
  {
    // A single label is quick: keep the GIL, unless a batch holds this labeler.
    std::unique_lock<std::mutex> lock(nl.mu, std::try_to_lock);
    if (!lock.owns_lock()) {
      py::gil_scoped_release nogil;
      lock.lock();
    }
    l = nl.labeler.label(item, stock, quantity);
  }
  return label_tuple(l, item.sku);
}

// ---- promises: scenarios and changes read from Python values ------------------------------------

// Problems found while reading a scenario or a change; reported all at once, like core's JSON reader.
struct Issues {
  std::vector<bo::Issue> list;
  // Runs `f`, recording what it throws instead of stopping the read.
  template <class F>
  void guard(F&& f) {
    try {
      f();
    } catch (const bo::ValidationError& e) {
      list.insert(list.end(), e.issues().begin(), e.issues().end());
    } catch (const bo::Error& e) {
      list.push_back({e.path(), e.what()});
    }
  }
  void fail(std::string path, std::string message) { list.push_back({std::move(path), std::move(message)}); }
  bool ok() const { return list.empty(); }
};

PyTypeObject* g_timezone_type = nullptr;  // datetime.timezone (fixed offsets), set at import

// The offset of the last fixed-offset tzinfo seen: rows of one export share one tzinfo object.
struct TzCache {
  py::object tz;
  std::int64_t offset_ms = 0;
};

PyObject* tzinfo_of(PyObject* dt) {
#if PY_VERSION_HEX >= 0x030A0000
  return PyDateTime_DATE_GET_TZINFO(dt);
#else
  auto* d = reinterpret_cast<PyDateTime_DateTime*>(dt);
  return d->hastzinfo ? d->tzinfo : Py_None;
#endif
}

// An instant: a timezone-aware datetime or an ISO 8601 string with an offset.
template <class L>
bo::Instant read_instant(PyObject* v, const L& w, std::string_view name, TzCache& cache) {
  if (PyUnicode_Check(v)) return bo::parse_instant(as_str(v, w, name), w.at(name));
  py::object keep = py::reinterpret_borrow<py::object>(v);  // utcoffset() may mutate the row holding it
  if (!PyDateTime_Check(v)) {
    bad(w, name,
        "expected a timezone-aware datetime or an ISO 8601 string with an offset, not " + type_name(v));
  }
  PyObject* tz = tzinfo_of(v);
  const char* naive = "must be timezone-aware (a naive datetime has no offset)";
  if (tz == Py_None) bad(w, name, naive);
  std::int64_t offset_ms = 0;
  if (cache.tz && cache.tz.ptr() == tz) {
    offset_ms = cache.offset_ms;
  } else {
    py::object off = py::reinterpret_steal<py::object>(PyObject_CallMethod(v, "utcoffset", nullptr));
    if (!off) throw py::error_already_set();
    if (off.is_none() || !PyDelta_Check(off.ptr())) bad(w, name, naive);
    offset_ms = (static_cast<std::int64_t>(PyDateTime_DELTA_GET_DAYS(off.ptr())) * 86400 +
                 PyDateTime_DELTA_GET_SECONDS(off.ptr())) *
                    1000 +
                PyDateTime_DELTA_GET_MICROSECONDS(off.ptr()) / 1000;
    if (Py_TYPE(tz) == g_timezone_type) {
      cache.tz = py::reinterpret_borrow<py::object>(tz);
      cache.offset_ms = offset_ms;
    }
  }
  bo::Day day = bo::day_from_ymd(PyDateTime_GET_YEAR(v), static_cast<unsigned>(PyDateTime_GET_MONTH(v)),
                                 static_cast<unsigned>(PyDateTime_GET_DAY(v)));
  std::int64_t local = static_cast<std::int64_t>(day) * 86'400'000 +
                       PyDateTime_DATE_GET_HOUR(v) * 3'600'000LL + PyDateTime_DATE_GET_MINUTE(v) * 60'000LL +
                       PyDateTime_DATE_GET_SECOND(v) * 1000LL + PyDateTime_DATE_GET_MICROSECOND(v) / 1000;
  return local - offset_ms;
}

// A non-empty string field; `required` says whether it may be absent.
template <class L>
std::optional<std::string> read_id(PyObject* dict, PyObject* key, std::string_view name, const L& w,
                                   Py_ssize_t& found, bool required) {
  PyObject* v = field(dict, key, found);
  if (!v) {
    if (required) bad(w, name, "required");
    return std::nullopt;
  }
  std::string_view s = as_str(v, w, name);
  if (s.empty() && required) bad(w, name, "required");
  return std::string(s);
}

// Reports every unknown key of `dict` when it holds more keys than were recognised (`found` may fall short
// after a failed read, so the keys themselves decide).
template <class L>
void check_keys(PyObject* dict, Py_ssize_t found, std::initializer_list<PyObject*> known, const L& w,
                Issues& is) {
  if (found == PyDict_GET_SIZE(dict)) return;
  PyObject* key = nullptr;
  PyObject* val = nullptr;
  Py_ssize_t pos = 0;
  while (PyDict_Next(dict, &pos, &key, &val)) {
    if (!PyUnicode_Check(key)) {
      is.fail(w.at(""), "unknown field " + py::repr(key).cast<std::string>());
      continue;
    }
    bool ok = std::any_of(known.begin(), known.end(),
                          [&](PyObject* k) { return key == k || PyUnicode_Compare(key, k) == 0; });
    if (!ok) {
      const char* name = PyUnicode_AsUTF8(key);
      if (!name) throw py::error_already_set();
      is.fail(w.at(name), "unknown field");
    }
  }
}

// "expected": a date, a "YYYY-MM-DD" string, {"from": DATE, "to": DATE} or a (from, to) pair.
void read_arrival(PyObject* v, const Loc& w, bo::Supply& s) {
  if (PyDict_Check(v)) {
    Py_ssize_t found = 0;
    PyObject* from = field(v, K.from_, found);
    PyObject* to = field(v, K.to, found);
    if (found != PyDict_GET_SIZE(v)) {
      std::string base = w.at("expected");
      unknown_key(v, {K.from_, K.to}, Loc{base});
    }
    if (!from || !to) bad(w, "expected", "needs both from and to");
    py::object keep_from = py::reinterpret_borrow<py::object>(from);
    py::object keep_to = py::reinterpret_borrow<py::object>(to);
    s.arrive_from = read_day(from, w, "expected.from");
    s.arrive_to = read_day(to, w, "expected.to");
  } else if (PyTuple_Check(v) || PyList_Check(v)) {
    if (PySequence_Fast_GET_SIZE(v) != 2) bad(w, "expected", "expected a (from, to) pair");
    py::object keep_from = py::reinterpret_borrow<py::object>(PySequence_Fast_GET_ITEM(v, 0));
    py::object keep_to = py::reinterpret_borrow<py::object>(PySequence_Fast_GET_ITEM(v, 1));
    s.arrive_from = read_day(keep_from.ptr(), w, "expected[0]");
    s.arrive_to = read_day(keep_to.ptr(), w, "expected[1]");
  } else if (PyUnicode_Check(v) || PyDate_Check(v)) {
    s.arrive_from = s.arrive_to = read_day(v, w, "expected");
    return;
  } else {
    bad(w, "expected",
        "expected a date, a \"YYYY-MM-DD\" string, {\"from\": date, \"to\": date} or a (from, to) pair, "
        "not " +
            type_name(v));
  }
  if (s.arrive_from > s.arrive_to) bad(w, "expected", "from is after to");
}

bo::SupplyStatus read_status(PyObject* v, const Loc& w) {
  std::string_view s = as_str(v, w, "status");
  if (s == "confirmed") return bo::SupplyStatus::confirmed;
  if (s == "unconfirmed") return bo::SupplyStatus::unconfirmed;
  bad(w, "status", "expected \"confirmed\" or \"unconfirmed\"");
}

// The fields of a supply row (also a supply_added change); returns how many keys it recognised.
Py_ssize_t read_supply_fields(PyObject* d, const Loc& w, Issues& is, bo::Supply& s) {
  Py_ssize_t found = 0;
  is.guard([&] { s.id = *read_id(d, K.id, "id", w, found, true); });
  is.guard([&] { s.sku = *read_id(d, K.sku, "sku", w, found, true); });
  is.guard([&] {
    PyObject* v = field(d, K.quantity, found);
    if (!v) bad(w, "quantity", "required");
    s.quantity = as_int(v, w, "quantity");
  });
  is.guard([&] {
    PyObject* v = field(d, K.expected, found);
    if (!v) bad(w, "expected", "required: the expected arrival, a date or {\"from\", \"to\"}");
    read_arrival(v, w, s);
  });
  is.guard([&] {
    if (PyObject* v = field(d, K.status, found)) s.status = read_status(v, w);
  });
  is.guard([&] {
    if (auto v = read_id(d, K.supplier, "supplier", w, found, false)) s.supplier = std::move(*v);
  });
  return found;
}

// The fields of a waiting order line (also an order_placed change).
Py_ssize_t read_line_fields(PyObject* d, const Loc& w, Issues& is, bo::OrderLine& l, TzCache& tz) {
  Py_ssize_t found = 0;
  is.guard([&] { l.order_id = *read_id(d, K.order_id, "order_id", w, found, true); });
  is.guard([&] {
    if (auto v = read_id(d, K.line_id, "line_id", w, found, false))
      l.line_id = std::move(*v);
    else
      l.line_id = "1";
  });
  is.guard([&] { l.sku = *read_id(d, K.sku, "sku", w, found, true); });
  is.guard([&] {
    PyObject* v = field(d, K.quantity, found);
    if (!v) bad(w, "quantity", "required");
    l.quantity = as_int(v, w, "quantity");
  });
  is.guard([&] {
    PyObject* v = field(d, K.placed_at, found);
    if (!v) bad(w, "placed_at", "required: a timezone-aware datetime or an ISO 8601 time with an offset");
    l.placed_at = read_instant(v, w, "placed_at", tz);
  });
  is.guard([&] {
    if (PyObject* v = field(d, K.priority, found)) {
      std::int64_t p = as_int(v, w, "priority");
      if (p < -1000 || p > 1000) bad(w, "priority", "must be between -1000 and 1000");
      l.priority = static_cast<int>(p);
    }
  });
  is.guard([&] {
    if (auto v = read_id(d, K.zone, "zone", w, found, false)) l.zone = std::move(*v);
  });
  return found;
}

// Each element of `seq` (a list, a tuple or any iterable of mappings) read by `read(dict, loc, row)`.
template <class T, class F>
std::vector<T> read_rows(PyObject* seq, std::string_view name, const char* what, Issues& is, F read) {
  std::vector<T> out;
  if (PyUnicode_Check(seq) || PyBytes_Check(seq) || PyDict_Check(seq)) {
    is.fail(std::string(name), std::string("expected a list of ") + what + "s, not " + type_name(seq));
    return out;
  }
  // A tuple keeps every row alive whatever Python code (a mapping's keys(), an __index__) does meanwhile.
  py::object keep = py::reinterpret_borrow<py::object>(seq);
  py::object rows = py::reinterpret_steal<py::object>(PySequence_Tuple(seq));
  if (!rows) {
    if (!PyErr_ExceptionMatches(PyExc_TypeError)) throw py::error_already_set();
    PyErr_Clear();
    is.fail(std::string(name), std::string("expected a list of ") + what + "s, not " + type_name(seq));
    return out;
  }
  const Py_ssize_t n = PyTuple_GET_SIZE(rows.ptr());
  out.resize(static_cast<std::size_t>(n));
  for (Py_ssize_t i = 0; i < n; ++i) {
    Loc w{name, i};
    py::object holder;
    PyObject* d = nullptr;
    is.guard([&] { d = as_dict(PyTuple_GET_ITEM(rows.ptr(), i), holder, w, what); });
    if (d) read(d, w, out[static_cast<std::size_t>(i)]);
  }
  return out;
}

struct Scenario {
  bo::Facts facts;
  std::optional<bo::Instant> now;
};

// A scenario (docs/json.md#promises) from a mapping of Python values; `now` is read only when
// `read_now`. Collects every problem into `is`.
Scenario read_scenario(PyObject* obj, bool read_now, Issues& is) {
  Scenario sc;
  Loc top{""};
  py::object holder;
  PyObject* d = nullptr;
  is.guard([&] { d = as_dict(obj, holder, Loc{"scenario"}, "scenario"); });
  if (!d) return sc;
  TzCache tz;
  Py_ssize_t found = 0;
  PyObject* now = field(d, K.now, found);
  if (now && read_now) is.guard([&] { sc.now = read_instant(now, top, "now", tz); });
  if (PyObject* v = field(d, K.items, found)) {
    sc.facts.items =
        read_rows<bo::Item>(v, "items", "item", is, [&](PyObject* row, const Loc& w, bo::Item& it) {
          is.guard([&] {
            Py_ssize_t f = read_item_fields(row, it, w);
            if (f != PyDict_GET_SIZE(row)) unknown_key(row, {BO_ITEM_KEYS}, w);
          });
        });
  }
  if (PyObject* v = field(d, K.stock, found)) {
    sc.facts.stock = read_rows<bo::StockRow>(
        v, "stock", "stock row", is, [&](PyObject* row, const Loc& w, bo::StockRow& s) {
          Py_ssize_t f = 0;
          is.guard([&] { s.sku = *read_id(row, K.sku, "sku", w, f, true); });
          is.guard([&] { f += read_stock_fields(row, s.position, w); });
          check_keys(row, f, {K.sku, BO_STOCK_KEYS}, w, is);
        });
  }
  if (PyObject* v = field(d, K.supply, found)) {
    sc.facts.supply =
        read_rows<bo::Supply>(v, "supply", "supply row", is, [&](PyObject* row, const Loc& w, bo::Supply& s) {
          Py_ssize_t f = read_supply_fields(row, w, is, s);
          check_keys(row, f, {K.id, K.sku, K.quantity, K.expected, K.status, K.supplier}, w, is);
        });
  }
  if (PyObject* v = field(d, K.suppliers, found)) {
    sc.facts.suppliers = read_rows<bo::Supplier>(
        v, "suppliers", "supplier", is, [&](PyObject* row, const Loc& w, bo::Supplier& s) {
          Py_ssize_t f = 0;
          is.guard([&] { s.id = *read_id(row, K.id, "id", w, f, true); });
          is.guard([&] { (void)read_id(row, K.name, "name", w, f, false); });
          PyObject* late = field(row, K.lateness_days, f);
          if (late) {
            py::object keep = py::reinterpret_borrow<py::object>(late);
            py::object seq;
            if (!PyUnicode_Check(late) && !PyDict_Check(late))
              seq = py::reinterpret_steal<py::object>(PySequence_Tuple(late));
            if (!seq) {
              PyErr_Clear();
              is.fail(w.at("lateness_days"), "expected a list of whole days late (0 = on time)");
            } else {
              Py_ssize_t n = PyTuple_GET_SIZE(seq.ptr());
              std::string base = w.at("lateness_days");
              for (Py_ssize_t k = 0; k < n; ++k) {
                Loc lk{base, k};
                is.guard([&] {
                  std::int64_t x = as_int(PyTuple_GET_ITEM(seq.ptr(), k), lk, "");
                  if (x < -365 || x > 3650) bad(lk, "", "expected whole days between -365 and 3650");
                  s.lateness_days.push_back(static_cast<int>(x));
                });
              }
            }
          }
          check_keys(row, f, {K.id, K.name, K.lateness_days}, w, is);
        });
  }
  if (PyObject* v = field(d, K.orders, found)) {
    sc.facts.lines = read_rows<
        bo::OrderLine>(v, "orders", "order line", is, [&](PyObject* row, const Loc& w, bo::OrderLine& l) {
      Py_ssize_t f = read_line_fields(row, w, is, l, tz);
      check_keys(row, f, {K.order_id, K.line_id, K.sku, K.quantity, K.placed_at, K.priority, K.zone}, w, is);
    });
  }
  check_keys(d, found, {K.now, K.items, K.stock, K.supply, K.suppliers, K.orders}, top, is);
  return sc;
}

#define BO_CHANGE_TYPES                                                                       \
  "supply_changed, supply_added, supply_cancelled, stock_received, stock_set, order_placed, " \
  "order_cancelled"

// A change (docs/json.md#changes) from a mapping; paths start with "change.". Problems with the change
// itself raise ValidationError listing each; what the book refuses (an unknown id) raises Error.
bo::Change read_change(PyObject* obj) {
  Issues is;
  bo::Change c;
  const Loc w{"change"};
  py::object holder;
  PyObject* d = nullptr;
  Py_ssize_t found = 0;
  std::string_view type;
  is.guard([&] {
    d = as_dict(obj, holder, w, "change");
    PyObject* t = field(d, K.type, found);
    if (!t) bad(w, "type", "required: one of " BO_CHANGE_TYPES);
    type = as_str(t, w, "type");
  });
  if (!is.ok()) throw bo::ValidationError(std::move(is.list));
  using Kind = bo::Change::Kind;
  TzCache tz;
  if (type == "supply_changed" || type == "supply_cancelled") {
    c.kind = type == "supply_changed" ? Kind::supply_changed : Kind::supply_cancelled;
    is.guard([&] { c.supply.id = *read_id(d, K.id, "id", w, found, true); });
    if (c.kind == Kind::supply_changed) {
      is.guard([&] {
        if (PyObject* v = field(d, K.quantity, found)) {
          c.supply.quantity = as_int(v, w, "quantity");
          c.has_quantity = true;
        }
      });
      is.guard([&] {
        if (PyObject* v = field(d, K.expected, found)) {
          read_arrival(v, w, c.supply);
          c.has_arrival = true;
        }
      });
      is.guard([&] {
        if (PyObject* v = field(d, K.status, found)) {
          c.supply.status = read_status(v, w);
          c.has_status = true;
        }
      });
      check_keys(d, found, {K.type, K.id, K.quantity, K.expected, K.status}, w, is);
    } else {
      check_keys(d, found, {K.type, K.id}, w, is);
    }
  } else if (type == "supply_added") {
    c.kind = Kind::supply_added;
    found += read_supply_fields(d, w, is, c.supply);
    check_keys(d, found, {K.type, K.id, K.sku, K.quantity, K.expected, K.status, K.supplier}, w, is);
  } else if (type == "stock_received") {
    c.kind = Kind::stock_received;
    is.guard([&] { c.sku = *read_id(d, K.sku, "sku", w, found, true); });
    is.guard([&] {
      PyObject* v = field(d, K.quantity, found);
      if (!v) bad(w, "quantity", "required");
      c.quantity = as_int(v, w, "quantity");
    });
    is.guard([&] {
      if (auto v = read_id(d, K.supply_id, "supply_id", w, found, false)) c.supply_id = std::move(*v);
    });
    check_keys(d, found, {K.type, K.sku, K.quantity, K.supply_id}, w, is);
  } else if (type == "stock_set") {
    c.kind = Kind::stock_set;
    is.guard([&] { c.sku = *read_id(d, K.sku, "sku", w, found, true); });
    is.guard([&] { found += read_stock_fields(d, c.position, w); });
    check_keys(d, found, {K.type, K.sku, BO_STOCK_KEYS}, w, is);
  } else if (type == "order_placed") {
    c.kind = Kind::order_placed;
    found += read_line_fields(d, w, is, c.line, tz);
    check_keys(d, found, {K.type, K.order_id, K.line_id, K.sku, K.quantity, K.placed_at, K.priority, K.zone},
               w, is);
  } else if (type == "order_cancelled") {
    c.kind = Kind::order_cancelled;
    is.guard([&] { c.line.order_id = *read_id(d, K.order_id, "order_id", w, found, true); });
    is.guard([&] {
      if (auto v = read_id(d, K.line_id, "line_id", w, found, false)) c.line.line_id = std::move(*v);
    });
    check_keys(d, found, {K.type, K.order_id, K.line_id}, w, is);
  } else {
    is.fail(w.at("type"), "expected one of " BO_CHANGE_TYPES);
  }
  if (!is.ok()) throw bo::ValidationError(std::move(is.list));
  return c;
}

// Core's paths for a change are relative to it ("expected", "position.reserved"); the caller's are
// "change.expected", "change.reserved".
std::string change_path(const std::string& core_path) {
  std::string_view p = core_path;
  if (p.substr(0, 9) == "position.") p.remove_prefix(9);
  return p.empty() ? std::string("change") : "change." + std::string(p);
}

// ---- promises: the book and its answers as tuples -------------------------------------------------

// A PromiseBook that Python may share between threads: calls are serialised by `mu`, waited for with the
// GIL released (the same scheme as NativeLabeler).
struct NativeBook {
  std::shared_ptr<const bo::Engine> engine;
  std::unique_ptr<bo::PromiseBook> book;
  std::mutex mu;
  std::int64_t t_start = 0, t_released = 0, t_reacquired = 0, t_end = 0;
};

// Holds a book's lock; waits for it without the GIL.
class Hold {
 public:
  explicit Hold(NativeBook& b) : lock_(b.mu, std::try_to_lock) {
    if (!lock_.owns_lock()) {
      py::gil_scoped_release nogil;
      lock_.lock();
    }
  }

 private:
  std::unique_lock<std::mutex> lock_;
};

std::shared_ptr<NativeBook> book_from_facts(const NativeEngine& e, py::handle scenario,
                                            std::optional<bo::Instant> now_ms) {
  auto nb = std::make_shared<NativeBook>();
  nb->engine = e.engine;
  nb->t_start = monotonic_ns();
  Issues is;
  Scenario sc = read_scenario(scenario.ptr(), !now_ms.has_value(), is);
  if (now_ms) sc.now = now_ms;
  if (!sc.now && is.ok()) is.fail("now", "required: the moment to compute for");
  {
    py::gil_scoped_release nogil;
    nb->t_released = monotonic_ns();
    if (is.ok()) {
      nb->book = std::make_unique<bo::PromiseBook>(e.engine, std::move(sc.facts), *sc.now);
    } else {
      // Report what the book would object to as well, so one pass shows every problem.
      try {
        bo::PromiseBook(e.engine, std::move(sc.facts), sc.now.value_or(0));
      } catch (const bo::ValidationError& err) {
        for (const bo::Issue& i : err.issues()) {
          bool known = std::any_of(is.list.begin(), is.list.end(),
                                   [&](const bo::Issue& k) { return k.path == i.path; });
          if (!known) is.list.push_back(i);
        }
      } catch (const bo::Error&) {
      }
    }
    nb->t_reacquired = monotonic_ns();
  }
  if (!is.ok()) throw bo::ValidationError(std::move(is.list));
  nb->t_end = monotonic_ns();
  return nb;
}

std::shared_ptr<NativeBook> book_from_json(const NativeEngine& e, std::string_view json) {
  auto nb = std::make_shared<NativeBook>();
  nb->engine = e.engine;
  nb->t_start = monotonic_ns();
  {
    py::gil_scoped_release nogil;
    nb->t_released = monotonic_ns();
    nb->book = std::make_unique<bo::PromiseBook>(bo::promise_book_from_json(e.engine, json));
    nb->t_reacquired = monotonic_ns();
  }
  nb->t_end = monotonic_ns();
  return nb;
}

py::str str_of(std::string_view s) { return py::str(s.data(), s.size()); }

py::tuple window4(const bo::Window& w) { return py::make_tuple(w.from, w.to, w.min_days, w.max_days); }

// (ship, delivery, source, confidence, lines_ahead, units_ahead, late_supply)
py::tuple promise_tuple(const bo::LinePromise& p) {
  return py::make_tuple(window4(p.ship), window4(p.delivery), static_cast<int>(p.source),
                        static_cast<int>(p.confidence), p.lines_ahead, p.units_ahead, p.late_supply);
}

// Strings many lines share (skus, supply ids, line ids such as "1") made once per call.
struct StrCache {
  std::unordered_map<std::string_view, py::str> map;
  py::str get(std::string_view s) {
    auto it = map.find(s);
    if (it == map.end()) it = map.emplace(s, str_of(s)).first;
    return it->second;
  }
};

// (order_id, line_id, sku, quantity, ship, delivery, source, confidence, lines_ahead, units_ahead,
//  late_supply, parts) with parts as [(source, supply_id or None, quantity, from_day, to_day)].
py::tuple line_tuple(const bo::PromiseBook& b, std::size_t i, StrCache& strs) {
  bo::LineView l = b.line(i);
  const bo::LinePromise& p = b.promise(i);
  std::span<const bo::Part> parts = b.parts(i);
  py::list ps(parts.size());
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const bo::Part& part = parts[k];
    py::object supply = part.supply >= 0
                            ? py::object(strs.get(b.supply(static_cast<std::size_t>(part.supply)).id))
                            : py::object(py::none());
    ps[k] = py::make_tuple(static_cast<int>(part.source), supply, part.quantity, part.from, part.to);
  }
  return py::make_tuple(str_of(l.order_id), strs.get(l.line_id), strs.get(l.sku), l.quantity, window4(p.ship),
                        window4(p.delivery), static_cast<int>(p.source), static_cast<int>(p.confidence),
                        p.lines_ahead, p.units_ahead, p.late_supply, ps);
}

py::list book_lines(NativeBook& nb, std::optional<std::string> sku, std::optional<std::string> order_id) {
  Hold hold(nb);
  const bo::PromiseBook& b = *nb.book;
  if (sku && !b.item(*sku))
    throw bo::Error(bo::ErrorCode::not_found, "sku", "no item with sku \"" + *sku + "\"");
  StrCache strs;
  py::list out;
  for (std::size_t i = 0; i < b.line_count(); ++i) {
    if (!b.line_alive(i)) continue;
    if (sku || order_id) {
      bo::LineView l = b.line(i);
      if (sku && l.sku != *sku) continue;
      if (order_id && l.order_id != *order_id) continue;
    }
    out.append(line_tuple(b, i, strs));
  }
  return out;
}

// (sku, quantity, ship, delivery, source, confidence, lines_ahead, units_ahead, from_stock, late_supply,
//  supply_id or None)
py::tuple book_quote(NativeBook& nb, std::string_view sku, std::int64_t quantity, std::string_view zone) {
  Hold hold(nb);
  const bo::PromiseBook& b = *nb.book;
  bo::Quote q = b.quote(sku, quantity, zone);
  py::object supply = q.supply >= 0 ? py::object(str_of(b.supply(static_cast<std::size_t>(q.supply)).id))
                                    : py::object(py::none());
  return py::make_tuple(str_of(sku), quantity, window4(q.ship), window4(q.delivery),
                        static_cast<int>(q.source), static_cast<int>(q.confidence), q.lines_ahead,
                        q.units_ahead, q.from_stock, q.late_supply, supply);
}

// [(order_id, line_id, sku, removed, before, after or None)]
py::list book_apply(NativeBook& nb, py::handle change) {
  bo::Change c = read_change(change.ptr());
  std::vector<bo::Delta> deltas;
  {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(nb.mu);
    try {
      deltas = nb.book->apply(c);
    } catch (const bo::ValidationError& e) {
      std::vector<bo::Issue> issues = e.issues();
      for (bo::Issue& i : issues) i.path = change_path(i.path);
      throw bo::ValidationError(std::move(issues));
    } catch (const bo::Error& e) {
      throw bo::Error(e.code(), change_path(e.path()), e.what());
    }
  }
  StrCache strs;
  py::list out;
  for (const bo::Delta& d : deltas) {
    py::object after = d.removed ? py::object(py::none()) : py::object(promise_tuple(d.after));
    out.append(py::make_tuple(str_of(d.order_id), strs.get(d.line_id), strs.get(d.sku), d.removed,
                              promise_tuple(d.before), after));
  }
  return out;
}

// Labels for items of the book, windows from supply; kept native like a catalog batch.
std::shared_ptr<Batch> book_labels(NativeBook& nb, const std::optional<std::string>& locale,
                                   std::int64_t quantity, py::handle skus_obj) {
  auto batch = std::make_shared<Batch>();
  batch->t_start = monotonic_ns();
  std::vector<std::string> skus;
  bool all = skus_obj.is_none();
  if (!all) {
    if (PyUnicode_Check(skus_obj.ptr())) bad(Loc{"skus"}, "", "expected a list of skus, not a str");
    py::object seq = py::reinterpret_steal<py::object>(PySequence_Tuple(skus_obj.ptr()));
    if (!seq) throw py::error_already_set();
    Py_ssize_t n = PyTuple_GET_SIZE(seq.ptr());
    skus.reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; ++i)
      skus.emplace_back(as_str(PyTuple_GET_ITEM(seq.ptr(), i), Loc{"skus", i}, ""));
  }
  {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(nb.mu);
    batch->t_released = monotonic_ns();
    const bo::PromiseBook& b = *nb.book;
    if (all) {
      skus.reserve(b.item_count());
      for (std::size_t i = 0; i < b.item_count(); ++i) skus.push_back(b.item_at(i).sku);
    }
    for (std::size_t i = 0; i < skus.size(); ++i) {
      if (!b.item(skus[i])) {
        throw bo::Error(bo::ErrorCode::not_found, Loc{"skus", static_cast<std::ptrdiff_t>(i)}.at(""),
                        "no item with sku \"" + skus[i] + "\"");
      }
    }
    const std::string& loc = locale ? *locale : nb.engine->policy().locale;
    batch->labeler = std::make_shared<NativeLabeler>(nb.engine, loc, b.today().now);
    bo::Labeler& lab = batch->labeler->labeler;
    batch->labels.reserve(skus.size());
    for (const std::string& sku : skus) batch->labels.push_back(lab.label(b.availability(sku, quantity)));
    batch->ok.assign(skus.size(), 1);
    batch->skus = std::move(skus);
    batch->t_reacquired = monotonic_ns();
  }
  batch->t_end = monotonic_ns();
  return batch;
}

py::tuple book_label(NativeBook& nb, std::string_view sku, std::int64_t quantity,
                     const std::optional<std::string>& locale) {
  Hold hold(nb);
  const bo::PromiseBook& b = *nb.book;
  bo::Availability a = b.availability(sku, quantity);
  bo::Labeler lab(nb.engine, locale ? *locale : nb.engine->policy().locale, b.today().now);
  return label_tuple(lab.label(a), sku);
}

// ---- checkout: carts read from Python values, plans kept native until Python reads them ----------

// A cart ({"currency", "lines": [{"line_id", "sku", "quantity", "unit_price", "currency"}]}) and the
// customer ({"locale", "zone", "tier"}) from mappings; every problem goes into `is` with the path core's
// JSON reader would give ("cart.lines[1].quantity", "customer.locale").
bo::Cart read_cart(PyObject* cart_obj, PyObject* customer_obj, Issues& is) {
  bo::Cart cart;
  const Loc top{"cart"};
  py::object holder;
  PyObject* d = nullptr;
  is.guard([&] { d = as_dict(cart_obj, holder, top, "cart"); });
  if (d) {
    Py_ssize_t found = 0;
    is.guard([&] {
      PyObject* v = field(d, K.currency, found);
      if (!v) bad(top, "currency", "required: the ISO 4217 code the cart is priced in");
      cart.currency.assign(as_str(v, top, "currency"));
      if (cart.currency.empty()) bad(top, "currency", "required");
    });
    PyObject* lines = field(d, K.lines, found);
    if (!lines) {
      is.fail("cart.lines", "required: a list of lines");
    } else {
      cart.lines = read_rows<bo::CartLine>(
          lines, "cart.lines", "cart line", is, [&](PyObject* row, const Loc& w, bo::CartLine& l) {
            Py_ssize_t f = 0;
            is.guard([&] {
              if (auto v = read_id(row, K.line_id, "line_id", w, f, false))
                l.line_id = std::move(*v);
              else
                l.line_id = std::to_string(w.index + 1);
            });
            is.guard([&] { l.sku = *read_id(row, K.sku, "sku", w, f, true); });
            is.guard([&] {
              if (PyObject* v = field(row, K.quantity, f)) l.quantity = as_int(v, w, "quantity");
            });
            is.guard([&] {
              if (PyObject* v = field(row, K.unit_price, f)) l.unit_price = as_int(v, w, "unit_price");
            });
            is.guard([&] {
              if (PyObject* v = field(row, K.currency, f)) {
                if (as_str(v, w, "currency") != cart.currency)
                  bad(w, "currency", "a cart holds one currency (" + cart.currency + ")");
              }
            });
            check_keys(row, f, {K.line_id, K.sku, K.quantity, K.unit_price, K.currency}, w, is);
          });
    }
    check_keys(d, found, {K.currency, K.lines}, top, is);
  }
  if (customer_obj && customer_obj != Py_None) {
    const Loc cw{"customer"};
    py::object cholder;
    PyObject* c = nullptr;
    is.guard([&] { c = as_dict(customer_obj, cholder, cw, "customer"); });
    if (c) {
      Py_ssize_t found = 0;
      is.guard([&] {
        if (auto v = read_id(c, K.locale, "locale", cw, found, false)) cart.customer.locale = std::move(*v);
      });
      is.guard([&] {
        if (auto v = read_id(c, K.zone, "zone", cw, found, false)) cart.customer.zone = std::move(*v);
      });
      is.guard([&] {
        if (auto v = read_id(c, K.tier, "tier", cw, found, false)) cart.customer.tier = std::move(*v);
      });
      check_keys(c, found, {K.locale, K.zone, K.tier}, cw, is);
      if (!cart.customer.locale.empty() && !bo::is_known_locale(cart.customer.locale))
        is.fail("customer.locale", "unknown locale \"" + cart.customer.locale + "\"");
    }
  }
  return cart;
}

// A checkout plan kept native: Python reads its parts on demand. Label texts are copied out of the
// Labeler that made them, so the plan outlives it (and holds no pooled ICU formatters).
struct NativePlan {
  bo::CheckoutPlan plan;
  std::deque<bo::LabelText> texts;
  std::string now_iso;
  std::vector<std::string> authorization_expires;  // per strategy, ISO 8601 in the store's offset
  std::int64_t t_start = 0, t_released = 0, t_reacquired = 0, t_end = 0;
};

std::shared_ptr<NativePlan> plan_from_book(NativeBook& nb, py::handle cart_obj, py::handle customer_obj,
                                           const std::optional<std::string>& locale) {
  auto np = std::make_shared<NativePlan>();
  np->t_start = monotonic_ns();
  Issues is;
  bo::Cart cart = read_cart(cart_obj.ptr(), customer_obj.ptr(), is);
  if (locale && !locale->empty() && !bo::is_known_locale(*locale))
    is.fail("locale", "unknown locale \"" + *locale + "\"");
  {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(nb.mu);
    np->t_released = monotonic_ns();
    const bo::PromiseBook& book = *nb.book;
    // The shopper's language: the customer's, else the call's, else the policy's.
    std::string loc = !cart.customer.locale.empty() ? cart.customer.locale : locale.value_or("");
    if (!is.ok()) {
      // Report what core objects to as well (unknown skus, quantities, the currency), so one answer
      // lists every problem; a value already found bad (or inside one, like a line that is no dict)
      // keeps its own message.
      try {
        bo::Labeler lab(nb.engine, bo::is_known_locale(loc) ? loc : std::string(), book.today().now);
        (void)bo::plan_checkout(book, cart, lab);
      } catch (const bo::ValidationError& err) {
        for (const bo::Issue& i : err.issues()) {
          bool known = std::any_of(is.list.begin(), is.list.end(), [&](const bo::Issue& k) {
            return i.path.rfind(k.path, 0) == 0 &&
                   (i.path.size() == k.path.size() || i.path[k.path.size()] == '.');
          });
          if (!known) is.list.push_back(i);
        }
      } catch (const bo::Error&) {
      }
    } else {
      bo::Labeler lab(nb.engine, loc, book.today().now);
      np->plan = bo::plan_checkout(book, cart, lab);
      std::unordered_map<const bo::LabelText*, const bo::LabelText*> copied;
      auto own = [&](bo::Label& l) {
        if (!l.text) return;
        auto [it, fresh] = copied.try_emplace(l.text, nullptr);
        if (fresh) it->second = &np->texts.emplace_back(*l.text);
        l.text = it->second;
      };
      for (bo::PlanLine& pl : np->plan.lines) {
        own(pl.label);
        for (bo::Alternative& a : pl.alternatives) own(a.label);
      }
      const bo::Calendar& cal = nb.engine->calendar();
      np->now_iso = cal.format_local(np->plan.now);
      for (const bo::StrategyPlan& s : np->plan.strategies)
        np->authorization_expires.push_back(cal.format_local(s.payment.authorization_expires));
    }
    np->t_reacquired = monotonic_ns();
  }
  if (!is.ok()) throw bo::ValidationError(std::move(is.list));
  np->t_end = monotonic_ns();
  return np;
}

// (now_iso, locale, currency, policy_hash, subtotal, mixed, cost_difference, default_strategy,
//  recommended_strategy, recommendation, line_count, strategy_count)
py::tuple plan_summary(const NativePlan& np) {
  const bo::CheckoutPlan& p = np.plan;
  return py::make_tuple(np.now_iso, p.locale, p.currency, p.policy_hash, p.subtotal, p.mixed,
                        p.cost_difference, bo::strategy_name(p.default_strategy),
                        bo::strategy_name(p.recommended_strategy), p.recommendation, p.lines.size(),
                        p.strategies.size());
}

// [(line_id, sku, name, quantity, unit_price, amount, label, preorder, options, alternatives)] with
// options as [name] and alternatives as [(sku, name, price, label)], labels as label_tuple gives them.
py::list plan_lines(const NativePlan& np) {
  StrCache strs;
  py::list out(np.plan.lines.size());
  std::size_t k = 0;
  for (const bo::PlanLine& l : np.plan.lines) {
    py::list options(l.options.size());
    for (std::size_t i = 0; i < l.options.size(); ++i) options[i] = strs.get(bo::option_name(l.options[i]));
    py::list alternatives(l.alternatives.size());
    for (std::size_t i = 0; i < l.alternatives.size(); ++i) {
      const bo::Alternative& a = l.alternatives[i];
      alternatives[i] = py::make_tuple(strs.get(a.sku), str_of(a.name), a.price, label_tuple(a.label, a.sku));
    }
    out[k++] = py::make_tuple(str_of(l.line_id), strs.get(l.sku), str_of(l.name), l.quantity, l.unit_price,
                              l.amount, label_tuple(l.label, l.sku), l.preorder, options, alternatives);
  }
  return out;
}

// [(id, shipments, shipping_total, customer_pays, shop_pays, complete, payment, disclosure)] with
// shipments as [([(line_id, quantity)], ship, delivery, charge)] and payment as
// (advice, latest_ship_day, authorization_expires_iso).
py::list plan_strategies(const NativePlan& np) {
  StrCache strs;
  py::list out(np.plan.strategies.size());
  for (std::size_t k = 0; k < np.plan.strategies.size(); ++k) {
    const bo::StrategyPlan& s = np.plan.strategies[k];
    py::list shipments(s.shipments.size());
    for (std::size_t i = 0; i < s.shipments.size(); ++i) {
      const bo::Shipment& sh = s.shipments[i];
      py::list items(sh.items.size());
      for (std::size_t j = 0; j < sh.items.size(); ++j)
        items[j] = py::make_tuple(strs.get(sh.items[j].line_id), sh.items[j].quantity);
      shipments[i] = py::make_tuple(items, window4(sh.ship), window4(sh.delivery), sh.charge);
    }
    py::tuple payment =
        py::make_tuple(bo::payment_name(s.payment.kind), s.payment.latest_ship, np.authorization_expires[k]);
    out[k] = py::make_tuple(bo::strategy_name(s.id), shipments, s.shipping_total, s.customer_pays,
                            s.shop_pays, window4(s.complete), payment, s.disclosure);
  }
  return out;
}

// [(kind, line_id or None, text)]
py::list plan_disclosures(const NativePlan& np) {
  py::list out(np.plan.disclosures.size());
  for (std::size_t k = 0; k < np.plan.disclosures.size(); ++k) {
    const bo::Disclosure& d = np.plan.disclosures[k];
    py::object line = d.line_id.empty() ? py::object(py::none()) : py::object(str_of(d.line_id));
    out[k] = py::make_tuple(d.kind, line, d.text);
  }
  return out;
}

// ---- checkout parts as the package's frozen dataclasses -----------------------------------------
// Reading a 50-line plan makes some 300 objects (lines, labels, alternatives, windows, shipments). Built
// from tuples in Python they cost about 1 us each; here each is made as the package's Python made it
// (object.__new__, then the instance __dict__ set whole: the dataclass __init__ is skipped), without the
// interpreter in between. Equal windows and dates are shared within a call (they are immutable).
// `kinds` is backorder._checkout._KINDS: (PlanLine, Alternative, Label, Window, statuses by code,
// Strategy, Shipment, ShipmentItem, PaymentAdvice, Disclosure).

// Interned field names, made once and kept for the life of the process.
PyObject* key(const char* name) {
  PyObject* k = PyUnicode_InternFromString(name);
  if (!k) throw py::error_already_set();
  return k;
}

struct PartKeys {
  PyObject *from_date = key("from_date"), *to_date = key("to_date"), *min_days = key("min_days"),
           *max_days = key("max_days");
  PyObject *sku = key("sku"), *status = key("status"), *text = key("text"), *short_text = key("short_text"),
           *quantity = key("quantity"), *sellable = key("sellable"), *ship_now = key("ship_now"),
           *later = key("later"), *unavailable = key("unavailable"), *notify_me = key("notify_me"),
           *now_window = key("now_window"), *later_window = key("later_window"),
           *schema_org = key("schema_org"), *merchant_availability = key("merchant_availability"),
           *availability_date = key("availability_date");
  PyObject *line_id = key("line_id"), *name = key("name"), *unit_price = key("unit_price"),
           *amount = key("amount"), *label = key("label"), *preorder = key("preorder"),
           *options = key("options"), *alternatives = key("alternatives"), *price = key("price");
  PyObject *id = key("id"), *shipments = key("shipments"), *shipping_total = key("shipping_total"),
           *customer_pays = key("customer_pays"), *shop_pays = key("shop_pays"), *complete = key("complete"),
           *payment = key("payment"), *disclosure = key("disclosure"), *items = key("items"),
           *ship = key("ship"), *delivery = key("delivery"), *charge = key("charge"), *advice = key("advice"),
           *latest_ship = key("latest_ship"), *authorization_expires = key("authorization_expires"),
           *kind = key("kind");
};

const PartKeys& part_keys() {
  static const PartKeys* k = new PartKeys();  // never freed: the names outlive the module's last call
  return *k;
}

// civil date of a day count (days since 1970-01-01), H. Hinnant's civil_from_days
void ymd_of(bo::Day day, int& y, int& m, int& d) {
  const std::int64_t z = static_cast<std::int64_t>(day) + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

class PartBuilder {
 public:
  explicit PartBuilder(py::handle kinds) : k_(part_keys()) {
    py::tuple t = py::reinterpret_borrow<py::tuple>(kinds);
    if (t.size() != 10) throw py::value_error("checkout kinds: expected 10 entries");
    for (std::size_t i = 0; i < 10; ++i) kinds_[i] = t[i];
    for (std::size_t i = 0; i < 10; ++i)
      if (i != 4 && !PyType_Check(kinds_[i].ptr())) throw py::type_error("checkout kinds: expected classes");
    statuses_ = kinds_[4];
    if (!PyTuple_Check(statuses_.ptr()) || PyTuple_GET_SIZE(statuses_.ptr()) < 7)
      throw py::type_error("checkout kinds: expected the statuses by code 0-6 as a tuple");
  }

  enum Kind {
    plan_line,
    alternative,
    label_kind,
    window_kind,
    statuses,
    strategy,
    shipment,
    shipment_item,
    payment_advice,
    disclosure
  };

  // A new `kind` instance whose __dict__ is `d`.
  py::object make(Kind kind, py::dict&& d) {
    auto* type = reinterpret_cast<PyTypeObject*>(kinds_[kind].ptr());
    py::object obj = py::reinterpret_steal<py::object>(PyBaseObject_Type.tp_new(type, empty_.ptr(), nullptr));
    if (!obj) throw py::error_already_set();
    if (PyObject_GenericSetDict(obj.ptr(), d.ptr(), nullptr) < 0) throw py::error_already_set();
    return obj;
  }

  static void set(py::dict& d, PyObject* k, py::handle v) {
    if (PyDict_SetItem(d.ptr(), k, v.ptr()) < 0) throw py::error_already_set();
  }

  py::object date(bo::Day day) {
    auto [it, fresh] = dates_.try_emplace(day);
    if (fresh) {
      int y, m, dd;
      ymd_of(day, y, m, dd);
      it->second = py::reinterpret_steal<py::object>(PyDate_FromDate(y, m, dd));
      if (!it->second) throw py::error_already_set();
    }
    return it->second;
  }

  py::object window(const bo::Window& w) {
    auto [it, fresh] =
        windows_.try_emplace(std::array<std::int64_t, 4>{w.from, w.to, w.min_days, w.max_days});
    if (fresh) {
      py::dict d;
      set(d, k_.from_date, date(w.from));
      set(d, k_.to_date, date(w.to));
      set(d, k_.min_days, py::int_(w.min_days));
      set(d, k_.max_days, py::int_(w.max_days));
      it->second = make(window_kind, std::move(d));
    }
    return it->second;
  }

  py::object str(std::string_view s) {
    auto it = strs_.find(s);
    if (it == strs_.end()) it = strs_.emplace(s, py::str(s.data(), s.size())).first;
    return it->second;
  }

  // What Label._from_native makes of label_tuple(l, sku).
  py::object label(const bo::Label& l, std::string_view sku) {
    static const bo::LabelText no_text;
    const bo::Availability& a = l.availability;
    const bo::LabelText& t = l.text ? *l.text : no_text;  // both lvalues: no copy, views stay valid
    py::dict d;
    set(d, k_.sku, str(sku));
    set(d, k_.status, py::handle(PyTuple_GET_ITEM(statuses_.ptr(), static_cast<int>(a.status))));
    set(d, k_.text, str(t.text));
    set(d, k_.short_text, str(t.short_text));
    set(d, k_.quantity, py::int_(a.quantity));
    set(d, k_.sellable, py::int_(a.sellable));
    set(d, k_.ship_now, py::int_(a.ship_now));
    set(d, k_.later, py::int_(a.later));
    set(d, k_.unavailable, py::int_(a.unavailable));
    set(d, k_.notify_me, py::bool_(a.notify_me));
    set(d, k_.now_window, a.ship_now > 0 ? window(a.now_window) : py::object(py::none()));
    set(d, k_.later_window, a.later > 0 ? window(a.later_window) : py::object(py::none()));
    set(d, k_.schema_org, str(l.schema_org()));
    set(d, k_.merchant_availability, str(l.merchant()));
    set(d, k_.availability_date,
        t.availability_date.empty() ? py::object(py::none()) : str(t.availability_date));
    return make(label_kind, std::move(d));
  }

  const PartKeys& k_;

 private:
  py::object kinds_[10];
  py::object statuses_;
  py::tuple empty_ = py::tuple(0);
  std::unordered_map<bo::Day, py::object> dates_;
  std::map<std::array<std::int64_t, 4>, py::object> windows_;
  std::unordered_map<std::string_view, py::object> strs_;  // views into the plan, which outlives the call
};

py::tuple plan_line_objects(const NativePlan& np, py::handle kinds) {
  PartBuilder b(kinds);
  const PartKeys& k = b.k_;
  py::tuple out(np.plan.lines.size());
  std::size_t n = 0;
  for (const bo::PlanLine& l : np.plan.lines) {
    py::tuple options(l.options.size());
    for (std::size_t i = 0; i < l.options.size(); ++i) options[i] = b.str(bo::option_name(l.options[i]));
    py::tuple alternatives(l.alternatives.size());
    for (std::size_t i = 0; i < l.alternatives.size(); ++i) {
      const bo::Alternative& a = l.alternatives[i];
      py::dict d;
      PartBuilder::set(d, k.sku, b.str(a.sku));
      PartBuilder::set(d, k.name, b.str(a.name));
      PartBuilder::set(d, k.price, py::int_(a.price));
      PartBuilder::set(d, k.label, b.label(a.label, a.sku));
      alternatives[i] = b.make(PartBuilder::alternative, std::move(d));
    }
    py::dict d;
    PartBuilder::set(d, k.line_id, b.str(l.line_id));
    PartBuilder::set(d, k.sku, b.str(l.sku));
    PartBuilder::set(d, k.name, b.str(l.name));
    PartBuilder::set(d, k.quantity, py::int_(l.quantity));
    PartBuilder::set(d, k.unit_price, py::int_(l.unit_price));
    PartBuilder::set(d, k.amount, py::int_(l.amount));
    PartBuilder::set(d, k.label, b.label(l.label, l.sku));
    PartBuilder::set(d, k.preorder, py::bool_(l.preorder));
    PartBuilder::set(d, k.options, options);
    PartBuilder::set(d, k.alternatives, alternatives);
    out[n++] = b.make(PartBuilder::plan_line, std::move(d));
  }
  return out;
}

py::tuple plan_strategy_objects(const NativePlan& np, py::handle kinds) {
  PartBuilder b(kinds);
  const PartKeys& k = b.k_;
  py::tuple out(np.plan.strategies.size());
  for (std::size_t n = 0; n < np.plan.strategies.size(); ++n) {
    const bo::StrategyPlan& s = np.plan.strategies[n];
    py::tuple shipments(s.shipments.size());
    for (std::size_t i = 0; i < s.shipments.size(); ++i) {
      const bo::Shipment& sh = s.shipments[i];
      py::tuple items(sh.items.size());
      for (std::size_t j = 0; j < sh.items.size(); ++j) {
        py::dict d;
        PartBuilder::set(d, k.line_id, b.str(sh.items[j].line_id));
        PartBuilder::set(d, k.quantity, py::int_(sh.items[j].quantity));
        items[j] = b.make(PartBuilder::shipment_item, std::move(d));
      }
      py::dict d;
      PartBuilder::set(d, k.items, items);
      PartBuilder::set(d, k.ship, b.window(sh.ship));
      PartBuilder::set(d, k.delivery, b.window(sh.delivery));
      PartBuilder::set(d, k.charge, py::int_(sh.charge));
      shipments[i] = b.make(PartBuilder::shipment, std::move(d));
    }
    const std::string& expires = np.authorization_expires[n];
    py::object at = py::handle(reinterpret_cast<PyObject*>(PyDateTimeAPI->DateTimeType))
                        .attr("fromisoformat")(py::str(expires));
    py::dict p;
    PartBuilder::set(p, k.advice, b.str(bo::payment_name(s.payment.kind)));
    PartBuilder::set(p, k.latest_ship, b.date(s.payment.latest_ship));
    PartBuilder::set(p, k.authorization_expires, at);
    py::dict d;
    PartBuilder::set(d, k.id, b.str(bo::strategy_name(s.id)));
    PartBuilder::set(d, k.shipments, shipments);
    PartBuilder::set(d, k.shipping_total, py::int_(s.shipping_total));
    PartBuilder::set(d, k.customer_pays, py::int_(s.customer_pays));
    PartBuilder::set(d, k.shop_pays, py::int_(s.shop_pays));
    PartBuilder::set(d, k.complete, b.window(s.complete));
    PartBuilder::set(d, k.payment, b.make(PartBuilder::payment_advice, std::move(p)));
    PartBuilder::set(d, k.disclosure, b.str(s.disclosure));
    out[n] = b.make(PartBuilder::strategy, std::move(d));
  }
  return out;
}

py::tuple plan_disclosure_objects(const NativePlan& np, py::handle kinds) {
  PartBuilder b(kinds);
  const PartKeys& k = b.k_;
  py::tuple out(np.plan.disclosures.size());
  for (std::size_t n = 0; n < np.plan.disclosures.size(); ++n) {
    const bo::Disclosure& x = np.plan.disclosures[n];
    py::dict d;
    PartBuilder::set(d, k.kind, b.str(x.kind));
    PartBuilder::set(d, k.line_id, x.line_id.empty() ? py::object(py::none()) : b.str(x.line_id));
    PartBuilder::set(d, k.text, b.str(x.text));
    out[n] = b.make(PartBuilder::disclosure, std::move(d));
  }
  return out;
}

// The plan's lines, strategies and disclosures as the dicts of docs/json.md#checkout (what to_dict() of
// each part gives), made fresh on each call: (lines, strategies, disclosures).
class DictBuilder {
 public:
  py::dict dict() { return py::dict(); }
  static void set(py::dict& d, PyObject* k, py::handle v) { PartBuilder::set(d, k, v); }
  py::object str(std::string_view s) {
    auto it = strs_.find(s);
    if (it == strs_.end()) it = strs_.emplace(s, py::str(s.data(), s.size())).first;
    return it->second;
  }
  py::object day(bo::Day d) {
    auto [it, fresh] = days_.try_emplace(d);
    if (fresh) it->second = py::str(bo::format_day(d));
    return it->second;
  }
  py::dict window(const bo::Window& w) {
    py::dict d;
    set(d, k_.from, day(w.from));
    set(d, k_.to, day(w.to));
    set(d, p_.min_days, py::int_(w.min_days));
    set(d, p_.max_days, py::int_(w.max_days));
    return d;
  }
  py::dict label(const bo::Label& l, std::string_view sku) {
    static const bo::LabelText no_text;
    const bo::Availability& a = l.availability;
    const bo::LabelText& t = l.text ? *l.text : no_text;
    py::dict merchant;
    set(merchant, k_.availability, str(l.merchant()));
    if (!t.availability_date.empty()) set(merchant, p_.availability_date, str(t.availability_date));
    py::dict d;
    set(d, p_.sku, str(sku));
    set(d, p_.status, str(bo::status_name(a.status)));
    set(d, k_.status_code, py::int_(static_cast<int>(a.status)));
    set(d, p_.text, str(t.text));
    set(d, p_.short_text, str(t.short_text));
    set(d, p_.quantity, py::int_(a.quantity));
    set(d, p_.sellable, py::int_(a.sellable));
    set(d, p_.ship_now, py::int_(a.ship_now));
    set(d, p_.later, py::int_(a.later));
    set(d, p_.unavailable, py::int_(a.unavailable));
    set(d, p_.notify_me, py::bool_(a.notify_me));
    set(d, p_.now_window, a.ship_now > 0 ? py::object(window(a.now_window)) : py::object(py::none()));
    set(d, p_.later_window, a.later > 0 ? py::object(window(a.later_window)) : py::object(py::none()));
    set(d, p_.schema_org, str(l.schema_org()));
    set(d, k_.merchant, merchant);
    return d;
  }

  struct Keys {
    PyObject *from = key("from"), *to = key("to"), *availability = key("availability"),
             *status_code = key("status_code"), *merchant = key("merchant");
  };
  static const Keys& keys() {
    static const Keys* k = new Keys();  // never freed, as part_keys()
    return *k;
  }
  const Keys& k_ = keys();
  const PartKeys& p_ = part_keys();

 private:
  std::unordered_map<std::string_view, py::object> strs_;  // views into the plan or static names
  std::unordered_map<bo::Day, py::object> days_;
};

py::tuple plan_dicts(const NativePlan& np) {
  DictBuilder b;
  const PartKeys& k = b.p_;
  using B = DictBuilder;
  py::list lines(np.plan.lines.size());
  std::size_t n = 0;
  for (const bo::PlanLine& l : np.plan.lines) {
    py::list options(l.options.size());
    for (std::size_t i = 0; i < l.options.size(); ++i) options[i] = b.str(bo::option_name(l.options[i]));
    py::list alternatives(l.alternatives.size());
    for (std::size_t i = 0; i < l.alternatives.size(); ++i) {
      const bo::Alternative& a = l.alternatives[i];
      py::dict d;
      B::set(d, k.sku, b.str(a.sku));
      B::set(d, k.name, b.str(a.name));
      B::set(d, k.price, py::int_(a.price));
      B::set(d, k.label, b.label(a.label, a.sku));
      alternatives[i] = d;
    }
    py::dict d;
    B::set(d, k.line_id, b.str(l.line_id));
    B::set(d, k.sku, b.str(l.sku));
    B::set(d, k.name, b.str(l.name));
    B::set(d, k.quantity, py::int_(l.quantity));
    B::set(d, k.unit_price, py::int_(l.unit_price));
    B::set(d, k.amount, py::int_(l.amount));
    B::set(d, k.preorder, py::bool_(l.preorder));
    B::set(d, k.label, b.label(l.label, l.sku));
    B::set(d, k.options, options);
    B::set(d, k.alternatives, alternatives);
    lines[n++] = d;
  }
  py::list strategies(np.plan.strategies.size());
  for (std::size_t s_i = 0; s_i < np.plan.strategies.size(); ++s_i) {
    const bo::StrategyPlan& s = np.plan.strategies[s_i];
    py::list shipments(s.shipments.size());
    for (std::size_t i = 0; i < s.shipments.size(); ++i) {
      const bo::Shipment& sh = s.shipments[i];
      py::list items(sh.items.size());
      for (std::size_t j = 0; j < sh.items.size(); ++j) {
        py::dict d;
        B::set(d, k.line_id, b.str(sh.items[j].line_id));
        B::set(d, k.quantity, py::int_(sh.items[j].quantity));
        items[j] = d;
      }
      py::dict d;
      B::set(d, k.items, items);
      B::set(d, k.ship, b.window(sh.ship));
      B::set(d, k.delivery, b.window(sh.delivery));
      B::set(d, k.charge, py::int_(sh.charge));
      shipments[i] = d;
    }
    py::dict p;
    B::set(p, k.advice, b.str(bo::payment_name(s.payment.kind)));
    B::set(p, k.latest_ship, b.day(s.payment.latest_ship));
    B::set(p, k.authorization_expires, b.str(np.authorization_expires[s_i]));
    py::dict d;
    B::set(d, k.id, b.str(bo::strategy_name(s.id)));
    B::set(d, k.shipments, shipments);
    B::set(d, k.shipping_total, py::int_(s.shipping_total));
    B::set(d, k.customer_pays, py::int_(s.customer_pays));
    B::set(d, k.shop_pays, py::int_(s.shop_pays));
    B::set(d, k.complete, b.window(s.complete));
    B::set(d, k.payment, p);
    B::set(d, k.disclosure, b.str(s.disclosure));
    strategies[s_i] = d;
  }
  py::list disclosures(np.plan.disclosures.size());
  for (std::size_t i = 0; i < np.plan.disclosures.size(); ++i) {
    const bo::Disclosure& x = np.plan.disclosures[i];
    py::dict d;
    B::set(d, k.kind, b.str(x.kind));
    B::set(d, k.text, b.str(x.text));
    if (!x.line_id.empty()) B::set(d, k.line_id, b.str(x.line_id));
    disclosures[i] = d;
  }
  return py::make_tuple(lines, strategies, disclosures);
}

// ---- exceptions ---------------------------------------------------------------------------------

// Raises backorder.Error / backorder.ValidationError (defined in backorder/_errors.py) for core's errors.
void raise_python(const char* cls_name, const bo::Error& e, const std::vector<bo::Issue>* issues) {
  try {
    py::module_ errors = py::module_::import("backorder._errors");
    py::list list;
    if (issues) {
      for (const bo::Issue& i : *issues) list.append(py::make_tuple(i.path, i.message));
    }
    py::object cls = errors.attr(cls_name);
    py::object exc = cls(py::str(e.what()), py::arg("code") = static_cast<int>(e.code()),
                         py::arg("path") = e.path(), py::arg("issues") = list);
    PyErr_SetObject(cls.ptr(), exc.ptr());
  } catch (py::error_already_set& failed) {
    // The package is not importable (the module was loaded on its own): fall back to ValueError.
    std::string msg = e.path().empty() ? std::string(e.what()) : e.path() + ": " + e.what();
    PyErr_SetString(PyExc_ValueError, msg.c_str());
  }
}

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const bo::ValidationError& e) {
    raise_python("ValidationError", e, &e.issues());
  } catch (const bo::Error& e) {
    raise_python("Error", e, nullptr);
  }
}

const char* day_unit_name(bo::DayUnit u) { return u == bo::DayUnit::business ? "business" : "calendar"; }

}  // namespace

PYBIND11_MODULE(_native, m) {
  m.doc() = "Backorder's native layer (bound to core's C++ API). Use the `backorder` package instead.";
  PyDateTime_IMPORT;
  if (!PyDateTimeAPI) throw py::error_already_set();
  init_keys();
  py::register_exception_translator(&translate);

  m.attr("__version__") = BO_VERSION;
  m.attr("ABI_VERSION") = BO_ABI_VERSION;
  m.def(
      "abi_version", [] { return BO_ABI_VERSION; }, "The C ABI version this build corresponds to.");

  m.def(
      "validate_policy",
      [](std::string_view json) {
        std::vector<bo::Issue> issues = bo::validate_policy(json);
        py::list out;
        for (const bo::Issue& i : issues) out.append(py::make_tuple(i.path, i.message));
        return out;
      },
      py::arg("policy_json"), "Every problem in a policy document as (path, message) pairs; [] when valid.");
  m.def(
      "validate_policy_json", [](std::string_view json) { return bo::validate_policy_json(json); },
      py::arg("policy_json"));
  m.def(
      "parse_instant",
      [](std::string_view iso, const std::string& path) { return bo::parse_instant(iso, path); },
      py::arg("iso"), py::arg("path") = "now",
      "ISO 8601 instant with offset -> milliseconds since the epoch.");
  m.def(
      "parse_day", [](std::string_view iso, const std::string& path) { return bo::parse_day(iso, path); },
      py::arg("iso"), py::arg("path") = "date");
  m.def("format_day", &bo::format_day, py::arg("day"));
  m.def("is_known_locale", &bo::is_known_locale, py::arg("tag"));
  m.def("status_name", [](int code) { return bo::status_name(static_cast<bo::Status>(code)); });

  py::class_<NativeEngine>(m, "Engine")
      .def(py::init(
               [](std::string_view policy_json) { return NativeEngine{bo::Engine::from_json(policy_json)}; }),
           py::arg("policy_json"))
      .def_property_readonly("version", [](const NativeEngine& e) { return e.engine->policy().version; })
      .def_property_readonly("shop", [](const NativeEngine& e) { return e.engine->policy().shop; })
      .def_property_readonly("locale", [](const NativeEngine& e) { return e.engine->policy().locale; })
      .def_property_readonly(
          "currency", [](const NativeEngine& e) { return std::string(e.engine->policy().currency.view()); })
      .def_property_readonly("currency_exponent",
                             [](const NativeEngine& e) { return e.engine->policy().currency.exponent; })
      .def_property_readonly("time_zone",
                             [](const NativeEngine& e) { return e.engine->policy().calendar.time_zone; })
      .def_property_readonly(
          "day_unit",
          [](const NativeEngine& e) { return day_unit_name(e.engine->policy().availability.day_unit); })
      .def_property_readonly(
          "low_stock_threshold",
          [](const NativeEngine& e) { return e.engine->policy().availability.low_stock_threshold; })
      .def_property_readonly("backorders",
                             [](const NativeEngine& e) { return e.engine->policy().availability.backorders; })
      .def_property_readonly(
          "max_backorder",
          [](const NativeEngine& e) { return e.engine->policy().availability.max_backorder; })
      .def_property_readonly("lead_time_days",
                             [](const NativeEngine& e) {
                               const auto& a = e.engine->policy().availability;
                               return std::make_pair(a.lead_min_days, a.lead_max_days);
                             })
      .def(
          "message",
          [](const NativeEngine& e, std::string_view locale,
             std::string_view key) -> std::optional<std::string> {
            const std::string* s = e.engine->message(locale, key);
            if (!s) return std::nullopt;
            return *s;
          },
          py::arg("locale"), py::arg("key"))
      .def(
          "label_json",
          [](const NativeEngine& e, std::string_view request) { return bo::label_json(e.engine, request); },
          py::arg("request_json"), "core's wire label call (docs/json.md), for checks and debugging")
      .def(
          "labels_json",
          [](const NativeEngine& e, std::string_view request) {
            std::string out;
            {
              py::gil_scoped_release nogil;
              out = bo::labels_json(e.engine, request);
            }
            return out;
          },
          py::arg("request_json"))
      .def(
          "checkout_json",
          [](const NativeEngine& e, std::string_view request) {
            std::string out;
            {
              py::gil_scoped_release nogil;
              out = bo::checkout_json(e.engine, request);
            }
            return out;
          },
          py::arg("request_json"), "core's JSON checkout call with the facts (docs/json.md#checkout)")
      .def(
          "remedies_json",
          [](const NativeEngine& e, std::string_view request) {
            return bo::remedies_json(*e.engine, request);
          },
          py::arg("request_json"),
          "core's remedies call (docs/remedies.md): a delayed order's case in, the decision out")
      .def(
          "labeler",
          [](const NativeEngine& e, std::optional<std::string> locale, bo::Instant now_ms) {
            return make_labeler(e, locale, now_ms);
          },
          py::arg("locale"), py::arg("now_ms"));
  bo_py::bind_store(m);

  // Kept for the life of the process, like the interned keys.
  g_timezone_type = reinterpret_cast<PyTypeObject*>(
      py::object(py::module_::import("datetime").attr("timezone")).release().ptr());

  m.def(
      "promise_book", &book_from_facts, py::arg("engine"), py::arg("scenario"), py::arg("now_ms"),
      "A PromiseBook from a scenario mapping of Python values (now_ms, when given, overrides its \"now\").");
  m.def(
      "promise_book_json",
      [](const NativeEngine& e, std::string_view json) { return book_from_json(e, json); }, py::arg("engine"),
      py::arg("scenario_json"),
      "A PromiseBook from a scenario document, read by core (docs/json.md#promises).");

  py::class_<NativeBook, std::shared_ptr<NativeBook>>(m, "PromiseBook")
      .def_property_readonly("now_ms", [](NativeBook& b) { return b.book->today().now; })
      .def_property_readonly("today", [](NativeBook& b) { return b.book->today().day; })
      .def("skus",
           [](NativeBook& b) {
             Hold hold(b);
             py::list out;
             for (std::size_t i = 0; i < b.book->item_count(); ++i)
               out.append(py::str(b.book->item_at(i).sku));
             return out;
           })
      .def("line_count",
           [](NativeBook& b) {
             Hold hold(b);
             std::size_t n = 0;
             for (std::size_t i = 0; i < b.book->line_count(); ++i) n += b.book->line_alive(i) ? 1 : 0;
             return n;
           })
      .def("lines", &book_lines, py::arg("sku"), py::arg("order_id"))
      .def(
          "line",
          [](NativeBook& b, std::string_view order_id, std::string_view line_id) -> py::object {
            Hold hold(b);
            auto i = b.book->find_line(order_id, line_id);
            if (!i) return py::none();
            StrCache strs;
            return line_tuple(*b.book, *i, strs);
          },
          py::arg("order_id"), py::arg("line_id"))
      .def("supply",
           [](NativeBook& b) {
             Hold hold(b);
             py::list out;
             for (std::size_t i = 0; i < b.book->supply_count(); ++i) {
               if (!b.book->supply_open(i)) continue;  // cancelled or fully received
               const bo::Supply& s = b.book->supply(i);
               out.append(py::make_tuple(py::str(s.id), py::str(s.sku), s.quantity,
                                         window4(b.book->supply_window(i))));
             }
             return out;
           })
      .def("quote", &book_quote, py::arg("sku"), py::arg("quantity"), py::arg("zone"))
      .def("apply", &book_apply, py::arg("change"))
      .def("labels", &book_labels, py::arg("locale"), py::arg("quantity"), py::arg("skus"))
      .def("label", &book_label, py::arg("sku"), py::arg("quantity"), py::arg("locale"))
      .def(
          "promises_json",
          [](NativeBook& b) {
            std::string out;
            {
              py::gil_scoped_release nogil;
              std::lock_guard<std::mutex> lock(b.mu);
              out = bo::promises_json(*b.book);
            }
            return out;
          },
          "core's JSON for every line and supply (docs/json.md), for checks")
      .def(
          "quote_json",
          [](NativeBook& b, std::string_view request) {
            Hold hold(b);
            return bo::quote_json(*b.book, request);
          },
          py::arg("request_json"))
      .def(
          "apply_json",
          [](NativeBook& b, std::string_view change) {
            std::string out;
            {
              py::gil_scoped_release nogil;
              std::lock_guard<std::mutex> lock(b.mu);
              out = bo::apply_json(*b.book, change);
            }
            return out;
          },
          py::arg("change_json"))
      .def(
          "labels_json",
          [](NativeBook& b, std::string_view request) {
            std::string out;
            {
              py::gil_scoped_release nogil;
              std::lock_guard<std::mutex> lock(b.mu);
              out = bo::book_labels_json(*b.book, request);
            }
            return out;
          },
          py::arg("request_json"))
      .def("checkout", &plan_from_book, py::arg("cart"), py::arg("customer"), py::arg("locale"),
           "A checkout plan for a cart (a mapping) at the book's moment; the GIL is released while core "
           "plans.")
      .def(
          "checkout_json",
          [](NativeBook& b, std::string_view request) {
            std::string out;
            {
              py::gil_scoped_release nogil;
              std::lock_guard<std::mutex> lock(b.mu);
              out = bo::book_checkout_json(*b.book, request);
            }
            return out;
          },
          py::arg("request_json"), "core's JSON checkout call for the book (docs/json.md#checkout)")
      .def("timing_ns", [](const NativeBook& b) {
        // Monotonic instants: call start, GIL released (facts converted), GIL re-acquired (book built), end.
        return py::make_tuple(b.t_start, b.t_released, b.t_reacquired, b.t_end);
      });

  py::class_<NativePlan, std::shared_ptr<NativePlan>>(m, "CheckoutPlan")
      .def("summary", &plan_summary)
      .def("lines", &plan_lines)
      .def("strategies", &plan_strategies)
      .def("disclosures", &plan_disclosures)
      .def("line_objects", &plan_line_objects, py::arg("kinds"))
      .def("strategy_objects", &plan_strategy_objects, py::arg("kinds"))
      .def("disclosure_objects", &plan_disclosure_objects, py::arg("kinds"))
      .def("dicts", &plan_dicts)
      .def("timing_ns", [](const NativePlan& p) {
        // Monotonic instants: call start, GIL released (cart converted), GIL re-acquired (planned), end.
        return py::make_tuple(p.t_start, p.t_released, p.t_reacquired, p.t_end);
      });

  m.def(
      "consent_json", [](std::string_view request) { return bo::consent_json(request); },
      py::arg("request_json"), "core's consent record for {\"plan\", \"choice\", \"now\"} (docs/json.md)");
  m.def(
      "consent_check_json", [](std::string_view record) { return bo::consent_check_json(record); },
      py::arg("record_json"), "A stored consent record checked and returned in canonical form.");

  py::class_<NativeLabeler, std::shared_ptr<NativeLabeler>>(m, "Labeler")
      .def_property_readonly("locale",
                             [](NativeLabeler& l) {
                               std::lock_guard<std::mutex> lock(l.mu);
                               return l.labeler.locale();
                             })
      .def_property_readonly("now_ms", [](const NativeLabeler& l) { return l.now_ms; })
      .def_property_readonly("today", [](const NativeLabeler& l) { return l.labeler.today().day; })
      .def(
          "label",
          [](NativeLabeler& l, py::handle item, py::handle stock, std::int64_t quantity) {
            return label_one(l, item, stock, quantity);
          },
          py::arg("item"), py::arg("stock"), py::arg("quantity"))
      .def(
          "labels",
          [](std::shared_ptr<NativeLabeler> l, py::handle rows, std::int64_t quantity) {
            return run_batch(std::move(l), rows, quantity);
          },
          py::arg("rows"), py::arg("quantity"));

  py::class_<Batch, std::shared_ptr<Batch>>(m, "Batch")
      .def("__len__", &Batch::size)
      .def(
          "row",
          [](const Batch& b, Py_ssize_t i) -> py::object {
            std::size_t k = b.check(i);
            if (!b.ok[k]) return py::none();
            return label_tuple(b.labels[k], b.skus[k]);
          },
          py::arg("index"))
      .def(
          "row_json",
          [](const Batch& b, Py_ssize_t i) -> py::object {
            std::size_t k = b.check(i);
            if (!b.ok[k]) return py::none();
            return py::str(bo::label_to_json(b.labels[k], b.skus[k]));
          },
          py::arg("index"), "core's JSON for one row (docs/json.md), for checks")
      .def(
          "is_ok", [](const Batch& b, Py_ssize_t i) { return b.ok[b.check(i)] != 0; }, py::arg("index"))
      .def_property_readonly("error_count", [](const Batch& b) { return b.errors.size(); })
      .def("errors",
           [](const Batch& b) {
             py::list out;
             for (const RowError& e : b.errors) {
               py::object sku = e.sku ? py::object(py::str(*e.sku)) : py::object(py::none());
               out.append(py::make_tuple(e.row, sku, e.path, e.message));
             }
             return out;
           })
      .def("texts",
           [](const Batch& b) {
             return b.shared_strings([](const bo::Label& l) -> const void* { return l.text; }, text_of);
           })
      .def("short_texts",
           [](const Batch& b) {
             return b.shared_strings([](const bo::Label& l) -> const void* { return l.text; }, short_of);
           })
      .def("availability_dates",
           [](const Batch& b) {
             std::unordered_map<const void*, py::object> cache;
             return b.column([&](std::size_t i) -> PyObject* {
               const bo::LabelText* t = b.labels[i].text;
               PyObject* o;
               if (!t || t->availability_date.empty()) {
                 o = Py_None;
               } else {
                 auto it = cache.find(t);
                 if (it == cache.end()) it = cache.emplace(t, py::str(t->availability_date)).first;
                 o = it->second.ptr();
               }
               Py_INCREF(o);
               return o;
             });
           })
      .def("skus",
           [](const Batch& b) {
             return b.column([&](std::size_t i) {
               return PyUnicode_FromStringAndSize(b.skus[i].data(),
                                                  static_cast<Py_ssize_t>(b.skus[i].size()));
             });
           })
      .def(
          "statuses",
          [](const Batch& b, py::sequence table) {
            // table[code] is the object for that status code (the package's Status members).
            std::vector<py::object> by_code;
            for (py::handle h : table) by_code.push_back(py::reinterpret_borrow<py::object>(h));
            return b.column([&](std::size_t i) -> PyObject* {
              std::size_t c = static_cast<std::size_t>(b.labels[i].availability.status);
              PyObject* o = c < by_code.size() ? by_code[c].ptr() : Py_None;
              Py_INCREF(o);
              return o;
            });
          },
          py::arg("table"))
      .def("status_codes",
           [](const Batch& b) {
             return b.ints([](const bo::Label& l) { return static_cast<int>(l.availability.status); });
           })
      .def("quantities",
           [](const Batch& b) { return b.ints([](const bo::Label& l) { return l.availability.quantity; }); })
      .def("sellable",
           [](const Batch& b) { return b.ints([](const bo::Label& l) { return l.availability.sellable; }); })
      .def("ship_now",
           [](const Batch& b) { return b.ints([](const bo::Label& l) { return l.availability.ship_now; }); })
      .def("later",
           [](const Batch& b) { return b.ints([](const bo::Label& l) { return l.availability.later; }); })
      .def("unavailable",
           [](const Batch& b) {
             return b.ints([](const bo::Label& l) { return l.availability.unavailable; });
           })
      .def("notify_me",
           [](const Batch& b) {
             return b.column([&](std::size_t i) -> PyObject* {
               PyObject* o = b.labels[i].availability.notify_me ? Py_True : Py_False;
               Py_INCREF(o);
               return o;
             });
           })
      .def("schema_org",
           [](const Batch& b) {
             return b.shared_strings([](const bo::Label& l) -> const void* { return l.schema_org(); },
                                     [](const bo::Label& l) { return std::string_view(l.schema_org()); });
           })
      .def("merchant_availability",
           [](const Batch& b) {
             return b.shared_strings([](const bo::Label& l) -> const void* { return l.merchant(); },
                                     [](const bo::Label& l) { return std::string_view(l.merchant()); });
           })
      .def("timing_ns", [](const Batch& b) {
        // Monotonic (time.monotonic_ns) instants: call start, GIL released, GIL re-acquired, call end.
        return py::make_tuple(b.t_start, b.t_released, b.t_reacquired, b.t_end);
      });

  // ---- refunds: core's JSON call; the package (backorder/_refunds.py) builds the request and the results
  m.def(
      "refund_json",
      [](const NativeEngine& e, std::string_view request) {
        std::string out;
        {
          py::gil_scoped_release nogil;
          out = bo::refund_json(*e.engine, request);
        }
        return out;
      },
      py::arg("engine"), py::arg("request_json"), "core's refund quote for a request (docs/json.md#refunds)");

  // ---- compliance (docs/compliance.md): JSON in and out; the package makes Finding objects -------------
  m.def(
      "check_listing_json",
      [](const NativeEngine& e, std::string_view request) {
        py::gil_scoped_release nogil;
        return bo::check_listing_json(*e.engine, request);
      },
      py::arg("engine"), py::arg("request_json"));
  m.def(
      "check_order_json",
      [](const NativeEngine& e, std::string_view request) {
        py::gil_scoped_release nogil;
        return bo::check_order_json(*e.engine, request);
      },
      py::arg("engine"), py::arg("request_json"));
  m.def(
      "rule_packs_json", [](const NativeEngine& e) { return bo::rule_packs_json(*e.engine); },
      py::arg("engine"));
}
