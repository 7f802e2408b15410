-- Headless Neovim (0.7) as an LSP client of Herd over stdio: waits for the diagnostics of the file it
-- opened, asks for code actions on each, applies the one whose title starts with HERD_FIX_TITLE, waits
-- for the diagnostics to follow the edit, and writes everything as JSON to HERD_OUT, then quits.
local server = assert(os.getenv('HERD_SERVER'), 'HERD_SERVER is not set')
local out_path = assert(os.getenv('HERD_OUT'), 'HERD_OUT is not set')
local root = assert(os.getenv('HERD_ROOT'), 'HERD_ROOT is not set')
local fix_title = os.getenv('HERD_FIX_TITLE') or ''
local wait_ms = tonumber(os.getenv('HERD_WAIT_MS') or '30000')

local result = { events = {} }

local function note(text) table.insert(result.events, text) end

local function finish(code)
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd((code == 0 and 'qall!' or ('cquit ' .. code)))
end

-- Any Lua error below still leaves a JSON file behind, with the error in it.
local function guarded(fn)
  local ok, err = pcall(fn)
  if not ok then
    result.error = tostring(err)
    finish(2)
  end
end

local function herd_diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'herd' then
      table.insert(out, { code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, message = d.message })
    end
  end
  return out
end

local function lsp_diagnostic_of(bufnr, d)
  -- The LSP form (with `data`, which the server uses to find the finding's fixes).
  for _, lsp in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum)) do
    if lsp.code == d.code and lsp.range.start.character == d.col and lsp.range['end'].character == d.end_col then return lsp end
  end
end

-- init.lua runs before Neovim loads FILE: start once the buffer (and its filetype) exists.
vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = function() guarded(function()
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  local client_id = vim.lsp.start_client({
    name = 'herd',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
    on_exit = function(code, signal) note('server exited ' .. tostring(code) .. '/' .. tostring(signal)) end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local arrived = vim.wait(wait_ms, function() return #herd_diagnostics(bufnr) > 0 end, 50)
  note(arrived and 'diagnostics arrived' or ('no herd diagnostics within ' .. wait_ms .. ' ms'))
  result.diagnostics = herd_diagnostics(bufnr)
  local client = assert(vim.lsp.get_client_by_id(client_id), 'the herd client is gone')

  result.actions = {}
  local chosen
  for _, d in ipairs(result.diagnostics) do
    local lsp = lsp_diagnostic_of(bufnr, d)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      context = { diagnostics = { lsp } },
    }
    local response = client.request_sync('textDocument/codeAction', params, 10000, bufnr)
    assert(response and not response.err, 'codeAction failed: ' .. vim.inspect(response))
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, { rule = d.code, title = action.title, kind = action.kind })
      if not chosen and fix_title ~= '' and vim.startswith(action.title, fix_title) then chosen = action end
    end
  end

  if chosen then
    if not chosen.edit and chosen.data then
      local resolved = client.request_sync('codeAction/resolve', chosen, 10000, bufnr)
      assert(resolved and not resolved.err, 'codeAction/resolve failed: ' .. vim.inspect(resolved))
      chosen = resolved.result
    end
    assert(chosen.edit, 'the chosen code action has no edit: ' .. vim.inspect(chosen))
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    result.applied = chosen.title
    result.after = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
    -- The edit is sent to the server as didChange; wait for the diagnostics it publishes for it.
    local before = vim.fn.json_encode(result.diagnostics)
    vim.wait(wait_ms, function() return vim.fn.json_encode(herd_diagnostics(bufnr)) ~= before end, 50)
    result.after_diagnostics = herd_diagnostics(bufnr)
  end
  vim.lsp.stop_client(client_id)
  finish(0)
end) end })
