#include "store/token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cstdint>
#include <optional>

#include "backorder/error.hpp"
#include "store/base64url.hpp"

namespace backorder::detail {
namespace {

// "v1." + base64url(payload) + "." + base64url(HMAC-SHA256(secret, kDomain + payload)). The payload holds
// each text field behind its 4-byte length, then the expiry as 8 bytes, all big-endian: no separator in a
// field can shift one claim into another. The domain names the format and version, so a MAC made for
// anything else (or a later version) never verifies here.
constexpr std::string_view kPrefix = "v1.";
constexpr std::string_view kDomain = "backorder token v1";
constexpr std::size_t kMinSecret = 16;
constexpr std::size_t kMaxField = 256;   // ids and purposes are short; a cap keeps tokens link-sized
constexpr std::size_t kMaxToken = 2048;  // longer than any token this code signs
constexpr std::size_t kMacSize = 32;

using Mac = std::array<unsigned char, kMacSize>;

void check_secret(std::string_view secret) {
  if (secret.size() < kMinSecret)
    throw Error(ErrorCode::invalid, "secret", "the signing secret must be at least 16 bytes");
}

[[noreturn]] void refuse(const char* why) { throw Error(ErrorCode::invalid, "token", why); }

Mac mac_of(std::string_view secret, std::string_view payload) {
  std::string input;
  input.reserve(kDomain.size() + payload.size());
  input.append(kDomain).append(payload);
  Mac mac{};
  unsigned int size = 0;
  if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
            reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac.data(), &size) ||
      size != kMacSize) {
    throw Error(ErrorCode::internal, "token", "HMAC-SHA256 failed");
  }
  return mac;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

void put_field(std::string& out, std::string_view value, const char* path) {
  if (value.size() > kMaxField)
    throw Error(ErrorCode::invalid, path, "longer than " + std::to_string(kMaxField) + " bytes");
  put_u32(out, static_cast<std::uint32_t>(value.size()));
  out.append(value);
}

// Reads the payload back; nullopt unless it is exactly four fields and an expiry.
struct PayloadReader {
  std::string_view rest;

  std::optional<std::uint64_t> number(int bytes) {
    if (rest.size() < static_cast<std::size_t>(bytes)) return std::nullopt;
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(rest[i]);
    rest.remove_prefix(bytes);
    return v;
  }

  std::optional<std::string> field() {
    auto size = number(4);
    if (!size || *size > kMaxField || *size > rest.size()) return std::nullopt;
    std::string v(rest.substr(0, *size));
    rest.remove_prefix(*size);
    return v;
  }
};

}  // namespace

std::string sign_token(std::string_view secret, const TokenClaims& claims) {
  check_secret(secret);
  std::string payload;
  put_field(payload, claims.shop, "claims.shop");
  put_field(payload, claims.purpose, "claims.purpose");
  put_field(payload, claims.subject, "claims.subject");
  put_field(payload, claims.nonce, "claims.nonce");
  auto expires = static_cast<std::uint64_t>(claims.expires);
  put_u32(payload, static_cast<std::uint32_t>(expires >> 32));
  put_u32(payload, static_cast<std::uint32_t>(expires));
  Mac mac = mac_of(secret, payload);
  return std::string(kPrefix) + base64url_encode(payload) + "." +
         base64url_encode(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

TokenClaims verify_token(std::string_view secret, std::string_view token, Instant now) {
  check_secret(secret);
  // The messages say what is wrong, never what the token or the secret was: both end up in logs.
  if (token.size() > kMaxToken || !token.starts_with(kPrefix)) refuse("malformed token");
  token.remove_prefix(kPrefix.size());
  std::size_t dot = token.find('.');
  if (dot == std::string_view::npos) refuse("malformed token");
  auto payload = base64url_decode(token.substr(0, dot));
  auto given = base64url_decode(token.substr(dot + 1));
  if (!payload || !given || given->size() != kMacSize) refuse("malformed token");
  Mac expected = mac_of(secret, *payload);
  if (CRYPTO_memcmp(expected.data(), given->data(), kMacSize) != 0)
    refuse("signature does not match: the token was altered or not signed by this shop");

  PayloadReader r{*payload};
  auto shop = r.field(), purpose = r.field(), subject = r.field(), nonce = r.field();
  auto expires = r.number(8);
  // Signed but unreadable: only a bug or a leaked secret gets here; refuse it all the same.
  if (!shop || !purpose || !subject || !nonce || !expires || !r.rest.empty()) refuse("malformed token");
  TokenClaims claims{*shop, *purpose, *subject, *nonce, static_cast<Instant>(*expires)};
  if (now >= claims.expires) refuse("expired");
  return claims;
}

}  // namespace backorder::detail
