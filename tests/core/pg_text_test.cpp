// The PostgreSQL backend's text work, without a server: placeholders and password redaction.
#include "store/pg_text.hpp"

#include <gtest/gtest.h>

namespace backorder::detail {
namespace {

std::string placeholders(std::string_view sql, int expected_count) {
  int count = -1;
  std::string out = pg_placeholders(sql, count);
  EXPECT_EQ(count, expected_count) << sql;
  return out;
}

TEST(DbPgTextTest, PlaceholdersAreNumberedOutsideLiteralsAndComments) {
  EXPECT_EQ(placeholders("SELECT 1", 0), "SELECT 1");
  EXPECT_EQ(placeholders("INSERT INTO t VALUES (?, ?, ?)", 3), "INSERT INTO t VALUES ($1, $2, $3)");
  EXPECT_EQ(placeholders("SELECT 'a?b', ? FROM t WHERE x = 'it''s ?' AND y = ?", 2),
            "SELECT 'a?b', $1 FROM t WHERE x = 'it''s ?' AND y = $2");
  EXPECT_EQ(placeholders("SELECT \"odd?name\" FROM t WHERE a = ?", 1),
            "SELECT \"odd?name\" FROM t WHERE a = $1");
  EXPECT_EQ(placeholders("SELECT ? -- why?\n, ? /* or? */, ?", 3), "SELECT $1 -- why?\n, $2 /* or? */, $3");
  EXPECT_EQ(placeholders("SELECT 'unterminated ?", 0), "SELECT 'unterminated ?");
  std::string many = "VALUES (";
  for (int i = 0; i < 12; ++i) many += i ? ",?" : "?";
  EXPECT_EQ(placeholders(many + ")", 12), "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)");
}

TEST(DbPgTextTest, PasswordsAreRedactedInEveryForm) {
  EXPECT_EQ(redact_password("bad token \"s3cr3t%zz\"", "postgresql://u:s3cr3t%zz@h/db"), "bad token \"***\"");
  EXPECT_EQ(redact_password("saw p@ss and p@ss", "postgresql://u:p%40ss@h/db"), "saw *** and ***");
  EXPECT_EQ(redact_password("host \"pa\" port \"ss\"", "postgresql://u:pa/ss@h/db"),
            "host \"***\" port \"***\"");
  EXPECT_EQ(redact_password("x=hunter2", "postgresql:///db?sslmode=require&password=hunter2"), "x=***");
  EXPECT_EQ(redact_password("a 'it's' b", "host=h password='it\\'s' user=u"), "a '***' b");
  EXPECT_EQ(redact_password("hunter2!", "host=h password = hunter2"), "***!");
  EXPECT_EQ(redact_password("nothing secret", "postgresql://u@h/db"), "nothing secret");
  EXPECT_EQ(redact_password("nothing secret", "host=h user=u"), "nothing secret");
}

}  // namespace
}  // namespace backorder::detail
