-- Driven by neovim.test.ts: attaches the built server over --stdio to a fixture, waits for its diagnostics,
-- applies the quick fix named in HDGUARD_FIX and waits for the diagnostics to clear. Exits 0 on success.
local server = os.getenv('HDGUARD_SERVER')
local file = os.getenv('HDGUARD_FILE')
local fix_title = os.getenv('HDGUARD_FIX')
local out = io.open(os.getenv('HDGUARD_RESULT'), 'w')
local function finish(ok, message)
  out:write((ok and 'ok ' or 'fail ') .. message .. '\n')
  out:close()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

vim.cmd('edit ' .. file)
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'hdguard',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  return finish(false, 'no diagnostics arrived')
end
local d = vim.diagnostic.get(buf)[1]
out:write('diagnostic ' .. d.source .. ' ' .. tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) .. ' line ' .. d.lnum .. '\n')

vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
local applied = false
vim.ui.select = function(items, opts, on_choice)
  for i, item in ipairs(items) do
    local action = item[2] or item.action or item
    local title = action.title or (item[2] and item[2].title)
    if title == fix_title then
      applied = true
      return on_choice(item, i)
    end
  end
  on_choice(nil, nil)
end
vim.lsp.buf.code_action()
if not vim.wait(10000, function() return applied end, 50) then return finish(false, 'quick fix not offered') end
if not vim.wait(15000, function() return #vim.diagnostic.get(buf) == 0 end, 50) then
  return finish(false, 'diagnostics did not clear after the fix')
end
finish(true, vim.api.nvim_buf_get_lines(buf, 0, -1, false)[3])
