#include "compiler/cli/serve/site_answers.h"

#include "compiler/base/file_io.h"
#include "compiler/cli/serve/reload_script.h"
#include "compiler/cli/serve/served_file.h"

namespace rbc::serve {
namespace {

HttpAnswer plain(int status, const char* text) { return {status, "text/plain; charset=utf-8", text, "", false}; }

}  // namespace

HttpAnswer SiteAnswers::answer(const std::string& path) {
  if (path == kEventsPath) return {200, "text/event-stream", "", "", true};
  if (path == kReloadScriptPath) return {200, "text/javascript; charset=utf-8", std::string(reload_script()), "", false};
  ServedFile file = resolve_served_file(root_, path);
  switch (file.kind) {
    case ServedFile::Kind::forbidden: return plain(403, "403 Forbidden: outside the site\n");
    case ServedFile::Kind::not_found: return plain(404, "404 Not Found\n");
    case ServedFile::Kind::redirect: return {302, "text/plain; charset=utf-8", "", file.location, false};
    case ServedFile::Kind::file: break;
  }
  // The generation first: a page read during a rebuild says the older one, and is reloaded.
  std::optional<unsigned long> generation = generations_.current();
  HttpAnswer answer{200, std::string(content_type_for(file.path)), "", "", false};
  if (!generation || !read_file(file.path, answer.body)) return plain(404, "404 Not Found\n");
  if (file.path.extension() == ".html") answer.body = inject_reload_script(answer.body, *generation);
  return answer;
}

std::optional<std::string> SiteAnswers::next_event(std::optional<unsigned long>& seen) {
  std::optional<unsigned long> now = seen ? generations_.wait_for_change(*seen, keep_alive_) : generations_.current();
  if (!now) return std::nullopt;  // shutting down
  std::string piece = seen == now ? std::string(": keep-alive\n\n") : generation_event(*now);
  seen = now;
  return piece;
}

}  // namespace rbc::serve
