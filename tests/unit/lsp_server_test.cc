// The server's state machine on a fake clock: initialize and the negotiated
// position encoding, diagnostics at open and after the debounce delay, code
// actions and hover on fresh findings, didClose, shutdown and exit.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "compiler/cli/lsp/server.h"

using namespace rbc::lsp;
using json = nlohmann::json;
using namespace std::chrono_literals;

namespace {

const char* kMistag = "# Mistag\n\n```bash\nsum by (job) (rate(errors_total[5m]))\n```\n";
const char* kClean = "# Clean\n\n```bash\nkubectl get pods -n <namespace>\n```\n";

/// A directory with a root .runbookc.yaml, so no configuration above it applies.
std::string runbook_dir() {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "runbookc_lsp_server_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / ".runbookc.yaml") << "root: true\n";
  return dir.string();
}

json req(int id, std::string method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", std::move(method)}, {"params", std::move(params)}};
}
json note(std::string method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

struct Session {
  Server server{150ms};
  Clock::time_point t0 = Clock::now();
  std::string uri = "file://" + runbook_dir() + "/my%20runbook.md";

  json initialize(json capabilities = json::object()) {
    auto out = server.handle(req(1, "initialize", {{"processId", nullptr}, {"capabilities", capabilities}}), t0);
    REQUIRE(out.size() == 1);
    server.handle(note("initialized", json::object()), t0);
    return out[0];
  }
  void open(const std::string& text) {
    CHECK(server.handle(note("textDocument/didOpen",
                             {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}}),
                        t0)
              .empty());
  }
  void change(int version, const std::string& text, Clock::time_point at) {
    CHECK(server.handle(note("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                                        {"contentChanges", json::array({{{"text", text}}})}}),
                        at)
              .empty());
  }
};

/// "code line:character" of each diagnostic in a publishDiagnostics.
std::vector<std::string> published(const json& message) {
  std::vector<std::string> out;
  for (const json& d : message["params"]["diagnostics"])
    out.push_back(d["code"].get<std::string>() + " " + std::to_string(d["range"]["start"]["line"].get<int>()) + ":" +
                  std::to_string(d["range"]["start"]["character"].get<int>()));
  return out;
}

}  // namespace

TEST_CASE("lsp server: file URIs are decoded into paths") {
  CHECK(path_of_uri("file:///home/me/run%20books/a%C3%A9.md") == "/home/me/run books/aé.md");
  CHECK(path_of_uri("file://localhost/x.md") == "/x.md");
  CHECK(path_of_uri("untitled:Untitled-1") == "untitled:Untitled-1");
}

TEST_CASE("lsp server: initialize states the capabilities; utf-32 is taken when offered") {
  Session plain;
  json r = plain.initialize();
  CHECK(r["id"] == 1);
  CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(r["result"]["capabilities"]["textDocumentSync"] == json::parse(R"({"openClose":true,"change":1})"));
  CHECK(r["result"]["capabilities"]["hoverProvider"] == true);
  CHECK(r["result"]["capabilities"]["codeActionProvider"]["codeActionKinds"] == json::array({"quickfix"}));
  CHECK(r["result"]["serverInfo"]["name"] == "runbookc");
  Session wide;
  json w = wide.initialize({{"general", {{"positionEncodings", {"utf-8", "utf-32", "utf-16"}}}}});
  CHECK(w["result"]["capabilities"]["positionEncoding"] == "utf-32");
  CHECK(wide.server.encoding() == Encoding::utf32);
}

TEST_CASE("lsp server: requests before initialize are refused; unknown methods are not found") {
  Server server;
  auto early = server.handle(req(7, "textDocument/hover", json::object()), Clock::now());
  REQUIRE(early.size() == 1);
  CHECK(early[0]["error"]["code"] == -32002);
  Session s;
  s.initialize();
  auto unknown = s.server.handle(req(8, "workspace/symbol", {{"query", ""}}), s.t0);
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0]["id"] == 8);
  CHECK(unknown[0]["error"]["code"] == -32601);
}

TEST_CASE("lsp server: diagnostics at open at once, after a change only once the delay passed since the last one") {
  Session s;
  s.initialize();
  s.open(kMistag);
  REQUIRE(s.server.next_deadline() == s.t0);
  auto first = s.server.tick(s.t0);
  REQUIRE(first.size() == 1);
  CHECK(first[0]["method"] == "textDocument/publishDiagnostics");
  CHECK(first[0]["params"]["uri"] == s.uri);
  CHECK(first[0]["params"]["version"] == 1);
  CHECK(published(first[0]) == std::vector<std::string>{"RB401 2:0"});
  CHECK_FALSE(s.server.next_deadline().has_value());

  s.change(2, kClean, s.t0 + 1000ms);
  CHECK(s.server.tick(s.t0 + 1100ms).empty());
  s.change(3, std::string("\n") + kMistag, s.t0 + 1100ms);  // restarts the timer
  CHECK(s.server.next_deadline() == s.t0 + 1250ms);
  CHECK(s.server.tick(s.t0 + 1249ms).empty());
  auto later = s.server.tick(s.t0 + 1250ms);
  REQUIRE(later.size() == 1);
  CHECK(later[0]["params"]["version"] == 3);
  CHECK(published(later[0]) == std::vector<std::string>{"RB401 3:0"});
}

TEST_CASE("lsp server: a code action request lints a pending change first, then answers on it") {
  Session s;
  s.initialize();
  s.open(kClean);
  CHECK(published(s.server.tick(s.t0).at(0)).empty());
  s.change(2, kMistag, s.t0 + 10ms);
  auto out = s.server.handle(req(5, "textDocument/codeAction",
                                 {{"textDocument", {{"uri", s.uri}}},
                                  {"range", {{"start", {{"line", 2}, {"character", 4}}}, {"end", {{"line", 2}, {"character", 4}}}}},
                                  {"context", {{"diagnostics", json::array()}}}}),
                             s.t0 + 20ms);
  REQUIRE(out.size() == 2);
  CHECK(published(out[0]) == std::vector<std::string>{"RB401 2:0"});
  CHECK(out[1]["id"] == 5);
  REQUIRE(out[1]["result"].size() == 2);
  CHECK(out[1]["result"][0]["title"] == "retag the block as `promql` (RB401)");
  CHECK(out[1]["result"][0]["edit"]["changes"][s.uri][0]["newText"] == "promql");
  CHECK(out[1]["result"][1]["title"] == "Suppress RB401 for this code block (with a reason)");
  CHECK_FALSE(s.server.next_deadline().has_value());

  auto none = s.server.handle(req(6, "textDocument/codeAction",
                                  {{"textDocument", {{"uri", s.uri}}},
                                   {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 3}}}}},
                                   {"context", {{"diagnostics", json::array()}}}}),
                              s.t0 + 30ms);
  REQUIRE(none.size() == 1);
  CHECK(none[0]["result"] == json::array());

  auto other_kind = s.server.handle(req(7, "textDocument/codeAction",
                                        {{"textDocument", {{"uri", s.uri}}},
                                         {"range", {{"start", {{"line", 2}, {"character", 4}}}, {"end", {{"line", 2}, {"character", 4}}}}},
                                         {"context", {{"diagnostics", json::array()}, {"only", json::array({"source.organizeImports"})}}}}),
                                    s.t0 + 40ms);
  CHECK(other_kind.at(0)["result"] == json::array());
}

TEST_CASE("lsp server: hover on a finding explains its rule; elsewhere it is null") {
  Session s;
  s.initialize();
  s.open(kMistag);
  s.server.tick(s.t0);
  auto on = s.server.handle(req(9, "textDocument/hover",
                                {{"textDocument", {{"uri", s.uri}}}, {"position", {{"line", 2}, {"character", 5}}}}),
                            s.t0);
  REQUIRE(on.size() == 1);
  CHECK(on[0]["result"]["contents"]["kind"] == "plaintext");
  std::string text = on[0]["result"]["contents"]["value"];
  CHECK(text.starts_with("RB401 mis-tagged-code-block (warning): "));
  CHECK(text.find("A code block's language tag does not match its content") != std::string::npos);
  CHECK(on[0]["result"]["range"] == json::parse(R"({"start":{"line":2,"character":0},"end":{"line":2,"character":7}})"));
  auto off = s.server.handle(req(10, "textDocument/hover",
                                 {{"textDocument", {{"uri", s.uri}}}, {"position", {{"line", 0}, {"character", 1}}}}),
                             s.t0);
  CHECK(off.at(0)["result"].is_null());
}

TEST_CASE("lsp server: didClose clears the diagnostics; shutdown then exit is exit code 0, exit alone 1") {
  Session s;
  s.initialize();
  s.open(kMistag);
  s.server.tick(s.t0);
  auto closed = s.server.handle(note("textDocument/didClose", {{"textDocument", {{"uri", s.uri}}}}), s.t0);
  REQUIRE(closed.size() == 1);
  CHECK(closed[0]["params"]["uri"] == s.uri);
  CHECK(closed[0]["params"]["diagnostics"] == json::array());
  auto down = s.server.handle(req(11, "shutdown", nullptr), s.t0);
  REQUIRE(down.size() == 1);
  CHECK(down[0]["result"].is_null());
  CHECK(s.server.handle(req(12, "textDocument/hover", json::object()), s.t0).at(0)["error"]["code"] == -32600);
  CHECK_FALSE(s.server.exited());
  s.server.handle(note("exit", nullptr), s.t0);
  CHECK(s.server.exited());
  CHECK(s.server.exit_code() == 0);

  Session abrupt;
  abrupt.initialize();
  abrupt.server.handle(note("exit", nullptr), abrupt.t0);
  CHECK(abrupt.server.exited());
  CHECK(abrupt.server.exit_code() == 1);
}
