// What the native module's source files share: the engine's native half and each file's binding function.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>

#include "backorder/engine.hpp"

namespace bo_py {

// The native half of backorder.Engine: core's immutable engine, shared by everything made from it.
// Outside any anonymous namespace so that every source file binds the same type.
struct NativeEngine {
  std::shared_ptr<const backorder::Engine> engine;
};

// Adds _native.Store, the ledger (native_store.cpp). Call after _native.Engine is bound.
void bind_store(pybind11::module_& m);

}  // namespace bo_py
