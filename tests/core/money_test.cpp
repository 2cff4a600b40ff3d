#include "backorder/money.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

#include "backorder/error.hpp"

using namespace backorder;

TEST(Currency, KnowsIsoCodesAndTheirMinorUnits) {
  EXPECT_EQ(currency_from_code("USD").exponent, 2);
  EXPECT_EQ(currency_from_code("JPY").exponent, 0);
  EXPECT_EQ(currency_from_code("KWD").exponent, 3);
  EXPECT_EQ(currency_from_code("EUR").view(), "EUR");
}

TEST(Currency, RejectsUnknownOrMalformedCodes) {
  EXPECT_THROW(currency_from_code("ZZZ"), Error);
  EXPECT_THROW(currency_from_code("usd"), Error);
  EXPECT_THROW(currency_from_code("US"), Error);
}

TEST(Allocate, SplitsByLargestRemainder) {
  std::int64_t w[] = {1, 1, 1};
  EXPECT_EQ(allocate(100, w), (std::vector<std::int64_t>{34, 33, 33}));
  std::int64_t w2[] = {500, 300, 200};
  // Exact shares 499.5, 299.7, 199.8: the two largest remainders get the two units left.
  EXPECT_EQ(allocate(999, w2), (std::vector<std::int64_t>{499, 300, 200}));
  EXPECT_EQ(allocate(-100, w), (std::vector<std::int64_t>{-34, -33, -33}));
  std::int64_t w3[] = {0, 5};
  EXPECT_EQ(allocate(7, w3), (std::vector<std::int64_t>{0, 7}));
}

TEST(Allocate, RejectsWeightsThatCannotSplit) {
  std::int64_t zero[] = {0, 0};
  EXPECT_THROW(allocate(10, zero), Error);
  std::int64_t neg[] = {3, -1};
  EXPECT_THROW(allocate(10, neg), Error);
}

TEST(Allocate, PartsAlwaysSumToTheTotal) {
  std::mt19937_64 rng(42);
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<std::int64_t> w(1 + rng() % 12);
    for (auto& x : w) x = static_cast<std::int64_t>(rng() % 100'000);
    w[0] += 1;
    std::int64_t total = static_cast<std::int64_t>(rng() % 10'000'000) - 5'000'000;
    auto parts = allocate(total, w);
    ASSERT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), total);
    std::int64_t sum = std::accumulate(w.begin(), w.end(), std::int64_t{0});
    for (std::size_t i = 0; i < w.size(); ++i) {
      // Each part is within one unit of its exact share.
      long double exact = static_cast<long double>(total) * w[i] / sum;
      ASSERT_LE(std::abs(static_cast<long double>(parts[i]) - exact), 1.0L);
    }
  }
}
