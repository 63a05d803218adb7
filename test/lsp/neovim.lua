-- Neovim's built-in LSP client against mlsystem-review-lsp, headless: open the draft
-- design, wait for its diagnostics, request and apply a code action, request completion,
-- symbols and hover, and open a compose file that must get nothing. Everything seen is
-- written as JSON to $MLSYSTEM_NVIM_OUT for test/lsp/neovim.test.ts to check.
-- Works with Neovim 0.7 (Debian 12) and later: vim.lsp.start_client + buf_attach_client.
local out_path = assert(os.getenv('MLSYSTEM_NVIM_OUT'), 'MLSYSTEM_NVIM_OUT')
local server = assert(os.getenv('MLSYSTEM_LSP_BIN'), 'MLSYSTEM_LSP_BIN')
local root = assert(os.getenv('MLSYSTEM_ROOT'), 'MLSYSTEM_ROOT')
local draft = root .. '/examples/draft/mlsystem.yaml'
local compose = root .. '/test/fixtures/editor-workspace/docker-compose.yml'
local TIMEOUT = 60000

local result = { nvim = vim.version(), steps = {} }

local function wait(what, condition)
  if not vim.wait(TIMEOUT, condition, 20) then error('timed out waiting for ' .. what) end
end

local function request(bufnr, method, params)
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  if not answers then error(method .. ': ' .. tostring(err)) end
  for _, answer in pairs(answers) do
    if answer.err then error(method .. ': ' .. vim.inspect(answer.err)) end
    return answer.result
  end
  return nil
end

local function open(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'yaml')
  return bufnr
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

local function run()
  local published = {}
  local client_id = vim.lsp.start_client({
    name = 'mlsystem-review',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    init_options = { today = '2026-11-26' },
    settings = { mlsystem = { rules = {} } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        table.insert(published, params)
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
  })
  assert(client_id, 'the client started')

  -- 1. The draft: diagnostics with rule ids as codes.
  local bufnr = open(draft)
  vim.lsp.buf_attach_client(bufnr, client_id)
  wait('diagnostics on the draft', function() return #vim.diagnostic.get(bufnr) > 0 end)
  local client = vim.lsp.get_client_by_id(client_id)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { code = d.code, lnum = d.lnum, message = d.message, severity = d.severity, source = d.source })
  end
  result.published = {}
  for _, p in ipairs(published) do
    local codes = {}
    for _, d in ipairs(p.diagnostics) do table.insert(codes, { code = d.code, href = d.codeDescription and d.codeDescription.href or vim.NIL }) end
    table.insert(result.published, { uri = p.uri, version = p.version, diagnostics = codes })
  end
  table.insert(result.steps, 'diagnostics')

  -- 2. A code action on a line with a fixable finding, as :lua vim.lsp.buf.code_action() asks for it.
  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'unknown-reference' then target = d end
  end
  assert(target, 'an unknown-reference finding in the draft')
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum)
  local actions = request(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = target.lnum, character = 0 }, ['end'] = { line = target.lnum, character = 0 } },
    context = { diagnostics = line_diagnostics },
  }) or {}
  result.code_actions = {}
  local chosen
  for _, a in ipairs(actions) do
    table.insert(result.code_actions, { title = a.title, kind = a.kind })
    if not chosen and a.kind == 'quickfix' and not a.title:match('^Waive') and a.diagnostics and a.diagnostics[1].code == 'unknown-reference' then chosen = a end
  end
  assert(chosen, 'a quick fix for unknown-reference')
  local before = buffer_text(bufnr)
  local version_before = vim.lsp.util.buf_versions[bufnr]
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  result.applied = chosen.title
  result.text_changed = buffer_text(bufnr) ~= before
  -- The edit is sent to the server as a change; the review of the new version drops the finding.
  wait('diagnostics for the edited draft', function()
    local last = published[#published]
    return last and last.uri == vim.uri_from_bufnr(bufnr) and last.version and last.version > version_before
  end)
  result.codes_after_fix = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(result.codes_after_fix, d.code) end
  table.insert(result.steps, 'code action')

  -- 3. Completion: the maturity values, and the objective ids a framing can serve.
  local function completion_labels(line, character)
    local answer = request(bufnr, 'textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } })
    local items = answer and (answer.items or answer) or {}
    local labels = {}
    for _, item in ipairs(items) do table.insert(labels, item.label) end
    return labels
  end
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local maturity_line, serves_line
  for i, l in ipairs(lines) do
    if l:match('^  maturity: ') then maturity_line = i - 1 end
    if l:match('^    serves: %[') then serves_line = i - 1 end
  end
  result.completion_maturity = completion_labels(maturity_line, #'  maturity: ')
  result.completion_serves = completion_labels(serves_line, #'    serves: [')
  table.insert(result.steps, 'completion')

  -- 4. Symbols (the outline) and hover.
  local symbols = request(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }) or {}
  result.symbols = {}
  for _, s in ipairs(symbols) do
    local children = {}
    for _, c in ipairs(s.children or {}) do table.insert(children, c.name) end
    table.insert(result.symbols, { name = s.name, children = children })
  end
  local hover = request(bufnr, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = maturity_line, character = 3 } })
  result.hover = hover and hover.contents and (hover.contents.value or hover.contents) or vim.NIL
  table.insert(result.steps, 'symbols and hover')

  -- 5. A compose file: attached, asked, and never given a diagnostic.
  local compose_buf = open(compose)
  vim.lsp.buf_attach_client(compose_buf, client_id)
  -- Requests are answered in the order the server reads them: once this one is answered,
  -- anything the server would publish for the file it was just sent has been published.
  result.compose_symbols = request(compose_buf, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(compose_buf) } }) or {}
  result.compose_diagnostics = #vim.diagnostic.get(compose_buf)
  result.compose_published = 0
  for _, p in ipairs(published) do
    if p.uri == vim.uri_from_bufnr(compose_buf) then result.compose_published = result.compose_published + 1 end
  end
  table.insert(result.steps, 'compose')

  vim.lsp.stop_client(client_id)
  wait('the server to stop', function() return vim.lsp.get_client_by_id(client_id) == nil end)
  table.insert(result.steps, 'stopped')
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
local file = assert(io.open(out_path, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
