#include "linter/mojibake.h"

#include "compiler/syntax/source_file.h"

#include <algorithm>
#include <array>

namespace rbc {
namespace {

// Code point of each byte 0x80..0xFF in the two encodings UTF-8 text is most
// often mis-read as (generated from Python's mac_roman and cp1252 codecs;
// cp1252's five undefined bytes map to the Latin-1 control code points).
constexpr std::array<char32_t, 128> kMacRoman = {0x00C4,0x00C5,0x00C7,0x00C9,0x00D1,0x00D6,0x00DC,0x00E1,0x00E0,0x00E2,0x00E4,0x00E3,0x00E5,0x00E7,0x00E9,0x00E8,0x00EA,0x00EB,0x00ED,0x00EC,0x00EE,0x00EF,0x00F1,0x00F3,0x00F2,0x00F4,0x00F6,0x00F5,0x00FA,0x00F9,0x00FB,0x00FC,0x2020,0x00B0,0x00A2,0x00A3,0x00A7,0x2022,0x00B6,0x00DF,0x00AE,0x00A9,0x2122,0x00B4,0x00A8,0x2260,0x00C6,0x00D8,0x221E,0x00B1,0x2264,0x2265,0x00A5,0x00B5,0x2202,0x2211,0x220F,0x03C0,0x222B,0x00AA,0x00BA,0x03A9,0x00E6,0x00F8,0x00BF,0x00A1,0x00AC,0x221A,0x0192,0x2248,0x2206,0x00AB,0x00BB,0x2026,0x00A0,0x00C0,0x00C3,0x00D5,0x0152,0x0153,0x2013,0x2014,0x201C,0x201D,0x2018,0x2019,0x00F7,0x25CA,0x00FF,0x0178,0x2044,0x20AC,0x2039,0x203A,0xFB01,0xFB02,0x2021,0x00B7,0x201A,0x201E,0x2030,0x00C2,0x00CA,0x00C1,0x00CB,0x00C8,0x00CD,0x00CE,0x00CF,0x00CC,0x00D3,0x00D4,0xF8FF,0x00D2,0x00DA,0x00DB,0x00D9,0x0131,0x02C6,0x02DC,0x00AF,0x02D8,0x02D9,0x02DA,0x00B8,0x02DD,0x02DB,0x02C7};
constexpr std::array<char32_t, 128> kWindows1252 = {0x20AC,0x0081,0x201A,0x0192,0x201E,0x2026,0x2020,0x2021,0x02C6,0x2030,0x0160,0x2039,0x0152,0x008D,0x017D,0x008F,0x0090,0x2018,0x2019,0x201C,0x201D,0x2022,0x2013,0x2014,0x02DC,0x2122,0x0161,0x203A,0x0153,0x009D,0x017E,0x0178,0x00A0,0x00A1,0x00A2,0x00A3,0x00A4,0x00A5,0x00A6,0x00A7,0x00A8,0x00A9,0x00AA,0x00AB,0x00AC,0x00AD,0x00AE,0x00AF,0x00B0,0x00B1,0x00B2,0x00B3,0x00B4,0x00B5,0x00B6,0x00B7,0x00B8,0x00B9,0x00BA,0x00BB,0x00BC,0x00BD,0x00BE,0x00BF,0x00C0,0x00C1,0x00C2,0x00C3,0x00C4,0x00C5,0x00C6,0x00C7,0x00C8,0x00C9,0x00CA,0x00CB,0x00CC,0x00CD,0x00CE,0x00CF,0x00D0,0x00D1,0x00D2,0x00D3,0x00D4,0x00D5,0x00D6,0x00D7,0x00D8,0x00D9,0x00DA,0x00DB,0x00DC,0x00DD,0x00DE,0x00DF,0x00E0,0x00E1,0x00E2,0x00E3,0x00E4,0x00E5,0x00E6,0x00E7,0x00E8,0x00E9,0x00EA,0x00EB,0x00EC,0x00ED,0x00EE,0x00EF,0x00F0,0x00F1,0x00F2,0x00F3,0x00F4,0x00F5,0x00F6,0x00F7,0x00F8,0x00F9,0x00FA,0x00FB,0x00FC,0x00FD,0x00FE,0x00FF};

struct Char {
  char32_t cp;
  uint32_t begin, end;
};

std::vector<Char> decode(std::string_view text) {
  std::vector<Char> out;
  for (uint32_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    int n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + n > text.size()) n = 1;
    char32_t cp = n == 1 ? b : b & (0xFF >> (n + 1));
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back({cp, i, i + static_cast<uint32_t>(n)});
    i += static_cast<uint32_t>(n);
  }
  return out;
}

/// The legacy byte a code point stands for, or -1 (ASCII is never part of a run).
int to_byte(char32_t cp, const std::array<char32_t, 128>& table) {
  if (cp < 0x80) return -1;
  for (size_t i = 0; i < table.size(); ++i)
    if (table[i] == cp) return static_cast<int>(0x80 + i);
  return -1;
}

/// A character a repaired sequence may plausibly stand for: accented Latin,
/// punctuation, arrows and symbols, emoji. Keeps legitimate pairs such as
/// "«É" (which would decode to a Latin Extended-B letter) from matching.
/// U+20E3, the enclosing keycap, ends the keycap emoji "1️⃣" after U+FE0F.
bool plausible(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0x17F) || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20BF) ||
         (cp >= 0x2100 && cp <= 0x27BF) || (cp >= 0x2900 && cp <= 0x2BFF) || cp == 0xFE0F || cp == 0x20E3 ||
         cp >= 0x1F000;
}

std::string encode(char32_t cp) {
  std::string s;
  if (cp < 0x80) s += static_cast<char>(cp);
  else if (cp < 0x800) s += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
  else if (cp < 0x10000)
    s += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
  else
    s += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
          static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
  return s;
}

/// Tries to read one UTF-8 character from the legacy bytes of chars[i...].
bool repair_at(const std::vector<Char>& chars, size_t i, const std::array<char32_t, 128>& table, size_t& used,
               char32_t& cp) {
  int lead = to_byte(chars[i].cp, table);
  if (lead < 0xC2 || lead > 0xF4) return false;
  int n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (i + n > chars.size()) return false;
  cp = static_cast<char32_t>(lead & (0xFF >> (n + 1)));
  for (int k = 1; k < n; ++k) {
    int b = to_byte(chars[i + k].cp, table);
    if (b < 0x80 || b > 0xBF) return false;
    cp = (cp << 6) | static_cast<char32_t>(b & 0x3F);
  }
  // Overlong forms and surrogates are not UTF-8.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  used = static_cast<size_t>(n);
  return plausible(cp);
}

}  // namespace

std::vector<MojibakeRun> find_mojibake_in_line(std::string_view text);

/// Mojibake never spans lines and needs non-ASCII bytes: only lines holding
/// some are decoded (most runbook text is ASCII, and this runs on every line).
std::vector<MojibakeRun> find_mojibake(std::string_view text) {
  std::vector<MojibakeRun> out;
  for (size_t at = find_non_ascii(text); at != std::string_view::npos;) {
    size_t pos = text.rfind('\n', at);
    pos = pos == std::string_view::npos ? 0 : pos + 1;
    size_t end = std::min(text.find('\n', at), text.size());
    for (MojibakeRun run : find_mojibake_in_line(text.substr(pos, end - pos))) {
      run.begin += static_cast<uint32_t>(pos);
      run.end += static_cast<uint32_t>(pos);
      out.push_back(std::move(run));
    }
    at = end < text.size() ? find_non_ascii(text, end + 1) : std::string_view::npos;
  }
  return out;
}

std::vector<MojibakeRun> find_mojibake_in_line(std::string_view text) {
  std::vector<Char> chars = decode(text);
  std::vector<MojibakeRun> out;
  for (size_t i = 0; i < chars.size();) {
    size_t used = 0;
    char32_t cp = 0;
    if (!repair_at(chars, i, kMacRoman, used, cp) && !repair_at(chars, i, kWindows1252, used, cp)) {
      ++i;
      continue;
    }
    MojibakeRun run{chars[i].begin, chars[i + used - 1].end, encode(cp)};
    i += used;
    // Neighbouring repaired characters (an emoji and its variation selector) form one run.
    if (!out.empty() && out.back().end == run.begin) {
      out.back().end = run.end;
      out.back().repaired += run.repaired;
    } else {
      out.push_back(std::move(run));
    }
  }
  return out;
}

std::string repair_mojibake(std::string_view text) {
  std::string out;
  uint32_t at = 0;
  for (const MojibakeRun& run : find_mojibake(text)) {
    out.append(text.substr(at, run.begin - at));
    out += run.repaired;
    at = run.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace rbc
