-- kontum/qd56-2024: the national criteria of vn/luat-2022 apply unchanged
-- (inheritance), the amended forms (bk_tinh, co_tinh, cstd_tinh: names only)
-- still judge with the parent's criteria, and the cases of kontum-notes §9
-- come out as in period B. Proposals are dated from 2024-11-08 (QĐ 56/2024
-- Điều 2). The award names themselves are shown by `tdkt rules list`; the
-- case format has no field to assert them.

local function person(category, extra)
  local p = { id = "P1", unit_id = "U1", is_leader = 0, category = category }
  for k, v in pairs(extra or {}) do p[k] = v end
  return p
end

local function rated(y1, y2, rating)
  local t = {}
  for y = y1, y2 do t[#t + 1] = { year = y, rating = rating } end
  return t
end

local function titles(code, list, kind)
  local t = {}
  for _, y in ipairs(list) do t[#t + 1] = { code = code, year = y, kind = kind } end
  return t
end

local function facts(y, kv)
  local t = {}
  for k, v in pairs(kv) do t[#t + 1] = { key = k, value = tostring(v), year = y } end
  table.sort(t, function(a, b) return a.key < b.key end)
  return t
end

local function cat(...)
  local t = {}
  for _, l in ipairs({ ... }) do for _, x in ipairs(l) do t[#t + 1] = x end end
  return t
end

---------------------------------------------------------------- inheritance

case "Kon Tum: LĐTT of a new hire with 6 months (TT 01/2024, inherited) → eligible" {
  form = "ldtt", year = 2024, submitted = "2024-12-05",
  person = person("public_employee", { hired = "2024-07-01" }),
  appraisals = { { year = 2024, rating = "good", months_worked = 6 } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { not_new_hire = "pass" },
}

case "Kon Tum: LĐTT of a new hire with 5 months (inherited) → ineligible" {
  form = "ldtt", year = 2024, submitted = "2024-12-05",
  person = person("public_employee", { hired = "2024-08-01" }),
  appraisals = { { year = 2024, rating = "good", months_worked = 5 } },
  facts = facts(2024, { self_reliance = 1 }),
  expect = "ineligible",
  criteria = { not_new_hire = "fail" },
}

case "Kon Tum: Chiến sĩ thi đua tỉnh (amended name) judged on the national criteria → eligible" {
  form = "cstd_tinh", year = 2024, submitted = "2025-01-15",
  person = person("civil_servant"),
  appraisals = rated(2022, 2024, "excellent"),
  honours = titles("cstd_cs", { 2022, 2023, 2024 }),
  initiatives = { { id = "SK-KT-1", year = 2024, scope = "province" } },
  facts = facts(2024, { outstanding = 1 }),
  expect = "eligible",
  criteria = { cstd_cs_before = "pass", cstd_cs_this_year = "pass",
               province_initiative = "pass" },
}

case "Kon Tum: Chiến sĩ thi đua tỉnh with a cơ sở sáng kiến only → ineligible" {
  form = "cstd_tinh", year = 2024, submitted = "2025-01-15",
  person = person("civil_servant"),
  appraisals = rated(2022, 2024, "excellent"),
  honours = titles("cstd_cs", { 2022, 2023, 2024 }),
  initiatives = { { id = "SK-KT-1", year = 2024, scope = "unit" } },
  facts = facts(2024, { outstanding = 1 }),
  expect = "ineligible",
  criteria = { province_initiative = "fail" },
}

case "Kon Tum: Cờ thi đua của UBND tỉnh (amended name), leading its khối → eligible" {
  form = "co_tinh", year = 2024, submitted = "2025-01-20",
  unit = { id = "U1", name = "Sở Nông nghiệp và Phát triển nông thôn",
           kind = "agency", bloc = "Khối các sở kinh tế" },
  facts = facts(2024, { bloc_rank = 1, exceeded_targets = 1, internal_unity = 1,
                        party_org_clean = 1, thrift = 1 }),
  expect = "eligible",
  criteria = { leads_bloc = "pass" },
}

case "Kon Tum: Cờ thi đua của UBND tỉnh, second in its khối → ineligible" {
  form = "co_tinh", year = 2024, submitted = "2025-01-20",
  unit = { id = "U1", name = "Sở Nông nghiệp và Phát triển nông thôn",
           kind = "agency", bloc = "Khối các sở kinh tế" },
  facts = facts(2024, { bloc_rank = 2, exceeded_targets = 1, internal_unity = 1,
                        party_org_clean = 1, thrift = 1 }),
  expect = "ineligible",
  criteria = { leads_bloc = "fail" },
}

case "Kon Tum: Giấy khen — QĐ 56/2024's standard not read → review" {
  form = "giay_khen", year = 2024, submitted = "2024-12-20",
  person = person("civil_servant"),
  appraisals = rated(2024, 2024, "good"),
  expect = "review",
  criteria = { standard_delegated = "unknown" },
}

---------------------------------------------------------------- kontum-notes §9

case "Kon Tum §9 A (B): CSTĐCS with HTXSNV 2024, LĐTT 2024, no sáng kiến → eligible" {
  form = "cstd_cs", year = 2024, submitted = "2024-12-10",
  person = person("public_employee"),
  appraisals = rated(2024, 2024, "excellent"),
  honours = titles("ldtt", { 2024 }),
  facts = facts(2024, { self_reliance = 1 }),
  expect = "eligible",
  criteria = { rating_excellent = "pass", initiative = "fail" },
}

case "Kon Tum §9 B (B): Bằng khen của Chủ tịch UBND tỉnh, MoHA example → eligible" {
  form = "bk_tinh", year = 2024, submitted = "2025-02-10",
  person = person("civil_servant", { gender = "female" }),
  appraisals = rated(2023, 2024, "excellent"),
  honours = titles("cstd_cs", { 2024 }),
  initiatives = { { id = "SK-2023", year = 2023, scope = "unit" },
                  { id = "SK-2024", year = 2024, scope = "unit" } },
  facts = facts(2024, { compliance = 1 }),
  expect = "eligible",
  criteria = { d_two_cstd_cs = "fail", d_two_initiatives = "pass" },
}

case "Kon Tum §9 B (B): the 2024 sáng kiến was the basis of the CSTĐCS → ineligible" {
  form = "bk_tinh", year = 2024, submitted = "2025-02-10",
  person = person("civil_servant", { gender = "female" }),
  appraisals = rated(2023, 2024, "excellent"),
  honours = { { code = "cstd_cs", year = 2024, initiatives = "SK-2024" } },
  initiatives = { { id = "SK-2023", year = 2023, scope = "unit" },
                  { id = "SK-2024", year = 2024, scope = "unit" } },
  facts = facts(2024, { compliance = 1, influence_scope = "unit",
                        major_contribution = 0 }),
  expect = "ineligible",
  criteria = { d_two_initiatives = "fail" },
}

case "Kon Tum §9 C (B): BK TTg, BK tỉnh 2018, 2019–2023 HTTNV+, 3 CSTĐCS, 1 sáng kiến → eligible" {
  form = "bk_ttg", year = 2023, submitted = "2024-12-02",
  person = person("civil_servant"),
  appraisals = cat(rated(2019, 2019, "excellent"), rated(2020, 2020, "good"),
                   rated(2021, 2021, "excellent"), rated(2022, 2022, "good"),
                   rated(2023, 2023, "excellent")),
  honours = cat(titles("bk_tinh", { 2018 }), titles("cstd_cs", { 2019, 2021, 2023 })),
  initiatives = { { id = "SK-2021", year = 2021, scope = "unit" } },
  facts = facts(2023, { compliance = 1, influence_scope = "unit" }),
  expect = "eligible",
  criteria = { b_five_years_good = "pass", b_three_cstd_cs = "pass" },
}

-- §9 D is a period-A case. Under period B the HTTNV year 2021 does not
-- break the run; with no CSTĐCS recorded điểm b still fails.
case "Kon Tum §9 D (B): HTXS 2016–2020 with 5 sáng kiến, HTTNV 2021, no CSTĐCS → ineligible" {
  form = "bk_ttg", year = 2021, submitted = "2024-12-02",
  person = person("civil_servant"),
  appraisals = cat(rated(2016, 2020, "excellent"), rated(2021, 2021, "good")),
  honours = titles("bk_tinh", { 2015 }),
  initiatives = { { id = "SK1", year = 2016, scope = "unit" },
                  { id = "SK2", year = 2017, scope = "unit" },
                  { id = "SK3", year = 2018, scope = "unit" },
                  { id = "SK4", year = 2019, scope = "unit" },
                  { id = "SK5", year = 2020, scope = "unit" } },
  facts = facts(2021, { compliance = 1, influence_scope = "unit" }),
  expect = "ineligible",
  criteria = { b_five_years_good = "pass", b_three_cstd_cs = "fail" },
}
