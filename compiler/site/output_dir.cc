#include "compiler/site/output_dir.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace rbc::site {

OutputDir::OutputDir(fs::path target) : target_(std::move(target)) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  fs::create_directories(parent);
  std::string pattern = (parent / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a directory beside " + target_.string() + ": " + std::strerror(errno));
  staging_ = pattern;
  fs::permissions(staging_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
}

OutputDir::~OutputDir() {
  std::error_code ec;
  if (!committed_) fs::remove_all(staging_, ec);
}

void OutputDir::write(const std::string& relative, std::string_view bytes, bool executable) {
  fs::path p = staging_ / relative;
  std::error_code ec;
  if (!fs::is_directory(p.parent_path(), ec)) fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + p.string());
  if (executable)
    fs::permissions(p, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add);
}

void OutputDir::carry_over(const std::string& relative) {
  fs::path from = target_ / relative;
  std::error_code ec;
  if (!fs::exists(from, ec)) return;
  fs::path to = staging_ / relative;
  fs::create_directories(to.parent_path());
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

void OutputDir::link_over(const std::string& relative) {
  fs::path from = target_ / relative, to = staging_ / relative;
  fs::create_directories(to.parent_path());
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

void OutputDir::commit() {
  std::error_code ec;
  if (fs::exists(target_, ec)) {
    if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
      throw std::runtime_error("cannot replace " + target_.string() + ": " + std::strerror(errno));
    committed_ = true;
    fs::remove_all(staging_, ec);  // now holds the previous site
    return;
  }
  if (std::rename(staging_.c_str(), target_.c_str()) != 0)
    throw std::runtime_error("cannot create " + target_.string() + ": " + std::strerror(errno));
  committed_ = true;
}

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return true;
}

}  // namespace rbc::site
