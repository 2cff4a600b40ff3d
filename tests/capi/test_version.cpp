#include <gtest/gtest.h>

#include <string>

#include "backorder.h"

TEST(Version, StringMatchesMacros) {
  const std::string expected = std::to_string(BO_VERSION_MAJOR) + "." + std::to_string(BO_VERSION_MINOR) +
                               "." + std::to_string(BO_VERSION_PATCH);
  ASSERT_NE(bo_version_string(), nullptr);
  EXPECT_EQ(std::string(bo_version_string()), expected);
  EXPECT_EQ(std::string(bo_version_string()), "0.2.0");
}

TEST(Version, NumberMatchesMacros) {
  EXPECT_EQ(bo_version_number(), static_cast<uint32_t>(BO_VERSION_NUMBER));
  EXPECT_EQ(bo_version_number(),
            static_cast<uint32_t>(BO_VERSION_MAJOR * 10000 + BO_VERSION_MINOR * 100 + BO_VERSION_PATCH));
}

TEST(Version, AbiVersionMatchesHeader) {
  EXPECT_EQ(bo_abi_version(), static_cast<uint32_t>(BO_ABI_VERSION));
  EXPECT_EQ(bo_abi_version(), 1u);
}

TEST(Version, StringIsStatic) { EXPECT_EQ(bo_version_string(), bo_version_string()); }
