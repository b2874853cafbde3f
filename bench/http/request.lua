-- bench/http/request.lua
--
-- The wrk script of every bench/run-http scenario: a GET of the URL's path, with the session
-- cookie when the scenario signs in, and a count of the answers by status. bench/run-http fails
-- the scenario when any answer is not 200 (a benchmark of redirects to the login page, of 403s
-- or of 503s measures nothing).
--
--   wrk ... --script bench/http/request.lua http://127.0.0.1:PORT/path -- [COOKIE]
--
-- COOKIE is a Cookie header value, e.g. "ombud_session=…"; omit it for unauthenticated pages.
-- At the end the script prints one line that bench/run-http parses:
--   bench-status: responses=N non200=M statuses=200:N,303:M

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  responses = 0
  non200 = 0
  statuses = {}
  local cookie = args[1]
  if cookie ~= nil and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
  -- What a same-origin navigation sends; the server ignores it on GET, a proxy might not.
  wrk.headers["Accept"] = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 then
    non200 = non200 + 1
  end
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total, bad = 0, 0
  local merged = {}
  for _, thread in ipairs(threads) do
    total = total + thread:get("responses")
    bad = bad + thread:get("non200")
    -- thread:get copies the table out of the thread's Lua state.
    local seen = thread:get("statuses")
    if seen ~= nil then
      for status, n in pairs(seen) do
        merged[status] = (merged[status] or 0) + n
      end
    end
  end
  local parts = {}
  for status, n in pairs(merged) do
    table.insert(parts, status .. ":" .. n)
  end
  table.sort(parts)
  io.write(string.format("bench-status: responses=%d non200=%d statuses=%s\n", total, bad, table.concat(parts, ",")))
end
