-- Drives `oomlint server` from Neovim's built-in LSP client, as a user's editor would (see
-- scripts/test-neovim.sh, which starts `nvim --headless --clean -u scripts/test-neovim.lua FILE`).
-- The client is configured by README.md's tested Neovim configuration itself (Neovim 0.7+ API), with
-- `oomlint` on PATH and the project as the working directory.
-- Environment: OOMLINT_NVIM_CONFIG (that configuration, as a file), OOMLINT_NVIM_ROOT (the project).

local function log(msg)
  io.stdout:write('test-neovim: ' .. msg .. '\n')
  io.stdout:flush()
end

local function fail(msg)
  io.stderr:write('test-neovim: FAIL: ' .. msg .. '\n')
  io.stderr:flush()
  vim.cmd('cquit 1')
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function with_code(buf, code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == code then
      table.insert(out, d)
    end
  end
  return out
end

local function main()
  local root = assert(os.getenv('OOMLINT_NVIM_ROOT'), 'OOMLINT_NVIM_ROOT is not set')
  local exit_code

  -- The tested configuration: README.md's Neovim block, run as it is (test-neovim.sh extracts it). Only
  -- the client's exit code is recorded on the side.
  local start_client = vim.lsp.start_client
  vim.lsp.start_client = function(config)
    config.on_exit = function(code) exit_code = code end
    return start_client(config)
  end
  dofile(assert(os.getenv('OOMLINT_NVIM_CONFIG'), 'OOMLINT_NVIM_CONFIG is not set'))

  vim.lsp.set_log_level('debug') -- test-neovim.sh reads lsp.log: the didChange messages, the server's stderr
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/leak.py'))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= 'python' then
    return fail('leak.py was not detected as Python (filetype ' .. vim.bo[buf].filetype .. ')')
  end

  -- 1. the diagnostics arrive, with the rule's code and the exact range
  if not vim.wait(90000, function() return #with_code(buf, 'OOM101') > 0 end, 50) then
    return fail('no OOM101 diagnostic within 90 s; got ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  local clients = vim.lsp.get_active_clients()
  if #clients ~= 1 or clients[1].name ~= 'oomlint' then
    return fail('expected one client named oomlint, got ' .. #clients)
  end
  local client = clients[1]
  local sync = client.server_capabilities.textDocumentSync
  if type(sync) ~= 'table' or sync.change ~= 2 then
    return fail('the server does not offer incremental sync: ' .. vim.inspect(sync))
  end
  local d = with_code(buf, 'OOM101')[1]
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  local call = 'history.append(loss)'
  local col = line:find(call, 1, true)
  if d.lnum ~= 28 or col == nil or d.col ~= col - 1 or d.end_lnum ~= 28 or d.end_col ~= col - 1 + #call then
    return fail(string.format('OOM101 at %d:%d-%d:%d, expected line 28 (0-based), columns of %q in %q',
      d.lnum, d.col, d.end_lnum, d.end_col, call, line))
  end
  if d.source ~= 'oomlint' then
    return fail('diagnostic source is ' .. tostring(d.source))
  end
  if #with_code(buf, 'OOM102') == 0 then
    return fail('no OOM102 diagnostic: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  log(string.format('OOM101 at %d:%d-%d:%d (0-based), source oomlint: %s', d.lnum, d.col, d.end_lnum,
    d.end_col, d.message))

  -- 2. code actions on that line, through vim.lsp.buf.code_action() as a user runs it; the UI's
  --    choice is the OOM101 quick fix (not the "Suppress ... with # noqa" action)
  local titles = {}
  vim.ui.select = function(items, _, on_choice)
    local chosen
    for _, item in ipairs(items) do
      local action = item[2]
      table.insert(titles, action.title)
      if action.kind == 'quickfix' and not action.title:match('^Suppress') and chosen == nil then
        for _, ad in ipairs(action.diagnostics or {}) do
          if ad.code == 'OOM101' then
            chosen = item
          end
        end
      end
    end
    on_choice(chosen)
  end
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local before = vim.api.nvim_buf_get_changedtick(buf)
  vim.lsp.buf.code_action()
  if not vim.wait(30000, function() return vim.api.nvim_buf_get_changedtick(buf) ~= before end, 50) then
    return fail('no code action was applied; offered: ' .. vim.inspect(titles))
  end
  log('code actions offered: ' .. table.concat(titles, ' | '))
  local fixed = vim.api.nvim_buf_get_lines(buf, 28, 29, false)[1]
  if not fixed:find('history.append(loss.detach())', 1, true) then
    return fail('the quick fix did not detach the loss: ' .. fixed)
  end

  -- 3. the edit reaches the server (as an incremental change) and OOM101 is cleared; the rest stays
  if not vim.wait(30000, function() return #with_code(buf, 'OOM101') == 0 end, 50) then
    return fail('OOM101 is still reported after the fix: ' .. vim.inspect(with_code(buf, 'OOM101')))
  end
  if #with_code(buf, 'OOM102') == 0 then
    return fail('OOM102 disappeared too: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  log('after the fix: ' .. fixed:gsub('^%s+', '') .. '; OOM101 cleared, OOM102 still reported')

  -- 4. a clean shutdown: shutdown + exit, exit code 0
  vim.lsp.stop_client(client.id)
  if not vim.wait(30000, function() return exit_code ~= nil end, 50) then
    return fail('the server did not exit after shutdown')
  end
  if exit_code ~= 0 then
    return fail('the server exited with code ' .. exit_code)
  end
  log('server exited with code 0')
  vim.cmd('qall!')
end

local ok, err = pcall(main)
if not ok then
  fail(tostring(err))
end
