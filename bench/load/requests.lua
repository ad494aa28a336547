-- wrk script of bench/load.sh. Run with as many threads as connections (-t N -c N): each thread then has one
-- connection, so its i-th response answers its i-th request and the harness can tell, request by request, what
-- the server answered (which STOPs got a 2xx, which sends were refused).
--
-- Arguments (after --): <prefix> <method> <path> <content-type or -> <header name or -> <static header or ->
--   Thread k sends the lines of <prefix>.<k>.txt in order, each "<header value>\t<body>" (the header value is
--   the per-request signature; "-" for none). A thread that runs out starts again at its first line and counts
--   the wrap: the report says so, since a repeated webhook id is a duplicate and does less work.
--   <static header> is "Name: value" sent with every request (e.g. the bearer key).
-- At the end it writes <prefix>.result: one JSON summary line, then one line per thread
--   "<thread> <issued> <wraps> <status>,<status>,...".

local threads = {}
local count = 0

function setup(thread)
  thread:set("tid", count)
  count = count + 1
  table.insert(threads, thread)
end

function init(args)
  prefix = args[1]
  method = args[2]
  path = args[3]
  ctype = args[4]
  hname = args[5]
  local static = args[6]
  headers = {}
  if ctype ~= "-" then
    headers["Content-Type"] = ctype
  end
  if static ~= nil and static ~= "-" then
    local colon = static:find(":", 1, true)
    headers[static:sub(1, colon - 1)] = static:sub(colon + 1):gsub("^%s+", "")
  end
  lines = {}
  local f = assert(io.open(prefix .. "." .. tid .. ".txt", "r"))
  for l in f:lines() do
    lines[#lines + 1] = l
  end
  f:close()
  issued = 0
  wraps = 0
  nresp = 0
  statuses = {}
  at = 0
end

function request()
  at = at + 1
  if at > #lines then
    at = 1
    wraps = wraps + 1
  end
  issued = issued + 1
  local l = lines[at]
  local tab = l:find("\t", 1, true)
  if hname ~= "-" then
    headers[hname] = l:sub(1, tab - 1)
  end
  local body = l:sub(tab + 1)
  if body == "" then
    body = nil
  end
  return wrk.format(method, path, headers, body)
end

function response(status, hdrs, body)
  nresp = nresp + 1
  statuses[nresp] = status
end

function done(summary, latency, requests)
  local out = assert(io.open(threads[1]:get("prefix") .. ".result", "w"))
  local codes = {}
  local totalWraps = 0
  local perThread = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    local n = t:get("nresp")
    local parts = {}
    for i = 1, n do
      local c = s[i]
      parts[i] = tostring(c)
      codes[c] = (codes[c] or 0) + 1
    end
    totalWraps = totalWraps + t:get("wraps")
    perThread[#perThread + 1] = string.format("%d %d %d %s", t:get("tid"), t:get("issued"), t:get("wraps"), table.concat(parts, ","))
  end
  local codeParts = {}
  for c, n in pairs(codes) do
    codeParts[#codeParts + 1] = string.format("\"%d\":%d", c, n)
  end
  local e = summary.errors
  out:write(string.format(
    "{\"requests\":%d,\"durationUs\":%d,\"p50Us\":%d,\"p90Us\":%d,\"p99Us\":%d,\"maxUs\":%d,\"connectErrors\":%d,\"readErrors\":%d,\"writeErrors\":%d,\"statusErrors\":%d,\"timeouts\":%d,\"wraps\":%d,\"codes\":{%s}}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout, totalWraps, table.concat(codeParts, ",")))
  for _, line in ipairs(perThread) do
    out:write(line, "\n")
  end
  out:close()
end
