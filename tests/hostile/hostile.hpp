// The hostile-input suite (docs/limits.md): malformed and extreme input for every call of the C ABI, each
// answered with a structured error at its path, nothing crashing, and no handle changed.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "backorder.h"

namespace hostile {

using nlohmann::json;

// One case: which call, what it is, and a body that makes the call and checks the answer.
struct Case {
  std::string call;
  std::string name;
  std::function<void()> run;
};

// The handles every case runs against, built once from examples/apparel.
struct Fixture {
  bo_engine* engine = nullptr;
  bo_promises* book = nullptr;
  bo_labeler* labeler = nullptr;
  json bases;  // named base documents: label, catalog, scenario, checkout, consent, record, ...

  static Fixture& get();
  // What the handles answer to fixed questions; a case must leave it as it was.
  std::string state() const;
};

// What a refused call must say.
struct Expect {
  bo_status status = BO_EINVALID;
  std::string path;
  // labels_json: the call succeeds and the row's error is the first of "errors".
  bool row = false;
};

// Checks the answer of a failed call: `st` is want.status and the last error says so, with a message, the
// path, and a JSON list of issues whose first is at that path.
void expect_error(bo_status st, const Expect& want);

// How a JSON call is handed its input.
enum class Pass { bytes, null_input, null_out, null_handle };

// Calls `call` ("label_json", "policy", "quote", ...) with `input` passed as `pass` says, and checks `want`:
// the status, a non-empty message, the path, the last error's JSON, outputs untouched, handles unchanged.
void expect_refused(const std::string& call, std::string_view input, const Expect& want,
                    Pass pass = Pass::bytes);

// The JSON calls: name, the name of their input argument, and of their handle argument ("" for none).
struct JsonCall {
  const char* name;
  const char* input_arg;
  const char* handle_arg;
  const char* doc_path;   // what a document-wide problem is reported at
  const char* base;       // the base document of its cases
  const char* slot;       // a JSON pointer in the base where generated values go
  const char* slot_path;  // its path in errors
  int slot_depth;         // arrays and objects around the slot
};
const std::vector<JsonCall>& json_calls();

// Cases from cases.json, generated JSON cases (NULL arguments, sizes at and past every limit), typed cases.
std::vector<Case> file_cases(const std::string& path);
std::vector<Case> generated_cases();
std::vector<Case> typed_cases();

// "\xHH" in test text stands for the byte HH (JSON cannot hold ill-formed UTF-8).
std::string unescape_bytes(const std::string& s);

}  // namespace hostile
