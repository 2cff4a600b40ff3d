// Signed tokens for the links in customer messages (manage or cancel a notify-me subscription): HMAC-SHA256
// via OpenSSL over the shop, purpose, subject, expiry and a nonce, checked in constant time. Private to core.
#pragma once

#include <string>
#include <string_view>

#include "backorder/calendar.hpp"

namespace backorder::detail {

struct TokenClaims {
  std::string shop, purpose, subject, nonce;  // subject: what the token is for (a subscription id)
  Instant expires = 0;
};

// URL-safe text (base64url, no padding). Throws Error(invalid, "secret") for a secret shorter than 16 bytes.
std::string sign_token(std::string_view secret, const TokenClaims& claims);

// The claims of a token this secret signed. Throws Error(invalid, "token") for a malformed, forged or
// altered token and for one that has expired at `now`; the message never repeats the token or the secret.
// Replay (a one-shot token used twice) is the Store's to refuse: it records nonces it has honoured.
TokenClaims verify_token(std::string_view secret, std::string_view token, Instant now);

}  // namespace backorder::detail
