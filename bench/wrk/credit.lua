-- GET /api/app/credit as many travellers: each request carries the next bearer token of the file given after `--`.
local tokens = {}
local next_token = 0

function init(args)
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("GET", "/api/app/credit", { ["Authorization"] = "Bearer " .. tokens[next_token] })
end
