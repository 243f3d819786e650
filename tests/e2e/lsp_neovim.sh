#!/usr/bin/env bash
# runbookc lsp driven by a real editor's client: Neovim (Debian 12 ships 0.7.2,
# so only its API: vim.lsp.start_client + buf_attach_client, no vim.lsp.start)
# opens a runbook headless, receives the diagnostics (Neovim turns the UTF-16
# ranges into byte columns of its buffer), applies the fix code action, saves,
# is re-linted after the change, hovers a finding, and applies the
# suppression action of another.
# Usage: lsp_neovim.sh path/to/runbookc   (needs the Debian package neovim)
set -uo pipefail
RB=$(realpath "$1")
if ! command -v nvim > /dev/null; then
  echo "FAIL: nvim not found (apt-get install neovim)"
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(cd "$(dirname "$0")" && pwd)/lib/checks.sh"

cd "$work"
printf 'root: true\n' > .runbookc.yaml
printf '# Mistag\n\nProse é😀 here.\n\n```bash\necho é😀 "unclosed\n```\n\n```bash\nsum by (job) (rate(errors_total[5m]))\n```\n' > runbook.md

cat > init.lua <<'LUA'
local out = {}
local function say(s) table.insert(out, s) end
local function diagnostics(bufnr)
  local ds = vim.diagnostic.get(bufnr)
  table.sort(ds, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return ds
end
local function dump(label, bufnr)
  for _, d in ipairs(diagnostics(bufnr)) do
    say(string.format('%s %d:%d-%d:%d %s severity=%d source=%s %s', label, d.lnum, d.col, d.end_lnum, d.end_col,
      d.code, d.severity, d.source, (d.message:sub(1, 40):gsub('%s+$', ''))))
  end
end
local ok, err = pcall(function()
  vim.cmd('edit runbook.md')
  local bufnr = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({ name = 'runbookc', cmd = { os.getenv('RB'), 'lsp' }, root_dir = vim.fn.getcwd() })
  assert(id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, id)
  assert(vim.wait(10000, function() return #vim.diagnostic.get(bufnr) == 2 end, 20), 'no diagnostics after open')
  dump('open', bufnr)

  -- Code actions at the RB401 finding (line 8, on the fence).
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 8, character = 2 }, ['end'] = { line = 8, character = 2 } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
  local fix
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      say('action ' .. action.title)
      if action.isPreferred then fix = action end
    end
  end
  assert(fix, 'no preferred code action')
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  vim.cmd('write')
  -- The edit is a change: after the debounce the finding it fixed is gone.
  assert(vim.wait(10000, function() return #vim.diagnostic.get(bufnr) == 1 end, 20), 'RB401 stayed after the fix')
  dump('fixed', bufnr)

  -- Hover on the RB001 finding: a position in UTF-16 units after é and the emoji.
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 5, character = 10 } }, 5000)
  for _, response in pairs(hover or {}) do
    local f = io.open('hover.txt', 'w')
    f:write(response.result.contents.value)
    f:close()
  end

  -- The suppression action on RB001: a comment above its block; with its reason
  -- still empty, RB410 reports it (on the comment's line) instead of RB001.
  params.range = { start = { line = 5, character = 10 }, ['end'] = { line = 5, character = 10 } }
  local suppress
  for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000) or {}) do
    for _, action in ipairs(response.result or {}) do
      if action.title:find('^Suppress') then suppress = action end
    end
  end
  assert(suppress, 'no suppression action')
  say('action ' .. suppress.title)
  vim.lsp.util.apply_workspace_edit(suppress.edit, 'utf-16')
  assert(vim.wait(10000, function()
    local ds = vim.diagnostic.get(bufnr)
    return #ds == 1 and ds[1].code == 'RB410'
  end, 20), 'RB001 was not suppressed')
  dump('suppressed', bufnr)
  say('line 5: ' .. vim.api.nvim_buf_get_lines(bufnr, 4, 5, true)[1])
end)
if not ok then say('ERROR ' .. tostring(err)) end
local f = io.open('result.txt', 'w')
f:write(table.concat(out, '\n') .. '\n')
f:close()
vim.cmd('qa!')
LUA

RB="$RB" timeout 60 nvim --headless --clean -u init.lua > nvim.log 2>&1
rc=$?
check "nvim exits 0" test $rc -eq 0
cat > expected.txt <<'EOF2'
open 5:12-5:21 RB001 severity=1 source=runbookc this shell block does not parse: unexpec
open 8:0-8:7 RB401 severity=2 source=runbookc this block is tagged `bash` but holds pr
action retag the block as `promql` (RB401)
action Suppress RB401 for this code block (with a reason)
fixed 5:12-5:21 RB001 severity=1 source=runbookc this shell block does not parse: unexpec
action Suppress RB001 for this code block (with a reason)
suppressed 4:0-4:52 RB410 severity=2 source=runbookc this suppression hides an error (RB001)
line 5: <!-- runbookc-disable-next-block RB001 reason="" -->
EOF2
if ! diff -u expected.txt result.txt; then
  echo "FAIL: diagnostics and code actions as Neovim saw them"; failures=$((failures + 1))
  cat nvim.log
else
  pass=$((pass + 1))
fi
printf '# Mistag\n\nProse é😀 here.\n\n```bash\necho é😀 "unclosed\n```\n\n```promql\nsum by (job) (rate(errors_total[5m]))\n```\n' > expected.md
check "the saved file has the fix applied" cmp -s expected.md runbook.md
summary=$("$RB" explain RB001 | sed -n 3p)
check "hover starts with the finding" grep -q '^RB001 bash-syntax (error): this shell block does not parse' hover.txt
check "hover holds the rule's summary" grep -qF -- "$summary" hover.txt

echo "lsp_neovim: $pass passed, $failures failed"
test $failures -eq 0
