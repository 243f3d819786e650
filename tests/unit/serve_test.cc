// runbookc serve's pure parts and its watcher: which file a request path
// names (and which it must never reach), the reload script's place in a
// page, the debouncing of editor bursts, the inotify watcher on a real tree.
#include <doctest/doctest.h>

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "compiler/cli/serve/debouncer.h"
#include "compiler/cli/serve/reload_script.h"
#include "compiler/cli/serve/served_file.h"
#include "compiler/cli/serve/site_answers.h"
#include "compiler/cli/serve/tree_watcher.h"

namespace fs = std::filesystem;
using namespace rbc::serve;
using Kind = ServedFile::Kind;
using std::chrono::milliseconds;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "runbookc-serve-test-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("served files: paths inside the site resolve, / is index.html") {
  TempDir t;
  fs::path site = t.path / "site";
  write(site / "index.html", "<p>index</p>");
  write(site / "runbooks" / "db.html", "<p>db</p>");
  write(site / "runbooks" / "index.html", "<p>list</p>");
  fs::path real_site = fs::canonical(site);

  ServedFile root = resolve_served_file(site, "/");
  CHECK(root.kind == Kind::file);
  CHECK(root.path == real_site / "index.html");
  ServedFile page = resolve_served_file(site, "/runbooks/db.html");
  CHECK(page.kind == Kind::file);
  CHECK(page.path == real_site / "runbooks" / "db.html");
  CHECK(resolve_served_file(site, "/./runbooks//db.html").path == real_site / "runbooks" / "db.html");
  ServedFile dir = resolve_served_file(site, "/runbooks");
  CHECK(dir.kind == Kind::redirect);
  CHECK(dir.location == "/runbooks/");
  CHECK(resolve_served_file(site, "/runbooks/").path == real_site / "runbooks" / "index.html");
  CHECK(resolve_served_file(site, "/missing.html").kind == Kind::not_found);
}

TEST_CASE("served files: nothing outside the site is reachable") {
  TempDir t;
  fs::path site = t.path / "site";
  write(site / "index.html", "<p>index</p>");
  write(site / "sub" / "page.html", "<p>page</p>");
  write(t.path / "secret.txt", "secret");
  fs::create_directory_symlink(t.path, site / "escape");
  fs::create_symlink(t.path / "secret.txt", site / "secret.txt");

  CHECK(resolve_served_file(site, "/../secret.txt").kind == Kind::forbidden);
  CHECK(resolve_served_file(site, "/sub/../../secret.txt").kind == Kind::forbidden);
  // Even a `..` that would stay inside is refused: no request needs one.
  CHECK(resolve_served_file(site, "/sub/../index.html").kind == Kind::forbidden);
  CHECK(resolve_served_file(site, "/..").kind == Kind::forbidden);
  CHECK(resolve_served_file(site, "/sub\\..\\..\\secret.txt").kind == Kind::forbidden);
  CHECK(resolve_served_file(site, std::string_view("/index.html\0.png", 16)).kind == Kind::forbidden);
  CHECK(resolve_served_file(site, "secret.txt").kind == Kind::forbidden);  // not absolute
  CHECK(resolve_served_file(site, "").kind == Kind::forbidden);
  // Absolute paths name files under the site, never the file system's.
  CHECK(resolve_served_file(site, "/etc/passwd").kind == Kind::not_found);
  CHECK(resolve_served_file(site, "//etc/passwd").kind == Kind::not_found);
  // Symbolic links leading out of the site.
  CHECK(resolve_served_file(site, "/escape/secret.txt").kind == Kind::forbidden);
  CHECK(resolve_served_file(site, "/secret.txt").kind == Kind::forbidden);
}

TEST_CASE("served files: content types") {
  CHECK(content_type_for("a/b.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("assets/style.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("assets/site.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("runbooks.json") == "application/json");
  CHECK(content_type_for("favicon.svg") == "image/svg+xml");
  CHECK(content_type_for("scripts/db.sh") == "text/plain; charset=utf-8");
  CHECK(content_type_for("blob") == "application/octet-stream");
}

TEST_CASE("reload script: before the last </body>, tagged with the generation") {
  CHECK(inject_reload_script("<html><body><p>x</p></body></html>", 7) ==
        "<html><body><p>x</p><script src=\"/__runbookc/reload.js\" data-generation=\"7\"></script></body></html>");
  // A `</body>` inside the page's text (escaped in a code block, but the last one wins anyway).
  CHECK(inject_reload_script("<body><pre>&lt;/body&gt; </body></pre></body>\n", 2) ==
        "<body><pre>&lt;/body&gt; </body></pre><script src=\"/__runbookc/reload.js\" data-generation=\"2\"></script></body>\n");
  CHECK(inject_reload_script("<p>fragment</p>", 1) ==
        "<p>fragment</p><script src=\"/__runbookc/reload.js\" data-generation=\"1\"></script>");
  CHECK(generation_event(12) == "event: generation\ndata: 12\n\n");
  CHECK(reload_script().find("new EventSource('/__runbookc/events')") != std::string_view::npos);
}

TEST_CASE("debouncer: one batch per burst, after the quiet time") {
  Debouncer d(milliseconds(100), milliseconds(1000));
  Debouncer::Clock::time_point t0{};
  CHECK_FALSE(d.wait(t0).has_value());
  // vim's save: the file renamed away, the new one written, the backup deleted.
  d.note("rb/db.md", t0);
  d.note("rb/db.md", t0 + milliseconds(3));
  d.note("rb/.runbookc.yaml", t0 + milliseconds(40));
  CHECK(d.wait(t0 + milliseconds(40)) == milliseconds(100));
  CHECK(d.take_if_due(t0 + milliseconds(139)).empty());
  CHECK(d.wait(t0 + milliseconds(139)) == milliseconds(1));
  CHECK(d.take_if_due(t0 + milliseconds(140)) == std::vector<std::string>{"rb/.runbookc.yaml", "rb/db.md"});
  CHECK_FALSE(d.wait(t0 + milliseconds(140)).has_value());
  CHECK(d.take_if_due(t0 + milliseconds(500)).empty());
}

TEST_CASE("debouncer: a file written without pause is rebuilt after the longest wait") {
  Debouncer d(milliseconds(100), milliseconds(1000));
  Debouncer::Clock::time_point t0{};
  for (int ms = 0; ms <= 950; ms += 50) d.note("rb/log.md", t0 + milliseconds(ms));
  CHECK(d.wait(t0 + milliseconds(950)) == milliseconds(50));  // 1000 after the first, not 100 after the last
  CHECK(d.take_if_due(t0 + milliseconds(1000)) == std::vector<std::string>{"rb/log.md"});
}

TEST_CASE("tree watcher: runbooks and configuration, editors' renames, new directories") {
  TempDir t;
  fs::path rb = t.path / "rb";
  write(rb / "db.md", "# DB\n");
  write(rb / "team" / "cache.md", "# Cache\n");
  write(rb / ".git" / "HEAD", "ref\n");
  TreeWatcher watcher({rb.string()});
  CHECK(watcher.take_warnings().empty());
  CHECK(watcher.read_changes().empty());

  write(rb / "db.md", "# DB v2\n");
  CHECK(watcher.read_changes() == std::vector<std::string>{(rb / "db.md").string()});

  // vim (backupcopy=no): writes a new file and renames it over the runbook;
  // its swap file and its backup do not count.
  write(rb / "team" / ".cache.md.swp", "swap");
  write(rb / "team" / "cache.md~", "# Cache\n");
  write(rb / "team" / "4913", "");
  fs::rename(rb / "team" / "cache.md~", rb / "team" / "cache.md");
  CHECK(watcher.read_changes() == std::vector<std::string>{(rb / "team" / "cache.md").string()});  // moved to

  write(rb / ".runbookc.yaml", "extensions: [md]\n");
  write(rb / ".git" / "HEAD", "ref 2\n");  // hidden directories are not watched
  write(rb / "notes.txt", "x");
  CHECK(watcher.read_changes() == std::vector<std::string>{(rb / ".runbookc.yaml").string(),
                                                          (rb / ".runbookc.yaml").string()});  // created, then closed

  // A new directory is a change, and is watched from then on.
  fs::create_directory(rb / "new");
  CHECK(watcher.read_changes() == std::vector<std::string>{(rb / "new").string()});
  write(rb / "new" / "queue.md", "# Queue\n");
  CHECK(watcher.read_changes() == std::vector<std::string>{(rb / "new" / "queue.md").string(),
                                                          (rb / "new" / "queue.md").string()});  // created, then closed
  fs::remove(rb / "db.md");
  CHECK(watcher.read_changes() == std::vector<std::string>{(rb / "db.md").string()});
}

TEST_CASE("tree watcher: a file named as an input, whatever its extension, reported as named") {
  TempDir t;
  write(t.path / "runbook.txt", "# A\n");
  write(t.path / "other.md", "# B\n");
  TreeWatcher watcher({(t.path / "runbook.txt").string()});
  write(t.path / "other.md", "# B2\n");
  CHECK(watcher.read_changes().empty());
  write(t.path / "runbook.txt", "# A2\n");
  CHECK(watcher.read_changes() == std::vector<std::string>{(t.path / "runbook.txt").string()});

  // Named without a directory: watched through ".", reported as named.
  fs::path cwd = fs::current_path();
  fs::current_path(t.path);
  TreeWatcher here({"runbook.txt"});
  write(t.path / "runbook.txt", "# A3\n");
  std::vector<std::string> changes = here.read_changes();
  fs::current_path(cwd);
  CHECK(changes == std::vector<std::string>{"runbook.txt"});
}

TEST_CASE("site answers: files, the reload script in HTML only, refusals") {
  TempDir t;
  write(t.path / "index.html", "<html><body><p>index</p></body></html>");
  write(t.path / "assets" / "style.css", "body{}");
  BuildGenerations generations;
  SiteAnswers answers(t.path, generations);

  HttpAnswer index = answers.answer("/");
  CHECK(index.status == 200);
  CHECK(index.content_type == "text/html; charset=utf-8");
  CHECK(index.body == "<html><body><p>index</p><script src=\"/__runbookc/reload.js\" data-generation=\"1\"></script></body></html>");
  generations.advance();
  CHECK(answers.answer("/index.html").body.find("data-generation=\"2\"") != std::string::npos);
  HttpAnswer css = answers.answer("/assets/style.css");
  CHECK(css.body == "body{}");
  CHECK(css.content_type == "text/css; charset=utf-8");
  CHECK(answers.answer("/assets").status == 404);
  CHECK(answers.answer("/../index.html").status == 403);
  CHECK(answers.answer("/nope.html").status == 404);
  HttpAnswer script = answers.answer("/__runbookc/reload.js");
  CHECK(script.content_type == "text/javascript; charset=utf-8");
  CHECK(script.body == reload_script());
  CHECK(answers.answer("/__runbookc/events").event_stream);
}

TEST_CASE("site answers: the event stream says the generation, then each new one, then ends") {
  TempDir t;
  BuildGenerations generations;
  SiteAnswers answers(t.path, generations, milliseconds(1));
  std::optional<unsigned long> seen;
  CHECK(answers.next_event(seen) == "event: generation\ndata: 1\n\n");
  CHECK(answers.next_event(seen) == ": keep-alive\n\n");  // nothing new within the keep-alive time
  generations.advance();
  CHECK(answers.next_event(seen) == "event: generation\ndata: 2\n\n");
  generations.stop();
  CHECK_FALSE(answers.next_event(seen).has_value());
}
