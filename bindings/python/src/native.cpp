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

#include <chrono>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "backorder.h"  // version macros only; this module links core, not the C ABI
#include "backorder/availability.hpp"
#include "backorder/calendar.hpp"
#include "backorder/engine.hpp"
#include "backorder/error.hpp"
#include "backorder/labels.hpp"
#include "backorder/policy.hpp"
#include "backorder/wire.hpp"

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

[[noreturn]] void bad(const Where& w, Part part, std::string_view field, const std::string& message) {
  throw bo::Error(bo::ErrorCode::invalid, w.at(part, field), message);
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

std::int64_t as_int(PyObject* v, const Where& w, Part part, std::string_view name) {
  if (PyBool_Check(v)) bad(w, part, name, "expected an integer, not bool");
  PyObject* owned = nullptr;
  if (!PyLong_Check(v)) {
    if (!PyIndex_Check(v)) bad(w, part, name, "expected an integer, not " + type_name(v));
    py::object keep = py::reinterpret_borrow<py::object>(v);  // __index__ may mutate the row
    owned = PyNumber_Index(v);                                // numpy integers and friends
    if (!owned) {
      PyErr_Clear();
      bad(w, part, name, "expected an integer, not " + type_name(v));
    }
    v = owned;
  }
  int overflow = 0;
  long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
  Py_XDECREF(owned);
  if (overflow != 0) bad(w, part, name, "out of range");
  if (x == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    bad(w, part, name, "expected an integer");
  }
  return static_cast<std::int64_t>(x);
}

int as_int32(PyObject* v, const Where& w, Part part, std::string_view name) {
  std::int64_t x = as_int(v, w, part, name);
  if (x < INT32_MIN || x > INT32_MAX) bad(w, part, name, "out of range");
  return static_cast<int>(x);
}

bool as_bool(PyObject* v, const Where& w, Part part, std::string_view name) {
  if (v == Py_True) return true;
  if (v == Py_False) return false;
  bad(w, part, name, "expected true or false, not " + type_name(v));
}

std::string_view as_str(PyObject* v, const Where& w, Part part, std::string_view name) {
  if (!PyUnicode_Check(v)) bad(w, part, name, "expected a string, not " + type_name(v));
  Py_ssize_t n = 0;
  const char* s = PyUnicode_AsUTF8AndSize(v, &n);
  if (!s) {
    PyErr_Clear();
    bad(w, part, name, "is not valid UTF-8");
  }
  return {s, static_cast<std::size_t>(n)};
}

void read_lead_time(PyObject* v, bo::Item& item, const Where& w, Part part) {
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
          bad(w, part, "lead_time_days", "unknown field " + py::repr(key).cast<std::string>());
        if (PyUnicode_Compare(key, K.min) != 0 && PyUnicode_Compare(key, K.max) != 0) {
          bad(w, part, std::string("lead_time_days.") + PyUnicode_AsUTF8(key), "unknown field");
        }
      }
    }
    if (!lo) bad(w, part, "lead_time_days.min", "required");
    if (!hi) bad(w, part, "lead_time_days.max", "required");
  } else if (PyTuple_Check(v) || PyList_Check(v)) {
    if (PySequence_Fast_GET_SIZE(v) != 2) bad(w, part, "lead_time_days", "expected a (min, max) pair");
    lo = PySequence_Fast_GET_ITEM(v, 0);
    hi = PySequence_Fast_GET_ITEM(v, 1);
  } else {
    bad(w, part, "lead_time_days",
        "expected {\"min\": int, \"max\": int} or a (min, max) pair, not " + type_name(v));
  }
  keep_lo = py::reinterpret_borrow<py::object>(lo);
  keep_hi = py::reinterpret_borrow<py::object>(hi);
  item.lead_min_days = as_int32(lo, w, part, "lead_time_days.min");
  item.lead_max_days = as_int32(hi, w, part, "lead_time_days.max");
}

bo::Day read_day(PyObject* v, const Where& w, Part part, std::string_view name) {
  if (PyUnicode_Check(v)) return bo::parse_day(as_str(v, w, part, name), w.at(part, name));
  if (PyDateTime_Check(v)) bad(w, part, name, "expected a date, not a datetime");
  if (PyDate_Check(v)) {
    return bo::day_from_ymd(PyDateTime_GET_YEAR(v), static_cast<unsigned>(PyDateTime_GET_MONTH(v)),
                            static_cast<unsigned>(PyDateTime_GET_DAY(v)));
  }
  bad(w, part, name, "expected a date or a \"YYYY-MM-DD\" string, not " + type_name(v));
}

// Reports the first key of `dict` that is not one of `known` (called only when there is one).
[[noreturn]] void unknown_key(PyObject* dict, std::initializer_list<PyObject*> known, const Where& w,
                              Part part) {
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
      if (!ok) bad(w, part, PyUnicode_AsUTF8(key), "unknown field");
    } else {
      bad(w, part, "", "unknown field " + py::repr(key).cast<std::string>());
    }
  }
  bad(w, part, "", "unknown field");
}

// Item fields of `dict` into `item`; returns how many keys it recognised.
Py_ssize_t read_item_fields(PyObject* dict, bo::Item& item, const Where& w, Part part) {
  Py_ssize_t found = 0;
  PyObject* v = field(dict, K.sku, found);
  if (!v) bad(w, part, "sku", "required");
  std::string_view sku = as_str(v, w, part, "sku");
  if (sku.empty()) bad(w, part, "sku", "must not be empty");
  item.sku.assign(sku);
  if ((v = field(dict, K.name, found))) as_str(v, w, part, "name");
  if ((v = field(dict, K.backorders, found))) item.backorders = as_bool(v, w, part, "backorders");
  if ((v = field(dict, K.lead_time_days, found))) read_lead_time(v, item, w, part);
  if ((v = field(dict, K.release_date, found))) item.release_date = read_day(v, w, part, "release_date");
  if ((v = field(dict, K.discontinued, found))) item.discontinued = as_bool(v, w, part, "discontinued");
  if ((v = field(dict, K.max_backorder, found))) {
    item.max_backorder = as_int(v, w, part, "max_backorder");
  }
  if ((v = field(dict, K.low_stock_threshold, found))) {
    item.low_stock_threshold = as_int(v, w, part, "low_stock_threshold");
  }
  return found;
}

Py_ssize_t read_stock_fields(PyObject* dict, bo::StockPosition& s, const Where& w, Part part) {
  Py_ssize_t found = 0;
  PyObject* v = nullptr;
  if ((v = field(dict, K.on_hand, found))) s.on_hand = as_int(v, w, part, "on_hand");
  if ((v = field(dict, K.reserved, found))) s.reserved = as_int(v, w, part, "reserved");
  if ((v = field(dict, K.safety_stock, found))) {
    s.safety_stock = as_int(v, w, part, "safety_stock");
  }
  if ((v = field(dict, K.promised, found))) s.promised = as_int(v, w, part, "promised");
  if ((v = field(dict, K.backordered, found))) {
    s.backordered = as_int(v, w, part, "backordered");
  }
  return found;
}

#define BO_ITEM_KEYS                                                                              \
  K.sku, K.name, K.backorders, K.lead_time_days, K.release_date, K.discontinued, K.max_backorder, \
      K.low_stock_threshold
#define BO_STOCK_KEYS K.on_hand, K.reserved, K.safety_stock, K.promised, K.backordered

// A dict view of `obj`: itself when it is a dict, else a new dict from the mapping. `holder` keeps it alive.
PyObject* as_dict(PyObject* obj, py::object& holder, const Where& w, Part part, const char* what) {
  if (PyDict_Check(obj)) return obj;
  auto reject = [&] {
    bad(w, part, "", std::string("expected a ") + what + " (a dict), not " + type_name(obj));
  };
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
  PyObject* dict = as_dict(obj, holder, w, Part::top, "row");
  Py_ssize_t found = read_item_fields(dict, item, w, Part::top);
  found += read_stock_fields(dict, stock, w, Part::top);
  if (PyObject* q = field(dict, K.quantity, found)) quantity = as_int(q, w, Part::top, "quantity");
  if (found != PyDict_GET_SIZE(dict))
    unknown_key(dict, {BO_ITEM_KEYS, BO_STOCK_KEYS, K.quantity}, w, Part::top);
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

struct NativeEngine {
  std::shared_ptr<const bo::Engine> engine;
};

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
    PyObject* d = as_dict(item_obj.ptr(), holder, w, Part::item, "item");
    Py_ssize_t found = read_item_fields(d, item, w, Part::item);
    if (found != PyDict_GET_SIZE(d)) unknown_key(d, {BO_ITEM_KEYS}, w, Part::item);
  }
  if (!stock_obj.is_none()) {
    py::object holder;
    PyObject* d = as_dict(stock_obj.ptr(), holder, w, Part::stock, "stock");
    Py_ssize_t found = read_stock_fields(d, stock, w, Part::stock);
    if (PyObject* s = field(d, K.sku, found)) {
      if (as_str(s, w, Part::stock, "sku") != item.sku) bad(w, Part::stock, "sku", "does not match item.sku");
    }
    if (found != PyDict_GET_SIZE(d)) unknown_key(d, {BO_STOCK_KEYS, K.sku}, w, Part::stock);
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
          "labeler",
          [](const NativeEngine& e, std::optional<std::string> locale, bo::Instant now_ms) {
            return make_labeler(e, locale, now_ms);
          },
          py::arg("locale"), py::arg("now_ms"));

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
}
