-- wrk script for bench/bench_load.py: rotates over the paths in the file named by the
-- WRK_PATHS environment variable (one per line; none given: wrk's own URL), and prints one
-- JSON line with the figures the benchmark reports.
local paths = {}
local file = os.getenv("WRK_PATHS")
if file and file ~= "" then
  for line in io.lines(file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end
-- As browsers and HTTP libraries ask: answers are measured as readers get them, gzipped where
-- they are large enough for GZipMiddleware.
local headers = {["Accept-Encoding"] = "gzip"}
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then headers["Cookie"] = cookie end
local counter = 0

request = function()
  if #paths == 0 then return wrk.format("GET", nil, headers) end
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "non_2xx": %d, "socket_errors": %d, ' ..
    '"p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f}\n',
    summary.requests, summary.duration / 1e6, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
