// The language server's base protocol: Content-Length framing over bytes
// that arrive in pieces of any size.
#include <doctest/doctest.h>

#include <vector>

#include "compiler/cli/lsp/framing.h"

using rbc::lsp::frame;
using rbc::lsp::MessageReader;

TEST_CASE("lsp framing: a framed message reads back whole") {
  CHECK(frame("{}") == "Content-Length: 2\r\n\r\n{}");
  MessageReader r;
  r.feed(frame(R"({"a":1})"));
  CHECK(r.next() == std::optional<std::string>(R"({"a":1})"));
  CHECK_FALSE(r.next().has_value());
  CHECK(r.error().empty());
}

TEST_CASE("lsp framing: a message split anywhere, byte by byte, comes out once") {
  std::string bytes = frame(R"({"id":1})") + frame(R"({"id":2,"text":"é😀"})");
  MessageReader r;
  std::vector<std::string> got;
  for (char c : bytes) {
    r.feed(std::string_view(&c, 1));
    while (auto body = r.next()) got.push_back(*body);
  }
  REQUIRE(got.size() == 2);
  CHECK(got[0] == R"({"id":1})");
  CHECK(got[1] == R"({"id":2,"text":"é😀"})");  // Content-Length counts bytes: 24
  CHECK(frame(got[1]).starts_with("Content-Length: 24\r\n"));
}

TEST_CASE("lsp framing: a partial body waits; two messages in one read both come out") {
  MessageReader r;
  r.feed("Content-Length: 10\r\n\r\n{\"x\":");
  CHECK_FALSE(r.next().has_value());
  r.feed("true}Content-Length: 2\r\n\r\n[]");
  CHECK(r.next() == std::optional<std::string>(R"({"x":true})"));
  CHECK(r.next() == std::optional<std::string>("[]"));
  CHECK_FALSE(r.next().has_value());
}

TEST_CASE("lsp framing: other header fields and the field name's case are accepted") {
  MessageReader r;
  r.feed("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  CHECK(r.next() == std::optional<std::string>("{}"));
}

TEST_CASE("lsp framing: a header without Content-Length is an error, not a guess") {
  MessageReader r;
  r.feed("Content-Type: x\r\n\r\n{}");
  CHECK_FALSE(r.next().has_value());
  CHECK(r.error() == "a message header without a valid Content-Length");
  MessageReader bad;
  bad.feed("Content-Length: 12x\r\n\r\n{}");
  CHECK_FALSE(bad.next().has_value());
  CHECK_FALSE(bad.error().empty());
}
