// base64url without padding (RFC 4648 §5), for tokens carried in links. Private to core.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace backorder::detail {

std::string base64url_encode(std::string_view bytes);
// Strict: only the URL alphabet, no padding, and unused bits of the last character must be zero, so each
// byte string has exactly one encoding (a changed character never decodes to the same bytes). nullopt
// otherwise.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace backorder::detail
