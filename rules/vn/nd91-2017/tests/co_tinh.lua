-- Cờ thi đua cấp bộ, tỉnh: the bloc's leader (NĐ 91 Điều 12 khoản 1, [V]),
-- plus the unverified criteria of Luật Điều 26.

local Y = 2021

local U1 = { id = "U1", name = "Sở Nông nghiệp và Phát triển nông thôn", kind = "agency",
             bloc = "Khối các sở kinh tế" }

local function facts(rank, v)
  v = v or "1"
  local f = {
    { key = "exceeded_targets", value = v, year = Y },
    { key = "new_model",        value = v, year = Y },
    { key = "internal_unity",   value = v, year = Y },
    { key = "thrift",           value = v, year = Y },
  }
  if rank then f[#f + 1] = { key = "bloc_rank", value = tostring(rank), year = Y } end
  return f
end

case "Cờ tỉnh: first in its bloc, targets exceeded, attested → eligible" {
  form = "co_tinh", year = Y,
  unit = U1,
  facts = facts(1),
  expect = "eligible",
  criteria = { bloc_leader = "pass", exceeded_targets = "pass", new_model = "pass",
               internal_unity = "pass", thrift = "pass", not_under_review = "pass" },
}

case "Cờ tỉnh: second in its bloc → ineligible" {
  form = "co_tinh", year = Y,
  unit = U1,
  facts = facts(2),
  expect = "ineligible",
  criteria = { bloc_leader = "fail" },
}

case "Cờ tỉnh: first, but the unit has no bloc recorded → review" {
  form = "co_tinh", year = Y,
  unit = { id = "U1", name = "Sở Nông nghiệp và Phát triển nông thôn", kind = "agency" },
  facts = facts(1),
  expect = "review",
  criteria = { bloc_leader = "unknown" },
}

case "Cờ tỉnh: bloc ranking not yet reported → review" {
  form = "co_tinh", year = Y,
  unit = U1,
  facts = facts(nil),
  expect = "review",
  criteria = { bloc_leader = "unknown" },
}

case "Cờ tỉnh: targets, new model, solidarity, thrift attested 0 → ineligible" {
  form = "co_tinh", year = Y,
  unit = U1,
  facts = facts(1, "0"),
  expect = "ineligible",
  criteria = { bloc_leader = "pass", exceeded_targets = "fail", new_model = "fail",
               internal_unity = "fail", thrift = "fail" },
}

do
  local f = facts(1)
  f[#f + 1] = { key = "under_review", value = "1", year = Y }
  case "Cờ tỉnh: under inspection → ineligible" {
    form = "co_tinh", year = Y,
    unit = U1,
    facts = f,
    expect = "ineligible",
    criteria = { not_under_review = "fail" },
  }
end
