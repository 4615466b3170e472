-- GET /cpu?iters=N on the httpd peers (mod_lua), for claim 6 (under CPU-bound work the models
-- converge): N rounds of the xorshift64* step of mpmbench's own /cpu (server/.../handler/Cpu.java),
-- answered with its result in hex as ours, so both compute the same numbers. Lua 5.3's integers are
-- 64-bit, '>>' shifts in zeros and '*' wraps, as Java's long does. The work per round costs more in
-- Lua's interpreter than in compiled Java: compare httpd's models with each other, not with ours.
local MAX_ITERS = 10000000000

function handle(r)
    local n = tonumber(r:parseargs().iters or "", 10)
    if n == nil or n < 0 or n > MAX_ITERS or math.type(n) ~= "integer" then
        r.status = 400
        r.content_type = "text/plain"
        r:puts("iters must be a whole number from 0 to " .. MAX_ITERS .. "\n")
        return apache2.OK
    end
    local x = 0x9E3779B97F4A7C15
    for _ = 1, n do
        x = x ~ (x >> 12)
        x = x ~ (x << 25)
        x = x ~ (x >> 27)
        x = x * 0x2545F4914F6CDD1D
    end
    r.content_type = "text/plain"
    r:puts(string.format("iters=%d result=%x\n", n, x))
    return apache2.OK
end
