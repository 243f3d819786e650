// The stat fast path for source files: trusted only for files older than the
// build, so that no change can hide behind unchanged stat data.
#include <doctest/doctest.h>

#include <stdlib.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "compiler/emit/output/manifest.h"
#include "compiler/emit/output/source_hashes.h"

namespace fs = std::filesystem;
using rbc::site::SourceHashes;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "runbookc-test-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Lets the file's ctime fall behind the clock: past the coarse clock's tick
/// (a few ms), or two seconds on a file system with whole-second times.
void let_time_pass(const std::string& file) {
  struct stat st;
  stat(file.c_str(), &st);
  std::this_thread::sleep_for(std::chrono::milliseconds(st.st_ctim.tv_nsec ? 30 : 2100));
}

/// A memo line claiming `hash` for `file` with its current stat data.
std::string memo_line(const std::string& file, const std::string& hash) {
  struct stat st;
  stat(file.c_str(), &st);
  auto ns = [](const timespec& t) { return std::to_string(t.tv_sec * 1'000'000'000LL + t.tv_nsec); };
  return std::to_string(st.st_ino) + " " + std::to_string(st.st_size) + " " + ns(st.st_mtim) + " " + ns(st.st_ctim) + " " +
         hash + " " + file + "\n";
}

}  // namespace

TEST_CASE("source hashes: the content hash; nullopt for a file that cannot be read") {
  TempDir d;
  std::ofstream(d.path / "a.md") << "# A\n";
  SourceHashes hashes(d.path / "memo");
  CHECK(hashes.hash((d.path / "a.md").string()) == rbc::site::content_hash("# A\n"));
  CHECK_FALSE(hashes.hash((d.path / "missing.md").string()));
}

TEST_CASE("source hashes: a file older than the build is remembered by its stat data, a newer one is not") {
  TempDir d;
  std::string old_file = (d.path / "old.md").string(), new_file = (d.path / "new.md").string();
  std::ofstream(old_file) << "# Old\n";
  let_time_pass(old_file);
  SourceHashes hashes(d.path / "memo");
  std::ofstream(new_file) << "# New\n";  // changed after the build began: racy
  hashes.hash(old_file);
  hashes.hash(new_file);
  hashes.save();
  CHECK(read(d.path / "memo") == "runbookc-sources 1\n" + memo_line(old_file, rbc::site::content_hash("# Old\n")));
}

TEST_CASE("source hashes: remembered means not read again, while the stat data match") {
  TempDir d;
  std::string file = (d.path / "a.md").string(), claimed(32, 'e');
  std::ofstream(file) << "# A\n";
  let_time_pass(file);  // as the memo only holds files older than the build that wrote it
  std::ofstream(d.path / "memo") << "runbookc-sources 1\n" << memo_line(file, claimed);
  CHECK(SourceHashes(d.path / "memo").hash(file) == claimed);
  std::ofstream(file) << "# B\n";  // the same size
  CHECK(SourceHashes(d.path / "memo").hash(file) == rbc::site::content_hash("# B\n"));
}

TEST_CASE("source hashes: a damaged memo is ignored whole") {
  TempDir d;
  std::string file = (d.path / "a.md").string();
  std::ofstream(file) << "# A\n";
  std::ofstream(d.path / "memo") << "runbookc-sources 1\n" << memo_line(file, std::string(32, 'e')) << "5 6";
  CHECK(SourceHashes(d.path / "memo").hash(file) == rbc::site::content_hash("# A\n"));
}
