// Cases made in code: NULL arguments, and sizes at and just past every limit of docs/limits.md, for every
// JSON call. Each limit is met once within it (the call then objects to something else, at the same path)
// and once beyond it.
#include <gtest/gtest.h>

#include "hostile.hpp"

namespace hostile {
namespace {

constexpr std::size_t kDepth = 64;
constexpr std::size_t kElements = 1'000'000;
constexpr std::size_t kStringBytes = std::size_t{1} << 20;
constexpr std::size_t kDocumentBytes = std::size_t{64} << 20;

// The base of `call` with raw JSON text in place of its slot.
std::string with_slot(const JsonCall& call, const std::string& raw) {
  json doc = Fixture::get().bases.at(call.base);
  const std::string marker = "@@slot@@";
  doc[json::json_pointer(call.slot)] = marker;
  std::string text = doc.dump();
  text.replace(text.find('"' + marker + '"'), marker.size() + 2, raw);
  return text;
}

std::string nested(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

std::string zeros(std::size_t n) {
  std::string s = "[0";
  s.reserve(2 * n + 1);
  for (std::size_t i = 1; i < n; ++i) s += ",0";
  return s + "]";
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Inputs are made when the case runs: some are megabytes.
using Make = std::function<std::string()>;

Case refused(const std::string& call, const std::string& name, Make make, Expect want,
             Pass pass = Pass::bytes) {
  return {call, name, [=] { expect_refused(call, make(), want, pass); }};
}

Case refused(const std::string& call, const std::string& name, const char* input, Expect want,
             Pass pass = Pass::bytes) {
  return refused(call, name, Make([input] { return std::string(input); }), std::move(want), pass);
}

}  // namespace

std::vector<Case> generated_cases() {
  std::vector<Case> out;
  for (const JsonCall& c : json_calls()) {
    const std::string call = c.name;
    const std::string slot = c.slot_path;
    // NULL arguments. The policy's two calls are told apart here.
    if (call == "policy") {
      out.push_back(refused("policy_validate", "NULL policy_json with a length", "{\"x\":1}",
                            {BO_EINVALID, "policy_json"}, Pass::null_input));
      out.push_back(
          refused("policy_validate", "NULL out_json", "{}", {BO_EINVALID, "out_json"}, Pass::null_out));
      out.push_back(refused("engine_new", "NULL policy_json with a length", "{\"x\":1}",
                            {BO_EINVALID, "policy_json"}, Pass::null_input));
      out.push_back(refused("engine_new", "NULL out", "{}", {BO_EINVALID, "out"}, Pass::null_out));
    } else {
      out.push_back(refused(call, "NULL input with a length", "{\"x\":1}", {BO_EINVALID, c.input_arg},
                            Pass::null_input));
      out.push_back(refused(call, "NULL output", "{}",
                            {BO_EINVALID, call == "promises_new" ? "out" : "out_json"}, Pass::null_out));
      if (*c.handle_arg != '\0') {
        out.push_back(refused(call, std::string("NULL ") + c.handle_arg, "{}", {BO_EINVALID, c.handle_arg},
                              Pass::null_handle));
      }
    }
    // The document as a whole.
    out.push_back(refused(call, "empty input", "", {BO_EINVALID, c.doc_path}));
    out.push_back(refused(call, "bad UTF-8 at " + slot, [c] { return with_slot(c, "\"\xc3\x28\""); },
                          {BO_EINVALID, c.doc_path}));
    out.push_back(refused(call, "document past 64 MiB",
                          [] { return "{}" + std::string(kDocumentBytes - 1, ' '); },
                          {BO_EINVALID, c.doc_path}));
    // Nesting: 64 levels are read (and the slot is then the wrong type); the 65th is refused where it opens.
    const std::size_t around = static_cast<std::size_t>(c.slot_depth);
    out.push_back(refused(call, "nesting at the limit",
                          [c, around] { return with_slot(c, nested(kDepth - around)); },
                          {BO_EINVALID, slot}));
    out.push_back(refused(call, "nesting past the limit", [c] { return with_slot(c, nested(200)); },
                          {BO_EINVALID, slot + repeat("[0]", kDepth - around)}));
    // Elements: a million are read; one more is refused at the array.
    out.push_back(refused(call, "a million elements", [c] { return with_slot(c, zeros(kElements)); },
                          {BO_EINVALID, slot}));
    out.push_back(refused(call, "a million and one elements",
                          [c] { return with_slot(c, zeros(kElements + 1)); }, {BO_EINVALID, slot}));
    // Strings: 1 MiB is read (and is too long for the field); one byte more is refused before parsing.
    out.push_back(refused(call, "a 1 MiB string",
                          [c] { return with_slot(c, '"' + std::string(kStringBytes, 'a') + '"'); },
                          {BO_EINVALID, slot}));
    out.push_back(refused(call, "a string past 1 MiB",
                          [c] { return with_slot(c, '"' + std::string(kStringBytes + 1, 'a') + '"'); },
                          {BO_EINVALID, slot}));
    out.push_back(refused(call, "a NUL in a string", [c] { return with_slot(c, "\"A\\u0000B\""); },
                          {BO_EINVALID, slot}));
  }
  out.push_back(refused("promises_json", "NULL out_json", "", {BO_EINVALID, "out_json"}, Pass::null_out));
  out.push_back(refused("promises_json", "NULL promises", "", {BO_EINVALID, "promises"}, Pass::null_handle));

  // Arrays within their limits, read to the end: the bad element is the last one.
  out.push_back(refused("promises_new", "a million lateness days, the last out of range",
                        [] {
                          json scenario = Fixture::get().bases["scenario"];
                          scenario["suppliers"][0]["lateness_days"] = json::array();
                          std::string days = zeros(kElements - 1);
                          days.insert(days.size() - 1, ",5000");
                          std::string text = scenario.dump();
                          return text.replace(text.find("\"lateness_days\":[]"), 18,
                                              "\"lateness_days\":" + days);
                        },
                        {BO_EINVALID, "suppliers[0].lateness_days[999999]"}));
  out.push_back(refused("labels_json", "20,000 rows, the last bad",
                        [] {
                          json catalog = Fixture::get().bases["catalog"];
                          catalog["items"] = json::array();
                          for (int i = 0; i < 20'000; ++i)
                            catalog["items"].push_back({{"sku", "S" + std::to_string(i)}});
                          catalog["items"].back()["lead_time_days"] = {{"min", 0}, {"max", 3651}};
                          return catalog.dump();
                        },
                        {BO_EINVALID, "items[19999].lead_time_days.max", true}));

  for (const auto& [call, base] :
       {std::pair{"book_checkout", "book_checkout"}, {"engine_checkout", "checkout"}}) {
    json req = Fixture::get().bases.at(base);
    json line = req["cart"]["lines"][1];
    req["cart"]["lines"] = json::array();
    for (int i = 0; i < 1000; ++i) {
      line["line_id"] = std::to_string(i + 1);
      req["cart"]["lines"].push_back(line);
    }
    req["cart"]["lines"][999]["sku"] = "NOPE";
    const std::string last_bad = req.dump();
    out.push_back(refused(call, "1,000 cart lines, the last bad", Make([last_bad] { return last_bad; }),
                          {BO_EINVALID, "cart.lines[999].sku"}));
    req["cart"]["lines"][999]["sku"] = "SCF-WOOL-GRY";
    line["line_id"] = "1001";
    req["cart"]["lines"].push_back(line);
    const std::string too_many = req.dump();
    out.push_back(refused(call, "1,001 cart lines", Make([too_many] { return too_many; }),
                          {BO_EINVALID, "cart.lines"}));
  }

  // Shipping charges that would overflow: a policy's per-item price on two billion units.
  out.push_back({"engine_checkout", "shipping charges past the amount limit", [] {
                   json policy = Fixture::get().bases["policy"];
                   policy["shipping"]["methods"][0]["price"]["per_item"] = 1'000'000'000'000;
                   policy["shipping"]["methods"][0].erase("free_over");
                   const std::string p = policy.dump();
                   bo_engine* engine = nullptr;
                   ASSERT_EQ(bo_engine_new(&engine, p.data(), p.size()), BO_OK);
                   json req = Fixture::get().bases["checkout"];
                   for (auto& l : req["cart"]["lines"]) l["quantity"] = 1'000'000'000, l["unit_price"] = 1;
                   const std::string r = req.dump();
                   char* out_json = nullptr;
                   expect_error(bo_engine_checkout_json(&out_json, nullptr, engine, r.data(), r.size()),
                                {BO_EINVALID, "cart.lines"});
                   EXPECT_EQ(out_json, nullptr);
                   bo_engine_free(engine);
                 }});
  return out;
}

}  // namespace hostile
