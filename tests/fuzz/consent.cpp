// Consent records read back: a record that is accepted comes back canonical, and the canonical form is
// stable.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz::as_text(data, size);
  std::string canonical;
  if (!fuzz::answers([&] { canonical = backorder::consent_check_json(in); })) return 0;
  fuzz::expect_json(canonical, "consent_check_json");
  std::string again;
  if (!fuzz::answers([&] { again = backorder::consent_check_json(canonical); }))
    fuzz::fail("canonical consent record refused", canonical);
  if (again != canonical) fuzz::fail("consent record not stable over a round trip", canonical);
  return 0;
}
