// backorder._native.Store: the ledger (core's backorder::Store) for the Pythonic backorder.Store.
//
// Requests and answers cross as core's JSON (docs/store.md), so core alone validates them and Python reads
// exactly what the C ABI and the CLI read; only ack and release take ids as a list. Every call runs with the
// GIL released: it waits on the database (a lock, the network, fsync), and other threads should not.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backorder/error.hpp"
#include "backorder/store.hpp"
#include "native.hpp"

namespace py = pybind11;
namespace bo = backorder;

namespace bo_py {
namespace {

// One ledger handle. A backorder::Store serves one thread at a time: `mu_` serialises the calls (it is taken
// with the GIL released, so a thread waiting for it blocks no other), and lets close() wait for a call that
// is still running.
class NativeStore {
 public:
  NativeStore(const NativeEngine& e, std::string url, std::string secret, int busy_timeout_ms)
      : shop_(e.engine->policy().shop) {
    bo::StoreOptions options;
    options.secret = std::move(secret);
    options.busy_timeout_ms = busy_timeout_ms;
    py::gil_scoped_release nogil;  // opening connects and may run the schema migrations
    store_ = bo::Store::open(e.engine, url, std::move(options));
    backend_ = std::string(store_->backend());
  }

  // Runs `call` on the open store without the GIL; `call` must not touch Python objects.
  template <class F>
  auto run(F&& call) {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(mu_);
    if (!store_) throw bo::Error(bo::ErrorCode::invalid, "", "the store is closed");
    return call(*store_);
  }

  void close() {
    std::unique_ptr<bo::Store> closing;
    {
      py::gil_scoped_release nogil;
      std::lock_guard<std::mutex> lock(mu_);
      closing = std::move(store_);
      closing.reset();  // closes the connection, still without the GIL
    }
  }

  bool closed() {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(mu_);
    return !store_;
  }

  const std::string& shop() const { return shop_; }
  const std::string& backend() const { return backend_; }

 private:
  std::mutex mu_;
  std::unique_ptr<bo::Store> store_;
  std::string shop_, backend_;
};

// A JSON-in, JSON-out call on the store: the request is copied while the GIL is held.
template <class F>
auto json_call(F call) {
  return [call](NativeStore& s, std::string_view request) {
    std::string in(request);
    return s.run([&](bo::Store& store) { return call(store, in); });
  };
}

}  // namespace

void bind_store(py::module_& m) {
  py::class_<NativeStore>(m, "Store")
      .def(py::init<const NativeEngine&, std::string, std::string, int>(), py::arg("engine"), py::arg("url"),
           py::arg("secret"), py::arg("busy_timeout_ms"))
      .def_property_readonly("shop", &NativeStore::shop)
      .def_property_readonly("backend", &NativeStore::backend)
      .def_property_readonly("closed", &NativeStore::closed)
      .def("close", &NativeStore::close)
      .def("apply_json", json_call([](bo::Store& s, const std::string& in) { return s.apply_json(in); }),
           py::arg("events_json"))
      .def("claim_json",
           json_call([](bo::Store& s, const std::string& in) { return bo::store_claim_json(s, in); }),
           py::arg("request_json"))
      .def("outbox_json",
           json_call([](bo::Store& s, const std::string& in) { return bo::store_outbox_json(s, in); }),
           py::arg("request_json"))
      .def("order_json", json_call([](bo::Store& s, const std::string& in) { return s.order_json(in); }),
           py::arg("order_id"))
      .def("labels_json", json_call([](bo::Store& s, const std::string& in) { return s.labels_json(in); }),
           py::arg("request_json"))
      .def("checkout_json",
           json_call([](bo::Store& s, const std::string& in) { return s.checkout_json(in); }),
           py::arg("request_json"))
      .def(
          "ack",
          [](NativeStore& s, std::vector<std::int64_t> ids) {
            s.run([&](bo::Store& store) { store.ack(ids); });
          },
          py::arg("ids"))
      .def(
          "release",
          [](NativeStore& s, std::vector<std::int64_t> ids) {
            s.run([&](bo::Store& store) { store.release(ids); });
          },
          py::arg("ids"));
}

}  // namespace bo_py
