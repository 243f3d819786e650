#include "compiler/emit/output/build_cache.h"

#include <xxhash.h>

#include <cstdint>

namespace rbc::site {
namespace {

constexpr std::string_view kHeader = "runbookc-cache 3\n";

/// Reads what cache_pieces wrote; fails (and stays failed) past the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool ok() const { return ok_; }
  bool at_end() const { return rest_.empty(); }
  uint64_t number() {
    if (rest_.size() < 8) return fail();
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= static_cast<uint64_t>(static_cast<unsigned char>(rest_[i])) << (8 * i);
    rest_.remove_prefix(8);
    return n;
  }
  std::string_view string() {
    uint64_t n = number();
    if (!ok_ || n > rest_.size()) return fail(), std::string_view();
    std::string_view out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }

 private:
  uint64_t fail() {
    ok_ = false;
    rest_ = {};
    return 0;
  }
  std::string_view rest_;
  bool ok_ = true;
};

/// Little-endian, 8 bytes.
void put_number(std::string& out, uint64_t n) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xff);
}

}  // namespace

BuildCache parse_cache(std::string_view bytes) {
  if (!bytes.starts_with(kHeader) || bytes.size() < kHeader.size() + 8) return {};
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  if (Reader(bytes.substr(body.size())).number() != XXH64(body.data(), body.size(), 0)) return {};
  Reader in(body.substr(kHeader.size()));
  BuildCache cache;
  cache.aggregates_key = in.string();
  uint64_t count = in.number();
  for (uint64_t i = 0; i < count && in.ok(); ++i) {
    RunbookRecord r;
    for (std::string_view* s : {&r.id, &r.key, &r.entry_text, &r.search_text, &r.search_body, &r.summary}) *s = in.string();
    uint64_t outputs = in.number();
    for (uint64_t k = 0; k < outputs && in.ok(); ++k) r.outputs.push_back(in.string());
    r.worst = static_cast<int>(in.number()) - 1;
    cache.runbooks.push_back(std::move(r));
  }
  if (!in.ok() || !in.at_end()) return {};
  return cache;
}

std::vector<std::string_view> cache_pieces(std::string_view aggregates_key, const std::vector<const RunbookRecord*>& records,
                                           std::string& scratch) {
  // Every number goes to `scratch`, sized first so that views into it stay valid.
  size_t numbers = 3;
  for (const RunbookRecord* r : records) numbers += 8 + r->outputs.size();
  scratch.clear();
  scratch.reserve(numbers * 8);
  std::vector<std::string_view> pieces;
  pieces.reserve(numbers * 2 + 1);
  auto number = [&](uint64_t n) {
    size_t at = scratch.size();
    put_number(scratch, n);
    pieces.push_back(std::string_view(scratch).substr(at, 8));
  };
  auto string = [&](std::string_view s) {
    number(s.size());
    pieces.push_back(s);
  };
  pieces.push_back(kHeader);
  string(aggregates_key);
  number(records.size());
  for (const RunbookRecord* r : records) {
    for (std::string_view s : {r->id, r->key, r->entry_text, r->search_text, r->search_body, r->summary}) string(s);
    number(r->outputs.size());
    for (std::string_view o : r->outputs) string(o);
    number(static_cast<uint64_t>(r->worst + 1));
  }
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  for (std::string_view p : pieces) XXH64_update(state, p.data(), p.size());
  number(XXH64_digest(state));
  XXH64_freeState(state);
  return pieces;
}

CacheFile::CacheFile(const std::filesystem::path& path) {
  if (file_.open(path)) cache_ = parse_cache(file_.bytes());
}

}  // namespace rbc::site
