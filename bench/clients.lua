-- wrk script: each request comes, through a trusted proxy, from a client drawn at random from
-- the benchmarking network 198.18.0.0/15 (RFC 2544), so that the open data's throttle counts
-- the requests as a crowd of clients, each far under its rate, rather than as one client.
math.randomseed(os.time())

request = function()
  local client = string.format(
    "198.%d.%d.%d", math.random(18, 19), math.random(0, 255), math.random(1, 254)
  )
  return wrk.format(nil, nil, {["X-Forwarded-For"] = client})
end
