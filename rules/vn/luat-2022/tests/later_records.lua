-- Records of years after the one judged cannot change its judgement: a
-- later honour must not hide an earlier one, the award being judged (once
-- conferred) is no previous award, and a measure dated later cannot reach
-- back (prelude: lib.after_previous, holds_prerequisite, run_start, …).

local function rated(y1, y2, r)
  local t = {}
  for y = y1, y2 do t[#t + 1] = { year = y, rating = r } end
  return t
end
local function titles(code, list)
  local t = {}
  for _, y in ipairs(list) do t[#t + 1] = { code = code, year = y } end
  return t
end
local function cat(...)
  local t = {}
  for _, l in ipairs({ ... }) do
    for _, x in ipairs(l) do t[#t + 1] = x end
  end
  return t
end

local P = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant" }
local F = { { key = "compliance", value = "1", year = 2024 },
            { key = "influence_scope", value = "unit", year = 2024 } }
local RATED = cat(rated(2020, 2021, "good"), rated(2022, 2024, "excellent"))

case "BK TTg 2024: a Bằng khen tỉnh of 2025 does not hide the one of 2019" {
  form = "bk_ttg", year = 2024, person = P, appraisals = RATED,
  honours = cat(titles("bk_tinh", { 2019, 2025 }),
                titles("cstd_cs", { 2020, 2022, 2024 })),
  facts = F, expect = "eligible",
  criteria = { b_bk_tinh = "pass", b_after_bk_tinh = "pass" },
}

case "BK TTg 2024 judged again once conferred: its own honour is no previous one" {
  form = "bk_ttg", year = 2024, person = P, appraisals = RATED,
  honours = cat(titles("bk_tinh", { 2019 }), titles("bk_ttg", { 2024 }),
                titles("cstd_cs", { 2020, 2022, 2024 })),
  facts = F, expect = "eligible",
  criteria = { b_after_previous_bk_ttg = "pass" },
}

case "BK TTg 2024: a measure dated 2026 cannot reach back" {
  form = "bk_ttg", year = 2024, person = P, appraisals = RATED,
  honours = cat(titles("bk_tinh", { 2019 }), titles("cstd_cs", { 2020, 2022, 2024 })),
  disciplines = { { date = "2026-03-01", level = "reprimand", ends = "2027-03-01" } },
  facts = F, expect = "eligible",
  criteria = { b_after_discipline = "pass", b_three_cstd_cs = "pass" },
}
