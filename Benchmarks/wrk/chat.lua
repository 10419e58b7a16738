-- wrk script (adapted from ../shared/anchors/seed-stack/wrk/chat.lua: the body says `content`, as Plutus's API does): POST chat/message with a per-user JWT.
-- Rotates over all (user, conversation) pairs; message mix is 25% per graph route
-- (analyze_finances / discuss_goals / get_advice / end).
local C = dofile((os.getenv("WRK_DIR") or "wrk") .. "/common.lua")
local msgs = {
  "How is my portfolio doing and what is my net worth?",
  "I want to save for a house down payment of $60,000 in 4 years",
  "What should I do with my extra cash? Any advice?",
  "Thanks, that's all for today.",
}
local tid = 0
function setup(thread) thread:set("offset", tid * 97); tid = tid + 1 end
function init(args) C.counter = offset or 0 end

function request()
  local i = C.counter
  C.counter = i + 1
  local p = C.pairs[(i % C.n) + 1]
  local m = msgs[((i + math.floor(i / C.n)) % 4) + 1]
  return wrk.format("POST", "/api/v1/plutus/chat/message",
    { ["Authorization"] = "Bearer " .. p[1], ["Content-Type"] = "application/json" },
    '{"conversation_id":"' .. p[2] .. '","content":"' .. m .. '"}')
end

done = C.done
