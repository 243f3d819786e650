#include "compiler/emit/output/source_hashes.h"

#include <sys/stat.h>
#include <time.h>

#include <charconv>
#include <string_view>

#include "compiler/base/file_io.h"
#include "compiler/emit/output/manifest.h"

namespace fs = std::filesystem;

namespace rbc::site {
namespace {

constexpr std::string_view kHeader = "runbookc-sources 1\n";
constexpr long long kSecond = 1'000'000'000;

long long nanoseconds(const struct timespec& t) { return static_cast<long long>(t.tv_sec) * kSecond + t.tv_nsec; }

StatStamp stamp_of_stat(const struct stat& st) {
  return {static_cast<unsigned long long>(st.st_ino), static_cast<unsigned long long>(st.st_size), nanoseconds(st.st_mtim),
          nanoseconds(st.st_ctim)};
}

/// Reads the next space- or newline-terminated decimal field of `line`.
template <typename T>
bool take_number(std::string_view& line, T& out) {
  auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), out);
  if (ec != std::errc() || end == line.data() + line.size() || *end != ' ') return false;
  line.remove_prefix(static_cast<size_t>(end - line.data()) + 1);
  return true;
}

}  // namespace

SourceHashes::SourceHashes(fs::path memo_file) : file_(std::move(memo_file)) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME_COARSE, &now);
  started_ns_ = nanoseconds(now);
  std::string text;
  if (!read_file(file_, text) || !text.starts_with(kHeader)) return;
  std::string_view rest(text);
  rest.remove_prefix(kHeader.size());
  std::map<std::string, Known> loaded;
  while (!rest.empty()) {  // "<inode> <size> <mtime> <ctime> <hash> <path>\n"
    size_t end = rest.find('\n');
    if (end == std::string_view::npos) return;  // cut short: ignored whole
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    Known k;
    if (!take_number(line, k.stat.inode) || !take_number(line, k.stat.size) || !take_number(line, k.stat.mtime_ns) ||
        !take_number(line, k.stat.ctime_ns))
      return;
    size_t space = line.find(' ');
    if (space == std::string_view::npos || space == 0 || space + 1 == line.size()) return;
    k.hash = line.substr(0, space);
    loaded.emplace(std::string(line.substr(space + 1)), std::move(k));
  }
  loaded_ = std::move(loaded);
}

std::optional<std::string> SourceHashes::hash(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    auto known = loaded_.find(path);
    if (known != loaded_.end() && known->second.stat == stamp_of_stat(st)) {
      std::lock_guard lock(mutex_);
      seen_[path] = known->second;
      return known->second.hash;
    }
  }
  std::string bytes;
  if (!read_file(path, bytes, &st)) return std::nullopt;  // st: before reading, so a change while reading shows next time
  std::string hash = content_hash(bytes);
  // Only files older than the clock at the start: later changes get a later ctime.
  bool racy = nanoseconds(st.st_ctim) >= started_ns_ ||
              (st.st_ctim.tv_nsec == 0 && nanoseconds(st.st_ctim) + 2 * kSecond >= started_ns_);  // whole-second file system
  if (!racy && S_ISREG(st.st_mode)) {
    std::lock_guard lock(mutex_);
    seen_[path] = {stamp_of_stat(st), hash};
  }
  return hash;
}

void SourceHashes::save() {
  if (seen_ == loaded_) return;
  std::string text(kHeader);
  for (const auto& [path, k] : seen_) {
    if (path.find('\n') != std::string::npos) continue;
    text += std::to_string(k.stat.inode) + ' ' + std::to_string(k.stat.size) + ' ' + std::to_string(k.stat.mtime_ns) + ' ' +
            std::to_string(k.stat.ctime_ns) + ' ' + k.hash + ' ' + path + '\n';
  }
  replace_file(file_, text);
}

}  // namespace rbc::site
