#include "kith/util/file_name.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kith {
namespace {

TEST(SafeFileNameTest, ASafeUidIsTheNameItself) {
  EXPECT_EQ(safe_file_name("urn-uuid-4fbe8971", ".vcf"), "urn-uuid-4fbe8971.vcf");
  EXPECT_EQ(safe_file_name("ada@example.com", ".vcf"), "ada@example.com.vcf");
  EXPECT_EQ(safe_file_name(std::string(100, 'a'), ".vcf"), std::string(100, 'a') + ".vcf");
}

TEST(SafeFileNameTest, PathsNeverLeaveTheDirectory) {
  for (const std::string uid : {"../home/.bashrc.d/contacts", "/etc/cron.d/x", "..", ".", ".hidden",
                                "a/../../b", "a..b", "C:\\x", "", "a\nb", "\x1b]0;x\x07"}) {
    const std::string name = safe_file_name(uid, ".vcf");
    EXPECT_EQ(name.find('/'), std::string::npos) << name;
    EXPECT_EQ(name.find(".."), std::string::npos) << name;
    EXPECT_NE(name.front(), '.') << name;
    EXPECT_LE(name.size(), 100u) << name;
    for (char c : name) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << name;
  }
  EXPECT_EQ(safe_file_name("../home/.bashrc.d/contacts", ".vcf"),
            "home_bashrc_d_contacts-ad3bbd5df7b1f3e1.vcf");
}

TEST(SafeFileNameTest, LongAndNonAsciiUidsAreBoundedStableAndDistinct) {
  const std::string long_uid(300, 'x');
  const std::string name = safe_file_name(long_uid, ".vcf");
  EXPECT_EQ(name.size(), 60u + 1 + 16 + 4);
  EXPECT_EQ(name, safe_file_name(long_uid, ".vcf"));
  EXPECT_NE(name, safe_file_name(long_uid + "y", ".vcf"));
  EXPECT_NE(safe_file_name("josé", ".vcf"), safe_file_name("josè", ".vcf"));
  EXPECT_EQ(safe_file_name("\xe6\x9d\x8e", ".vcf").substr(0, 5), "card-");
}

}  // namespace
}  // namespace kith
