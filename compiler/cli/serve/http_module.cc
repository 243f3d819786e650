#include "compiler/cli/serve/http_module.h"

#include <dlfcn.h>

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

#ifndef RUNBOOKC_HTTP_MODULE_FROM_BINDIR
#define RUNBOOKC_HTTP_MODULE_FROM_BINDIR "../lib/runbookc/runbookc-http.so"
#endif

namespace rbc::serve {

std::unique_ptr<HttpServer> load_http_server(HttpSite& site, std::string& error) {
  std::error_code ec;
  fs::path bindir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  std::vector<fs::path> candidates = {bindir / kHttpModuleName, bindir / RUNBOOKC_HTTP_MODULE_FROM_BINDIR};
  std::string tried;
  for (const fs::path& candidate : candidates) {
    if (!fs::exists(candidate, ec)) {
      tried += (tried.empty() ? "" : ", ") + candidate.lexically_normal().string();
      continue;
    }
    // Never closed: the server's threads run its code until the process ends.
    void* module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
      error = std::string("cannot load the HTTP server module: ") + dlerror();
      return nullptr;
    }
    auto make = reinterpret_cast<MakeHttpServer>(dlsym(module, kMakeHttpServer));
    if (!make) {
      error = candidate.string() + " is not runbookc's HTTP server module (no " + kMakeHttpServer + ")";
      return nullptr;
    }
    return std::unique_ptr<HttpServer>(make(&site));
  }
  error = "the HTTP server module is not installed (looked for " + tried + ")";
  return nullptr;
}

}  // namespace rbc::serve
