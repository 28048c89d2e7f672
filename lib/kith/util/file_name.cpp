#include "kith/util/file_name.hpp"

#include <cstdint>

namespace kith {

namespace {

constexpr std::size_t k_longest = 100;
constexpr std::size_t k_longest_kept = 60;

bool safe_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '@' || c == '+' || c == '=';
}

bool safe_name(std::string_view name) {
  if (name.empty() || name.size() > k_longest || name.front() == '.') return false;
  if (name.find("..") != std::string_view::npos) return false;
  for (char c : name) {
    if (!safe_byte(c)) return false;
  }
  return true;
}

// FNV-1a, 64 bits: stable across runs and machines, which is all a file name needs.
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

std::string safe_file_name(std::string_view wanted, std::string_view extension) {
  if (safe_name(wanted)) return std::string(wanted) + std::string(extension);
  std::string kept;
  for (char c : wanted) {
    if (kept.size() == k_longest_kept) break;
    char shown = safe_byte(c) && c != '.' ? c : '_';
    if (shown == '_' && !kept.empty() && kept.back() == '_') continue;
    kept += shown;
  }
  while (!kept.empty() && kept.front() == '_') kept.erase(0, 1);
  while (!kept.empty() && kept.back() == '_') kept.pop_back();
  constexpr std::string_view k_hex = "0123456789abcdef";
  std::string hash;
  for (std::uint64_t h = fnv1a(wanted), i = 0; i < 16; ++i, h >>= 4)
    hash.insert(hash.begin(), k_hex[h & 0xF]);
  return (kept.empty() ? "card" : kept) + "-" + hash + std::string(extension);
}

}  // namespace kith
