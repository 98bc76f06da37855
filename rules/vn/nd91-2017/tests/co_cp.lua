-- Cờ thi đua của Chính phủ: the Law's criteria (Điều 25), the pools of
-- NĐ 91 Điều 11 and the 20% cap. The cap rounds down over the collectives
-- holding (or meeting) the Cờ tỉnh standard that year, so most cases add
-- four other flag holders (U2..U5): 20% of 5 gives one place.

local Y = 2021

local U1 = { id = "U1", name = "Sở Tài chính", kind = "agency",
             bloc = "Khối các sở kinh tế" }

-- Units U2..U(n+1) holding a Cờ tỉnh for Y.
local function flag_holders(n)
  local units, honours = {}, {}
  for i = 1, n do
    local id = "U" .. (i + 1)
    units[#units + 1] = { id = id, name = "Đơn vị " .. id, kind = "agency" }
    honours[#honours + 1] = { subject_type = "unit", subject_id = id, code = "co_tinh", year = Y }
  end
  return units, honours
end

local function law_facts(v)
  v = v or "1"
  return {
    { key = "exceeded_targets", value = v, year = Y },
    { key = "outstanding",      value = v, year = Y },
    { key = "internal_unity",   value = v, year = Y },
    { key = "thrift",           value = v, year = Y },
  }
end

local function with(list, extra)
  for _, x in ipairs(extra) do list[#list + 1] = x end
  return list
end

do
  local units, honours = flag_holders(4)
  with(honours, { { code = "co_tinh", year = Y } })
  case "Cờ CP: holds the Cờ tỉnh, exceeds targets, attested, within 20% → eligible" {
    form = "co_cp", year = Y,
    unit = U1, units = units, honours = honours,
    facts = law_facts(),
    expect = "eligible",
    criteria = { exceeded_targets = "pass", outstanding = "pass", internal_unity = "pass",
                 thrift = "pass", co_tinh_standard = "pass", movement_review = "fail",
                 not_under_review = "pass", quota_flag_share = "pass" },
  }
end

-- At most one State award a year (TT 08/2017): a BK TTg of the year held
-- bars the flag; one of the year before does not.
do
  local units, honours = flag_holders(4)
  with(honours, { { code = "co_tinh", year = Y }, { code = "bk_ttg", year = Y } })
  case "Cờ CP: a BK TTg of the same year already held → ineligible" {
    form = "co_cp", year = Y,
    unit = U1, units = units, honours = honours,
    facts = law_facts(),
    expect = "ineligible",
    criteria = { co_tinh_standard = "pass", one_state_award_a_year = "fail" },
  }
end

do
  local units, honours = flag_holders(4)
  with(honours, { { code = "co_tinh", year = Y }, { code = "bk_ttg", year = Y - 1 } })
  case "Cờ CP: a BK TTg of the year before → eligible" {
    form = "co_cp", year = Y,
    unit = U1, units = units, honours = honours,
    facts = law_facts(),
    expect = "eligible",
    criteria = { one_state_award_a_year = "pass" },
  }
end

do
  local units, honours = flag_holders(5)
  case "Cờ CP: meets the Cờ tỉnh standard in the same round → eligible" {
    form = "co_cp", year = Y,
    unit = U1, units = units, honours = honours,
    facts = with(law_facts(), { { key = "bloc_rank", value = "1", year = Y },
                                { key = "new_model", value = "1", year = Y } }),
    expect = "eligible",
    criteria = { co_tinh_standard = "pass", quota_flag_share = "pass" },
  }
end

do
  local units, honours = flag_holders(4)
  case "Cờ CP: third in its bloc, no Cờ tỉnh → ineligible" {
    form = "co_cp", year = Y,
    unit = U1, units = units, honours = honours,
    facts = with(law_facts(), { { key = "bloc_rank", value = "3", year = Y },
                                { key = "new_model", value = "1", year = Y } }),
    expect = "ineligible",
    criteria = { co_tinh_standard = "fail", movement_review = "fail" },
  }
end

do
  local units, honours = flag_holders(4)
  with(honours, { { code = "co_tinh", year = Y, kind = "thematic" } })
  case "Cờ CP: a thematic Cờ tỉnh does not count toward a state award → ineligible" {
    form = "co_cp", year = Y,
    unit = U1, units = units, honours = honours,
    facts = with(law_facts(), { { key = "bloc_rank", value = "2", year = Y },
                                { key = "new_model", value = "1", year = Y } }),
    expect = "ineligible",
    criteria = { co_tinh_standard = "fail" },
  }
end

do
  local units, honours = flag_holders(4)
  with(honours, { { code = "co_tinh", year = Y } })
  case "Cờ CP: the Law's criteria attested 0 → ineligible" {
    form = "co_cp", year = Y,
    unit = U1, units = units, honours = honours,
    facts = law_facts("0"),
    expect = "ineligible",
    criteria = { exceeded_targets = "fail", outstanding = "fail", internal_unity = "fail",
                 thrift = "fail", co_tinh_standard = "pass" },
  }
end

-- khoản 3: a thematic movement of the President or the Prime Minister,
-- reviewed after 5 years or more (D17 is in d_cases.lua).
do
  local units, honours = flag_holders(5)
  case "Cờ CP k3: Prime Minister's movement reviewed after 5 years → eligible" {
    form = "co_cp", year = Y, kind = "thematic", campaign = "Cả nước chung tay vì người nghèo",
    unit = U1, units = units, honours = honours,
    facts = with(law_facts(), {
      { subject_type = "nomination", subject_id = "CASE", key = "movement_launched_by", value = "prime_minister" },
      { subject_type = "nomination", subject_id = "CASE", key = "movement_years", value = "5" } }),
    expect = "eligible",
    criteria = { movement_review = "pass", movement_launcher = "pass", movement_years = "pass",
                 quota_flag_share = "pass" },
  }
end

do
  local units, honours = flag_holders(5)
  case "Cờ CP k3: movement reviewed after 4 years → ineligible" {
    form = "co_cp", year = Y, kind = "thematic",
    unit = U1, units = units, honours = honours,
    facts = with(law_facts(), {
      { key = "bloc_rank", value = "2", year = Y },
      { subject_type = "nomination", subject_id = "CASE", key = "movement_launched_by", value = "prime_minister" },
      { subject_type = "nomination", subject_id = "CASE", key = "movement_years", value = "4" } }),
    expect = "ineligible",
    criteria = { movement_review = "pass", movement_years = "fail" },
  }
end

do
  local units, honours = flag_holders(5)
  case "Cờ CP k3: a ministry's movement is not in khoản 3 → ineligible" {
    form = "co_cp", year = Y, kind = "thematic",
    unit = U1, units = units, honours = honours,
    facts = with(law_facts(), {
      { key = "bloc_rank", value = "2", year = Y },
      { subject_type = "nomination", subject_id = "CASE", key = "movement_launched_by", value = "ministry" },
      { subject_type = "nomination", subject_id = "CASE", key = "movement_years", value = "6" } }),
    expect = "ineligible",
    criteria = { movement_launcher = "fail", movement_years = "pass" },
  }
end

do
  local units, honours = flag_holders(5)
  case "Cờ CP k3: who launched the movement not recorded → review" {
    form = "co_cp", year = Y, kind = "thematic",
    unit = U1, units = units, honours = honours,
    facts = with(law_facts(), {
      { key = "bloc_rank", value = "2", year = Y },
      { subject_type = "nomination", subject_id = "CASE", key = "movement_years", value = "6" } }),
    expect = "review",
    criteria = { movement_launcher = "unknown", movement_years = "pass" },
  }
end

-- The 20% cap: with four flag-level collectives in all, 20% of 4 is 0.
do
  local units, honours = flag_holders(3)
  with(honours, { { code = "co_tinh", year = Y } })
  case "Cờ CP quota: only 4 flag-level collectives, 20% rounds down to 0 → review" {
    form = "co_cp", year = Y,
    unit = U1, units = units, honours = honours,
    facts = law_facts(),
    expect = "review",
    criteria = { co_tinh_standard = "pass", quota_flag_share = "unknown" },
  }
end

do
  local units, honours = flag_holders(4)
  with(honours, { { code = "co_tinh", year = Y } })
  case "Cờ CP: under inspection → ineligible" {
    form = "co_cp", year = Y,
    unit = U1, units = units, honours = honours,
    facts = with(law_facts(), { { key = "under_review", value = "1", year = Y } }),
    expect = "ineligible",
    criteria = { not_under_review = "fail" },
  }
end
