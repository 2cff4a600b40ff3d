// Signed tokens: what one secret signs, only that secret verifies, unchanged and before it expires.
#include "store/token.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "backorder/error.hpp"
#include "store/base64url.hpp"

using namespace backorder;
using namespace backorder::detail;

namespace {

const std::string kSecret = "correct horse battery staple 42";
const Instant kNow = parse_instant("2026-11-30T14:00:00Z", "");
const Instant kDay = 86'400'000;

TokenClaims claims() { return {"northwind", "manage_subscription", "sub-1234", "n-8f3a", kNow + 30 * kDay}; }

bool same(const TokenClaims& a, const TokenClaims& b) {
  return a.shop == b.shop && a.purpose == b.purpose && a.subject == b.subject && a.nonce == b.nonce &&
         a.expires == b.expires;
}

// The refusal of `call`: its path and message (code invalid), or a failure when it was accepted.
Error refusal(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid) << e.what();
    return e;
  }
  ADD_FAILURE() << "accepted";
  return Error(ErrorCode::internal, "", "accepted");
}

void expect_refused(const std::string& token, const std::string& secret = kSecret, Instant now = kNow) {
  Error e = refusal([&] { verify_token(secret, token, now); });
  EXPECT_EQ(e.path(), "token");
  std::string message = e.what();
  if (token.size() >= 4) {
    EXPECT_EQ(message.find(token), std::string::npos) << message;
  }
  EXPECT_EQ(message.find(kSecret), std::string::npos) << message;
}

}  // namespace

TEST(Token, RoundTrip) {
  std::string token = sign_token(kSecret, claims());
  EXPECT_TRUE(token.starts_with("v1.")) << token;
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."),
            std::string::npos)
      << token;
  EXPECT_TRUE(same(verify_token(kSecret, token, kNow), claims()));
  EXPECT_EQ(sign_token(kSecret, claims()), token);  // deterministic: the nonce makes tokens differ
  TokenClaims other = claims();
  other.nonce = "n-8f3b";
  EXPECT_NE(sign_token(kSecret, other), token);
  // Any bytes, separators and empty fields included, come back as they went in.
  TokenClaims odd{"", "a.b|c:d", std::string("\0\xff.=\n", 5), "Grüße 東京", -1};
  EXPECT_TRUE(same(verify_token(kSecret, sign_token(kSecret, odd), -2), odd));
}

TEST(Token, ExpiresAtItsInstant) {
  std::string token = sign_token(kSecret, claims());
  EXPECT_NO_THROW(verify_token(kSecret, token, claims().expires - 1));
  Error e = refusal([&] { verify_token(kSecret, token, claims().expires); });
  EXPECT_EQ(e.path(), "token");
  EXPECT_STREQ(e.what(), "expired");
  expect_refused(token, kSecret, claims().expires + kDay);
}

TEST(Token, AnyChangedBitIsRefused) {
  std::string token = sign_token(kSecret, claims());
  int tried = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string t = token;
      t[i] = static_cast<char>(t[i] ^ (1 << bit));
      expect_refused(t);
      ++tried;
    }
  }
  EXPECT_EQ(tried, static_cast<int>(token.size()) * 8);
}

TEST(Token, AlteredPayloadOrSignatureIsRefused) {
  std::string token = sign_token(kSecret, claims());
  std::size_t dot = token.rfind('.');
  std::string payload = token.substr(3, dot - 3), mac = token.substr(dot + 1);
  // Another subject under the original signature.
  TokenClaims more = claims();
  more.subject = "sub-9999";
  std::string forged = sign_token(kSecret, more);
  std::string other_payload = forged.substr(3, forged.rfind('.') - 3);
  expect_refused("v1." + other_payload + "." + mac);
  // A later expiry, written by hand into the decoded payload.
  std::string bytes = *base64url_decode(payload);
  bytes.back() = static_cast<char>(bytes.back() + 1);
  expect_refused("v1." + base64url_encode(bytes) + "." + mac);
  // Fields that shift into each other never share a signature: lengths are signed too.
  TokenClaims a = claims(), b = claims();
  a.shop = "north";
  a.purpose = "wind" + a.purpose;
  b.shop = "northwind";
  std::string ta = sign_token(kSecret, a), tb = sign_token(kSecret, b);
  EXPECT_NE(ta.substr(ta.rfind('.')), tb.substr(tb.rfind('.')));
  expect_refused(ta.substr(0, ta.rfind('.')) + tb.substr(tb.rfind('.')));
  // Truncated, extended, signature dropped, parts swapped, another version.
  expect_refused(token.substr(0, token.size() - 1));
  expect_refused(token + "A");
  expect_refused(token.substr(0, dot));
  expect_refused(token.substr(0, dot + 1));
  expect_refused("v1." + mac + "." + payload);
  expect_refused("v2" + token.substr(2));
  expect_refused("V1" + token.substr(2));
  expect_refused(token + "=");
  expect_refused(" " + token);
  expect_refused(token + "\n");
  expect_refused("v1." + payload + "." + mac + "." + mac);
}

TEST(Token, WrongSecretIsRefused) {
  std::string token = sign_token(kSecret, claims());
  expect_refused(token, "correct horse battery staple 43");
  expect_refused(token, kSecret + " ");
  expect_refused(token, std::string(32, '\0'));
}

TEST(Token, ShortSecretIsRefused) {
  for (std::string secret : {std::string(), std::string("short"), std::string(15, 'x')}) {
    Error e = refusal([&] { sign_token(secret, claims()); });
    EXPECT_EQ(e.path(), "secret");
    e = refusal([&] { verify_token(secret, "v1.AAAA.AAAA", kNow); });
    EXPECT_EQ(e.path(), "secret");
  }
  EXPECT_NO_THROW(sign_token(std::string(16, 'x'), claims()));
}

TEST(Token, LongClaimsAreRefusedWhenSigning) {
  TokenClaims c = claims();
  c.subject = std::string(257, 's');
  EXPECT_EQ(refusal([&] { sign_token(kSecret, c); }).path(), "claims.subject");
  c.subject = std::string(256, 's');
  EXPECT_TRUE(same(verify_token(kSecret, sign_token(kSecret, c), kNow), c));
}

TEST(Token, GarbageIsRefused) {
  for (const std::string& garbage : std::vector<std::string>{
           "",
           "v1",
           "v1.",
           "v1..",
           "v1...",
           ".",
           "null",
           "undefined",
           "v1.AAAA",
           "v1.AAAA.AAAA",
           "v1.A.A",
           "v1.!!!!.????",
           "v1.AAAA.AAAA=",
           "v1.AA==.AAAA",
           "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
           "v1.%00.%00",
           std::string("v1.\0\0\0\0.\0\0\0\0", 13),
           "v1.4pyT.4pyT",
           "<script>alert(1)</script>",
           "v1." + std::string(5000, 'A') + ".AAAA",
           std::string(1 << 20, 'v'),
           "v1." + base64url_encode(std::string(40, '\0')) + "." + base64url_encode(std::string(32, '\0')),
           "v1." + base64url_encode("x") + "." + base64url_encode(std::string(31, 'm'))}) {
    expect_refused(garbage);
  }
}

TEST(Token, Base64urlIsStrict) {
  for (std::string bytes : {std::string(), std::string("f"), std::string("fo"), std::string("foo"),
                            std::string("foob"), std::string("\xfb\xff\xbf", 3)}) {
    std::string text = base64url_encode(bytes);
    EXPECT_EQ(text.find('='), std::string::npos);
    EXPECT_EQ(base64url_decode(text), bytes) << text;
  }
  EXPECT_EQ(base64url_encode("\xfb\xff\xbf"), "-_-_");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_FALSE(base64url_decode("Zm9"));  // non-zero unused bits: a second spelling of "fo"
  EXPECT_FALSE(base64url_decode("Zm8="));
  EXPECT_FALSE(base64url_decode("Zm+v"));
  EXPECT_FALSE(base64url_decode("Z"));
}
