-- GET /cpu?iters=N on the httpd peers (mod_lua), for claim 6 (under CPU-bound work the models
-- converge): N rounds of the xorshift64* step of mpmbench's own /cpu (server/.../handler/Cpu.java),
-- answered with its result in hex as ours, so both compute the same numbers. Lua 5.3's integers are
-- 64-bit, '>>' shifts in zeros and '*' wraps, as Java's long does. The work per round costs more in
-- Lua's interpreter than in compiled Java: compare httpd's models with each other, not with ours.
local MAX_ITERS = 10000000000

-- The value of the first "iters=" of the raw query, as our QueryNumbers reads it: decimal digits only,
-- nothing decoded, at most MAX_ITERS (checked on the text, before a number exists, since Lua's
-- integers wrap around); nil and why otherwise.
local function iters(query)
    for param in ((query or "") .. "&"):gmatch("([^&]*)&") do
        local value = param:match("^iters=(.*)$")
        if value ~= nil then
            if value == "" then
                return nil, "empty iters"
            end
            if not value:match("^%d+$") then
                return nil, "iters is not a number"
            end
            local digits = value:gsub("^0+(%d)", "%1")
            if #digits > #tostring(MAX_ITERS) or tonumber(digits) > MAX_ITERS then
                return nil, "iters is above " .. MAX_ITERS
            end
            return tonumber(digits)
        end
    end
    return nil, "missing query parameter iters"
end

function handle(r)
    local n, why = iters(r.args)
    if n == nil then
        r.status = 400
        r.content_type = "text/plain"
        r:puts(why .. "\n")
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
