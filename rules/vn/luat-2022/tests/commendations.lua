-- Commendations (regime B): Giấy khen (Luật 2022 Điều 75), Bằng khen cấp
-- tỉnh (Điều 74), Bằng khen của Thủ tướng (Điều 73), Huân chương Lao động
-- hạng Ba (Điều 44); NĐ 98 Điều 4 and Điều 30 khoản 9. Each criterion
-- passed and failed at its boundary.

local function person(category)
  return { id = "P1", unit_id = "U1", is_leader = 0, category = category }
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

-- a case built from `base`, with the fields of `extra` replacing its own
local function from(base, extra)
  local c = {}
  for k, v in pairs(base) do c[k] = v end
  for k, v in pairs(extra) do c[k] = v end
  return c
end

local function nomination_facts(kv)
  local t = {}
  for k, v in pairs(kv) do
    t[#t + 1] = { subject_type = "nomination", subject_id = "CASE", key = k,
                  value = tostring(v) }
  end
  table.sort(t, function(a, b) return a.key < b.key end)
  return t
end

---------------------------------------------------------------- giay_khen

case "Giấy khen (cá nhân): standard left to the province → review" {
  form = "giay_khen", year = 2024, person = person("civil_servant"),
  appraisals = rated(2024, 2024, "excellent"),
  expect = "review",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               standard_delegated = "unknown" },
}

case "Giấy khen (cá nhân): under review → ineligible" {
  form = "giay_khen", year = 2024, person = person("civil_servant"),
  facts = facts(2024, { under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

case "Giấy khen (cá nhân): a foreign-relations (đối ngoại) award is not encoded → review" {
  form = "giay_khen", year = 2024, kind = "foreign", person = person("other"),
  expect = "review",
  message = "chưa được mã hóa",
}

case "Giấy khen (tập thể): under inspection → ineligible" {
  form = "giay_khen", year = 2024,
  unit = { id = "U1", name = "Trường Tiểu học A", kind = "public_service" },
  facts = facts(2024, { under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

case "Giấy khen (tập thể): an ad-hoc achievement of a collective → review" {
  form = "giay_khen", year = 2024, kind = "ad_hoc",
  unit = { id = "U1", name = "Trường Tiểu học A", kind = "public_service" },
  expect = "review",
  criteria = { kind_encoded = "pass", standard_delegated = "unknown" },
}

case "Giấy khen (tập thể): a seniority award is not encoded → review" {
  form = "giay_khen", year = 2024, kind = "seniority",
  unit = { id = "U1", name = "Đồn Biên phòng", kind = "armed_forces" },
  expect = "review",
  message = "chưa được mã hóa",
}

---------------------------------------------------------------- bk_tinh

-- No route a–c: no movement, influence within the unit, no large
-- contribution. Compliance attested.
local NO_ABC = { compliance = 1, influence_scope = "unit", major_contribution = 0 }

local BKT = {
  form = "bk_tinh", year = 2025, person = person("civil_servant"),
  appraisals = rated(2024, 2025, "excellent"),
  honours = titles("cstd_cs", { 2024, 2025 }),
  facts = facts(2025, NO_ABC),
}

case "BK tỉnh d: CSTĐCS 2024 and 2025 → eligible" (from(BKT, {
  expect = "eligible",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               compliance = "pass", a_movement = "fail", b_influence = "fail",
               c_contribution = "fail", d_two_cstd_cs = "pass",
               d_cstd_cs_after_previous = "pass",
               d_cstd_cs_after_discipline = "pass" } }))

case "BK tỉnh d: CSTĐCS 2023 and 2025, not consecutive → ineligible" (from(BKT, {
  appraisals = rated(2023, 2025, "good"),
  honours = titles("cstd_cs", { 2023, 2025 }),
  expect = "ineligible",
  criteria = { d_two_cstd_cs = "fail", d_two_years_excellent = "fail" } }))

case "BK tỉnh d: a BK tỉnh for 2024 already covers 2024 → ineligible" (from(BKT, {
  honours = cat(titles("cstd_cs", { 2024, 2025 }), titles("bk_tinh", { 2024 })),
  expect = "ineligible",
  criteria = { d_cstd_cs_after_previous = "fail",
               d_excellent_after_previous = "fail" } }))

case "BK tỉnh d: the previous BK tỉnh is for 2023 → eligible" (from(BKT, {
  honours = cat(titles("cstd_cs", { 2024, 2025 }), titles("bk_tinh", { 2023 })),
  expect = "eligible",
  criteria = { d_cstd_cs_after_previous = "pass" } }))

case "BK tỉnh d: a thematic BK tỉnh for 2024 does not consume the years → eligible"
  (from(BKT, {
  honours = cat(titles("cstd_cs", { 2024, 2025 }),
                titles("bk_tinh", { 2024 }, "thematic")),
  expect = "eligible",
  criteria = { d_cstd_cs_after_previous = "pass" } }))

case "BK tỉnh d: discipline period ended 31/12/2023 → eligible for 2025" (from(BKT, {
  disciplines = { { date = "2023-06-01", level = "reprimand", ends = "2023-12-31" } },
  expect = "eligible",
  criteria = { d_cstd_cs_after_discipline = "pass" } }))

case "BK tỉnh d: discipline period ended 31/12/2024 → 2024 cannot count → ineligible"
  (from(BKT, {
  disciplines = { { date = "2023-12-20", level = "reprimand", ends = "2024-12-31" } },
  expect = "ineligible",
  criteria = { d_cstd_cs_after_discipline = "fail",
               d_excellent_after_discipline = "fail" } }))

local BKT_SK = from(BKT, {
  honours = {},
  initiatives = { { id = "SK1", year = 2024, scope = "unit" },
                  { id = "SK2", year = 2025, scope = "unit" } },
})

case "BK tỉnh d: two excellent years with two sáng kiến → eligible" (from(BKT_SK, {
  expect = "eligible",
  criteria = { d_two_cstd_cs = "fail", d_two_years_excellent = "pass",
               d_excellent_after_previous = "pass",
               d_excellent_after_discipline = "pass",
               d_two_initiatives = "pass" } }))

case "BK tỉnh d: 2024 rated good breaks the excellent years → ineligible"
  (from(BKT_SK, {
  appraisals = cat(rated(2024, 2024, "good"), rated(2025, 2025, "excellent")),
  expect = "ineligible",
  criteria = { d_two_years_excellent = "fail", d_two_initiatives = "fail" } }))

case "BK tỉnh d: SK1 already the basis of the 2024 CSTĐCS → ineligible"
  (from(BKT_SK, {
  honours = { { code = "cstd_cs", year = 2024, initiatives = "SK1" } },
  expect = "ineligible",
  criteria = { d_two_initiatives = "fail" } }))

case "BK tỉnh d: one sáng kiến and one đề tài do not make two → ineligible"
  (from(BKT_SK, {
  initiatives = { { id = "SK1", year = 2024, scope = "unit" },
                  { id = "DT1", year = 2025, scope = "unit", kind = "research" } },
  expect = "ineligible",
  criteria = { d_two_initiatives = "fail" } }))

case "BK tỉnh d: two đề tài applied at cơ sở → eligible" (from(BKT_SK, {
  initiatives = { { id = "DT1", year = 2024, scope = "unit", kind = "research" },
                  { id = "DT2", year = 2025, scope = "unit", kind = "research" } },
  expect = "eligible",
  criteria = { d_two_initiatives = "pass" } }))

case "BK tỉnh d: a sáng kiến not applied effectively does not count → ineligible"
  (from(BKT_SK, {
  initiatives = { { id = "SK1", year = 2024, scope = "unit", applied = 0 },
                  { id = "SK2", year = 2025, scope = "unit" } },
  expect = "ineligible",
  criteria = { d_two_initiatives = "fail" } }))

case "BK tỉnh d: four excellent years, sáng kiến in 2022 and 2025 → eligible"
  (from(BKT_SK, {
  appraisals = rated(2022, 2025, "excellent"),
  initiatives = { { id = "SK1", year = 2022, scope = "unit" },
                  { id = "SK2", year = 2025, scope = "unit" } },
  expect = "eligible",
  criteria = { d_two_initiatives = "pass" } }))

case "BK tỉnh d: sáng kiến of 2022 before a BK tỉnh of 2023 → ineligible"
  (from(BKT_SK, {
  appraisals = rated(2022, 2025, "excellent"),
  honours = titles("bk_tinh", { 2023 }),
  initiatives = { { id = "SK1", year = 2022, scope = "unit" },
                  { id = "SK2", year = 2025, scope = "unit" } },
  expect = "ineligible",
  criteria = { d_excellent_after_previous = "pass", d_two_initiatives = "fail" } }))

case "BK tỉnh d: excellent years cut by a discipline ending mid-2024 → ineligible"
  (from(BKT_SK, {
  disciplines = { { date = "2023-12-01", level = "reprimand", ends = "2024-06-01" } },
  expect = "ineligible",
  criteria = { d_excellent_after_discipline = "fail", d_two_initiatives = "fail" } }))

-- routes a–c [U]
local BKT_NONE = from(BKT, { appraisals = rated(2025, 2025, "good"), honours = {} })

case "BK tỉnh a: outstanding in a movement the province launched → eligible"
  (from(BKT_NONE, { kind = "thematic", campaign = "PT-2025",
  facts = cat(facts(2025, from(NO_ABC, { outstanding = 1 })),
              nomination_facts({ movement_launched_by = "province" })),
  expect = "eligible",
  criteria = { a_movement = "pass", a_outstanding = "pass", d_two_cstd_cs = "fail" } }))

case "BK tỉnh a: a movement of the Prime Minister is not the province's → ineligible"
  (from(BKT_NONE, { kind = "thematic", campaign = "PT-2025",
  facts = cat(facts(2025, from(NO_ABC, { outstanding = 1 })),
              nomination_facts({ movement_launched_by = "prime_minister" })),
  expect = "ineligible",
  criteria = { a_movement = "fail" } }))

case "BK tỉnh a: movement recorded without its launcher → review"
  (from(BKT_NONE, { kind = "thematic", campaign = "PT-2025",
  facts = facts(2025, from(NO_ABC, { outstanding = 1 })),
  expect = "review",
  criteria = { a_movement = "unknown" } }))

case "BK tỉnh a: not outstanding in the province's movement → ineligible"
  (from(BKT_NONE, { kind = "thematic", campaign = "PT-2025",
  facts = cat(facts(2025, from(NO_ABC, { outstanding = 0 })),
              nomination_facts({ movement_launched_by = "province" })),
  expect = "ineligible",
  criteria = { a_movement = "pass", a_outstanding = "fail" } }))

case "BK tỉnh b: an ad-hoc achievement with province influence → eligible"
  (from(BKT_NONE, { kind = "ad_hoc",
  facts = facts(2025, from(NO_ABC, { influence_scope = "province" })),
  expect = "eligible",
  criteria = { b_influence = "pass" } }))

case "BK tỉnh b: influence not attested, nothing else met → review"
  (from(BKT_NONE, {
  facts = facts(2025, { compliance = 1, major_contribution = 0 }),
  expect = "review",
  criteria = { b_influence = "unknown" } }))

case "BK tỉnh c: a large contribution → eligible"
  (from(BKT_NONE, {
  facts = facts(2025, from(NO_ABC, { major_contribution = 1 })),
  expect = "eligible",
  criteria = { c_contribution = "pass" } }))

case "BK tỉnh: compliance not exemplary → ineligible [U reading]" (from(BKT, {
  facts = facts(2025, from(NO_ABC, { compliance = 0 })),
  expect = "ineligible",
  criteria = { compliance = "fail", d_two_cstd_cs = "pass" } }))

case "BK tỉnh: under review → ineligible" (from(BKT, {
  facts = facts(2025, from(NO_ABC, { under_review = 1 })),
  expect = "ineligible",
  criteria = { not_under_review = "fail" } }))

case "BK tỉnh: a dedication (cống hiến) nomination is not encoded → review"
  (from(BKT, { kind = "dedication",
  expect = "review",
  message = "chưa được mã hóa" }))

-- Collectives, households, enterprises: Điều 74 khoản 2–5 not read
-- (B-BKT-2 [U]); the NĐ 98 Điều 4 bar still applies.
local U_SCHOOL = { id = "U1", name = "Trường Tiểu học A", kind = "public_service" }
local U_HOUSE = { id = "H1", name = "Hộ ông A Nhơn", kind = "household" }

case "BK tỉnh (tập thể): a collective's standard is not read → review" {
  form = "bk_tinh", year = 2025, unit = U_SCHOOL,
  appraisals = rated(2024, 2025, "excellent"),
  expect = "review",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               unit_standard = "unknown" },
}

case "BK tỉnh (hộ gia đình): a household's standard is not read → review" {
  form = "bk_tinh", year = 2025, unit = U_HOUSE, kind = "thematic",
  expect = "review",
  criteria = { kind_encoded = "pass", unit_standard = "unknown" },
}

case "BK tỉnh (tập thể): under inspection → ineligible" {
  form = "bk_tinh", year = 2025, unit = U_SCHOOL,
  facts = facts(2025, { under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

case "BK tỉnh (tập thể): a seniority award is not encoded → review" {
  form = "bk_tinh", year = 2025, unit = U_SCHOOL, kind = "seniority",
  expect = "review",
  message = "chưa được mã hóa",
}

---------------------------------------------------------------- bk_ttg

-- BK tỉnh 2019; 2020–2024 good or better; CSTĐCS 2020, 2022, 2024;
-- no route a, c or khoản 2.
local TTG = {
  form = "bk_ttg", year = 2024, person = person("civil_servant"),
  appraisals = cat(rated(2020, 2021, "good"), rated(2022, 2024, "excellent")),
  honours = cat(titles("bk_tinh", { 2019 }), titles("cstd_cs", { 2020, 2022, 2024 })),
  facts = facts(2024, { compliance = 1, influence_scope = "unit" }),
}

case "BK TTg b: BK tỉnh 2019, five good years, three CSTĐCS → eligible" (from(TTG, {
  expect = "eligible",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               compliance = "pass", a_movement = "fail", b_bk_tinh = "pass",
               b_five_years_good = "pass", b_after_bk_tinh = "pass",
               b_after_previous_bk_ttg = "pass", b_after_discipline = "pass",
               b_three_cstd_cs = "pass", c_influence = "fail",
               k2_contribution_subject = "fail", k2_worker_subject = "fail",
               k2_farmer_subject = "fail" } }))

case "BK TTg b: no BK tỉnh → ineligible" (from(TTG, {
  honours = titles("cstd_cs", { 2020, 2022, 2024 }),
  expect = "ineligible",
  criteria = { b_bk_tinh = "fail" } }))

case "BK TTg b: 2022 rated complete breaks the five years → ineligible" (from(TTG, {
  appraisals = cat(rated(2020, 2021, "good"), rated(2022, 2022, "complete"),
                   rated(2023, 2024, "excellent")),
  expect = "ineligible",
  criteria = { b_five_years_good = "fail", b_three_cstd_cs = "fail" } }))

case "BK TTg b: BK tỉnh for 2020 leaves only four years → ineligible" (from(TTG, {
  honours = cat(titles("bk_tinh", { 2020 }), titles("cstd_cs", { 2020, 2022, 2024 })),
  expect = "ineligible",
  criteria = { b_after_bk_tinh = "fail", b_three_cstd_cs = "fail" } }))

case "BK TTg b: a previous BK TTg for 2021 → ineligible" (from(TTG, {
  honours = cat(titles("bk_tinh", { 2019 }), titles("bk_ttg", { 2021 }),
                titles("cstd_cs", { 2020, 2022, 2024 })),
  expect = "ineligible",
  criteria = { b_after_previous_bk_ttg = "fail" } }))

-- NĐ 98 Điều 30 khoản 9 at its edge: four years after the previous BK TTg
-- are too few, five are enough.
case "BK TTg b: a previous BK TTg for 2020, four years back → ineligible" (from(TTG, {
  honours = cat(titles("bk_tinh", { 2019 }), titles("bk_ttg", { 2020 }),
                titles("cstd_cs", { 2020, 2022, 2024 })),
  expect = "ineligible",
  criteria = { b_after_previous_bk_ttg = "fail" } }))

case "BK TTg b: a previous BK TTg for 2019, five years back → eligible" (from(TTG, {
  honours = cat(titles("bk_tinh", { 2019 }), titles("bk_ttg", { 2019 }),
                titles("cstd_cs", { 2020, 2022, 2024 })),
  expect = "eligible",
  criteria = { b_after_previous_bk_ttg = "pass" } }))

case "BK TTg b: discipline ended 31/12/2019 → eligible" (from(TTG, {
  disciplines = { { date = "2019-03-01", level = "warning", ends = "2019-12-31" } },
  expect = "eligible",
  criteria = { b_after_discipline = "pass" } }))

case "BK TTg b: discipline ended 31/01/2020 → 2020 cannot count → ineligible"
  (from(TTG, {
  disciplines = { { date = "2019-03-01", level = "warning", ends = "2020-01-31" } },
  expect = "ineligible",
  criteria = { b_after_discipline = "fail", b_three_cstd_cs = "fail" } }))

case "BK TTg b: the CSTĐCS of the BK tỉnh year does not count → ineligible"
  (from(TTG, {
  appraisals = rated(2019, 2024, "good"),
  honours = cat(titles("bk_tinh", { 2019 }), titles("cstd_cs", { 2019, 2021, 2024 })),
  expect = "ineligible",
  criteria = { b_five_years_good = "pass", b_three_cstd_cs = "fail" } }))

case "BK TTg b: seven good years after BK tỉnh 2017, CSTĐCS 2018, 2020, 2024 → eligible"
  (from(TTG, {
  appraisals = rated(2018, 2024, "good"),
  honours = cat(titles("bk_tinh", { 2017 }), titles("cstd_cs", { 2018, 2020, 2024 })),
  expect = "eligible",
  criteria = { b_three_cstd_cs = "pass" } }))

case "BK TTg b: a thematic CSTĐCS does not count as one of the three → ineligible"
  (from(TTG, {
  honours = cat(titles("bk_tinh", { 2019 }), titles("cstd_cs", { 2020, 2024 }),
                titles("cstd_cs", { 2022 }, "thematic")),
  expect = "ineligible",
  criteria = { b_three_cstd_cs = "fail" } }))

local TTG_NONE = from(TTG, { honours = {}, appraisals = rated(2024, 2024, "good") })

case "BK TTg a: outstanding in an emulation movement → eligible"
  (from(TTG_NONE, { kind = "thematic", campaign = "PT-2024",
  facts = cat(facts(2024, { compliance = 1, influence_scope = "unit", outstanding = 1 }),
              nomination_facts({ movement_launched_by = "central_council" })),
  expect = "eligible",
  criteria = { a_movement = "pass", a_outstanding = "pass", b_bk_tinh = "fail" } }))

case "BK TTg a: in a movement but not outstanding → ineligible"
  (from(TTG_NONE, { kind = "thematic", campaign = "PT-2024",
  facts = facts(2024, { compliance = 1, influence_scope = "unit", outstanding = 0 }),
  expect = "ineligible",
  criteria = { a_movement = "pass", a_outstanding = "fail" } }))

case "BK TTg c: achievements with province influence → eligible"
  (from(TTG_NONE, {
  facts = facts(2024, { compliance = 1, influence_scope = "province" }),
  expect = "eligible",
  criteria = { c_influence = "pass" } }))

case "BK TTg: compliance not attested → review" (from(TTG, {
  facts = facts(2024, { influence_scope = "unit" }),
  expect = "review",
  criteria = { compliance = "unknown" } }))

case "BK TTg: compliance attested 0 → ineligible" (from(TTG, {
  facts = facts(2024, { compliance = 0, influence_scope = "unit" }),
  expect = "ineligible",
  criteria = { compliance = "fail" } }))

case "BK TTg: under review → ineligible" (from(TTG, {
  facts = facts(2024, { compliance = 1, influence_scope = "unit", under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" } }))

-- khoản 2: workers and farmers
case "BK TTg k2: a worker with large contributions → eligible"
  (from(TTG_NONE, { person = person("worker"),
  facts = facts(2024, { compliance = 1, influence_scope = "unit",
                        major_contribution = 1 }),
  expect = "eligible",
  criteria = { k2_contribution_subject = "pass", k2_contribution = "pass" } }))

case "BK TTg k2: a worker without large contributions → ineligible"
  (from(TTG_NONE, { person = person("worker"),
  facts = facts(2024, { compliance = 1, influence_scope = "unit",
                        major_contribution = 0, trained_colleagues = 0 }),
  expect = "ineligible",
  criteria = { k2_contribution = "fail" } }))

local WORKER = from(TTG_NONE, { person = person("worker"),
  initiatives = { { id = "SK1", year = 2022, scope = "unit" } },
  facts = facts(2024, { compliance = 1, influence_scope = "district",
                        major_contribution = 0, trained_colleagues = 1 }),
})

case "BK TTg k2: a worker's sáng kiến with district influence, training colleagues → eligible"
  (from(WORKER, {
  expect = "eligible",
  criteria = { c_influence = "fail", k2_worker_subject = "pass",
               k2_worker_initiative = "pass", k2_district_influence = "pass",
               k2_trains_colleagues = "pass" } }))

case "BK TTg k2: the worker's sáng kiến is older than the five years → ineligible"
  (from(WORKER, {
  initiatives = { { id = "SK1", year = 2019, scope = "unit" } },
  expect = "ineligible",
  criteria = { k2_worker_initiative = "fail" } }))

case "BK TTg k2: the worker's influence stays within the unit → ineligible"
  (from(WORKER, {
  facts = facts(2024, { compliance = 1, influence_scope = "unit",
                        major_contribution = 0, trained_colleagues = 1 }),
  expect = "ineligible",
  criteria = { k2_district_influence = "fail" } }))

case "BK TTg k2: the worker does not train colleagues → ineligible"
  (from(WORKER, {
  facts = facts(2024, { compliance = 1, influence_scope = "district",
                        major_contribution = 0, trained_colleagues = 0 }),
  expect = "ineligible",
  criteria = { k2_trains_colleagues = "fail" } }))

case "BK TTg k2: a farmer's model productive in 2023 and 2024 → eligible"
  (from(TTG_NONE, { person = person("farmer"),
  facts = cat(facts(2024, { compliance = 1, influence_scope = "unit",
                            major_contribution = 0, productive = 1 }),
              facts(2023, { productive = 1 })),
  expect = "eligible",
  criteria = { k2_farmer_subject = "pass", k2_model_years = "pass",
               k2_worker_subject = "fail" } }))

case "BK TTg k2: the farmer's model productive only in 2024 → ineligible"
  (from(TTG_NONE, { person = person("farmer"),
  facts = cat(facts(2024, { compliance = 1, influence_scope = "unit",
                            major_contribution = 0, productive = 1 }),
              facts(2023, { productive = 0 })),
  expect = "ineligible",
  criteria = { k2_model_years = "fail" } }))

case "BK TTg k2: the farmer's 2023 not attested → review"
  (from(TTG_NONE, { person = person("farmer"),
  facts = facts(2024, { compliance = 1, influence_scope = "unit",
                        major_contribution = 0, productive = 1 }),
  expect = "review",
  criteria = { k2_model_years = "unknown" } }))

-- Collectives and households: Điều 73 khoản 3 onward not read
-- (B-BKTTG-coll [U]).
case "BK TTg (tập thể): a collective's standard is not read → review" {
  form = "bk_ttg", year = 2024, unit = U_SCHOOL, kind = "ad_hoc",
  expect = "review",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               unit_standard = "unknown" },
}

case "BK TTg (hộ gia đình): under inspection → ineligible" {
  form = "bk_ttg", year = 2024, unit = U_HOUSE,
  facts = facts(2024, { under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail", unit_standard = "unknown" },
}

---------------------------------------------------------------- hcld3

-- BK TTg 2018; 2019–2023 good or better with 2021 excellent;
-- CSTĐCS 2019, 2021, 2023; a civil servant (no khoản 2).
local HC = {
  form = "hcld3", year = 2023, person = person("civil_servant"),
  appraisals = cat(rated(2019, 2020, "good"), rated(2021, 2021, "excellent"),
                   rated(2022, 2023, "good")),
  honours = cat(titles("bk_ttg", { 2018 }), titles("cstd_cs", { 2019, 2021, 2023 })),
}

case "HCLĐ hạng Ba e: BK TTg 2018, five good years, one excellent, three CSTĐCS → eligible"
  (from(HC, {
  expect = "eligible",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               e_bk_ttg = "pass", e_five_years_good = "pass",
               e_after_bk_ttg = "pass", e_after_discipline = "pass",
               e_excellent_year = "pass", e_three_cstd_cs = "pass",
               k2_movement_subject = "fail", k2_invention_subject = "fail",
               k2_contribution_subject = "fail", k2_ad_hoc_subject = "fail" } }))

case "HCLĐ hạng Ba e: the only BK TTg was ad hoc → ineligible" (from(HC, {
  honours = cat(titles("bk_ttg", { 2018 }, "ad_hoc"), titles("cstd_cs", { 2019, 2021, 2023 })),
  expect = "ineligible",
  criteria = { e_bk_ttg = "fail" } }))

case "HCLĐ hạng Ba e: 2022 rated complete → ineligible" (from(HC, {
  appraisals = cat(rated(2019, 2020, "good"), rated(2021, 2021, "excellent"),
                   rated(2022, 2022, "complete"), rated(2023, 2023, "good")),
  expect = "ineligible",
  criteria = { e_five_years_good = "fail" } }))

case "HCLĐ hạng Ba e: BK TTg for 2019 leaves four years → ineligible" (from(HC, {
  honours = cat(titles("bk_ttg", { 2019 }), titles("cstd_cs", { 2019, 2021, 2023 })),
  expect = "ineligible",
  criteria = { e_after_bk_ttg = "fail", e_three_cstd_cs = "fail" } }))

case "HCLĐ hạng Ba e: discipline ended 31/12/2018 → eligible" (from(HC, {
  disciplines = { { date = "2018-01-15", level = "reprimand", ends = "2018-12-31" } },
  expect = "eligible",
  criteria = { e_after_discipline = "pass" } }))

case "HCLĐ hạng Ba e: discipline ended 30/06/2019 → 2019 cannot count → ineligible"
  (from(HC, {
  disciplines = { { date = "2018-12-15", level = "reprimand", ends = "2019-06-30" } },
  expect = "ineligible",
  criteria = { e_after_discipline = "fail", e_three_cstd_cs = "fail" } }))

case "HCLĐ hạng Ba e: no excellent year → ineligible" (from(HC, {
  appraisals = rated(2019, 2023, "good"),
  expect = "ineligible",
  criteria = { e_excellent_year = "fail", e_three_cstd_cs = "pass" } }))

case "HCLĐ hạng Ba e: only two CSTĐCS → ineligible" (from(HC, {
  honours = cat(titles("bk_ttg", { 2018 }), titles("cstd_cs", { 2021, 2023 })),
  expect = "ineligible",
  criteria = { e_three_cstd_cs = "fail" } }))

case "HCLĐ hạng Ba: under review → ineligible" (from(HC, {
  facts = facts(2023, { under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" } }))

case "HCLĐ hạng Ba: a cống hiến nomination is not encoded → review" (from(HC, {
  kind = "dedication",
  expect = "review",
  message = "chưa được mã hóa" }))

-- khoản 1 điểm a–d [U], not read: a thematic or ad-hoc nomination that
-- point e and khoản 2 do not carry goes to a person, not to ineligible.
-- An official with no BK TTg, rated good in 2024.
local HC_OFFICIAL = { form = "hcld3", year = 2024, person = person("civil_servant"),
                      appraisals = rated(2024, 2024, "good") }

case "HCLĐ hạng Ba a–d: an official's thematic nomination → review (points a–d not read)"
  (from(HC_OFFICIAL, { kind = "thematic", campaign = "PT-1",
  expect = "review",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               k1_a_d_unread = "unknown", e_bk_ttg = "fail",
               k2_movement_subject = "fail" } }))

case "HCLĐ hạng Ba a–d: an official's ad-hoc nomination → review (points a–d not read)"
  (from(HC_OFFICIAL, { kind = "ad_hoc",
  expect = "review",
  criteria = { k1_a_d_unread = "unknown", e_bk_ttg = "fail",
               k2_ad_hoc_subject = "fail" } }))

case "HCLĐ hạng Ba a–d: an official's merit nomination is judged by point e → ineligible"
  (from(HC_OFFICIAL, {
  expect = "ineligible",
  criteria = { k1_a_d_unread = "fail", e_bk_ttg = "fail" } }))

case "HCLĐ hạng Ba a–d: an official's thematic nomination under inspection → ineligible"
  (from(HC_OFFICIAL, { kind = "thematic",
  facts = facts(2024, { under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail", k1_a_d_unread = "unknown" } }))

-- khoản 2: workers and farmers
local HC_W = { form = "hcld3", year = 2024, person = person("worker"),
               appraisals = rated(2024, 2024, "good") }

case "HCLĐ hạng Ba k2: a worker outstanding in a 5-year province movement → eligible"
  (from(HC_W, { kind = "thematic",
  facts = cat(facts(2024, { outstanding = 1, major_contribution = 0 }),
              nomination_facts({ movement_launched_by = "province", movement_years = 5 })),
  expect = "eligible",
  criteria = { e_bk_ttg = "fail", k2_movement_subject = "pass",
               k2_movement_five_years = "pass", k2_movement_outstanding = "pass" } }))

-- A worker's thematic nomination that khoản 2 does not carry still goes to
-- a person: khoản 1 điểm a–d (not read) are open to every individual, as
-- point e is.
case "HCLĐ hạng Ba k2: the province movement reviewed after 4 years → not via khoản 2 → review (a–d not read)"
  (from(HC_W, { kind = "thematic",
  facts = cat(facts(2024, { outstanding = 1, major_contribution = 0 }),
              nomination_facts({ movement_launched_by = "province", movement_years = 4 })),
  expect = "review",
  criteria = { k2_movement_five_years = "fail", k1_a_d_unread = "unknown" } }))

case "HCLĐ hạng Ba k2: a movement of the Central council is not a ministry's or province's → review (a–d not read)"
  (from(HC_W, { kind = "thematic",
  facts = cat(facts(2024, { outstanding = 1, major_contribution = 0 }),
              nomination_facts({ movement_launched_by = "central_council", movement_years = 6 })),
  expect = "review",
  criteria = { k2_movement_five_years = "fail", k1_a_d_unread = "unknown" } }))

case "HCLĐ hạng Ba k2: not outstanding in the movement → review (a–d not read)"
  (from(HC_W, { kind = "thematic",
  facts = cat(facts(2024, { outstanding = 0, major_contribution = 0 }),
              nomination_facts({ movement_launched_by = "ministry", movement_years = 5 })),
  expect = "review",
  criteria = { k2_movement_outstanding = "fail", k1_a_d_unread = "unknown" } }))

case "HCLĐ hạng Ba k2: a farmer's invention applied with province influence → eligible"
  (from(HC_W, { person = person("farmer"),
  initiatives = { { id = "SC1", year = 2022, scope = "province", kind = "invention" } },
  facts = facts(2024, { major_contribution = 0 }),
  expect = "eligible",
  criteria = { k2_invention_subject = "pass", k2_invention = "pass" } }))

-- The window of invention_window_years (5) years ending at the year:
-- 2020 is its first year, 2019 is outside it.
case "HCLĐ hạng Ba k2: an invention of 2020, the window's first year → eligible"
  (from(HC_W, { person = person("farmer"),
  initiatives = { { id = "SC1", year = 2020, scope = "province", kind = "invention" } },
  facts = facts(2024, { major_contribution = 0 }),
  expect = "eligible",
  criteria = { k2_invention = "pass" } }))

case "HCLĐ hạng Ba k2: an invention of 2019, before the window → ineligible"
  (from(HC_W, { person = person("farmer"),
  initiatives = { { id = "SC1", year = 2019, scope = "province", kind = "invention" } },
  facts = facts(2024, { major_contribution = 0 }),
  expect = "ineligible",
  criteria = { k2_invention = "fail" } }))

case "HCLĐ hạng Ba k2: the invention applied only at cơ sở → ineligible"
  (from(HC_W, { person = person("farmer"),
  initiatives = { { id = "SC1", year = 2022, scope = "unit", kind = "invention" } },
  facts = facts(2024, { major_contribution = 0 }),
  expect = "ineligible",
  criteria = { k2_invention = "fail" } }))

case "HCLĐ hạng Ba k2: a worker with many contributions → eligible"
  (from(HC_W, {
  facts = facts(2024, { major_contribution = 1 }),
  expect = "eligible",
  criteria = { k2_contribution_subject = "pass", k2_contribution = "pass" } }))

case "HCLĐ hạng Ba k2: a worker's ad-hoc feat → review (rest of the point not read)"
  (from(HC_W, { kind = "ad_hoc",
  facts = facts(2024, { major_contribution = 0 }),
  expect = "review",
  criteria = { k2_ad_hoc_subject = "pass", k2_ad_hoc = "unknown",
               k2_contribution = "fail" } }))

case "HCLĐ hạng Ba k2: a worker's merit nomination is no ad-hoc route → ineligible"
  (from(HC_W, {
  facts = facts(2024, { major_contribution = 0 }),
  expect = "ineligible",
  criteria = { k2_ad_hoc = "fail" } }))

-- Collectives: Điều 44 khoản 3 onward not read (B-HC3 coll [U]).
case "HCLĐ hạng Ba (tập thể): a collective's standard is not read → review" {
  form = "hcld3", year = 2024, unit = U_SCHOOL,
  appraisals = rated(2020, 2024, "excellent"),
  expect = "review",
  criteria = { not_under_review = "pass", kind_encoded = "pass",
               unit_standard = "unknown" },
}

case "HCLĐ hạng Ba (tập thể): under inspection → ineligible" {
  form = "hcld3", year = 2024, unit = U_SCHOOL,
  facts = facts(2024, { under_review = 1 }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

case "HCLĐ hạng Ba (tập thể): a dedication award is not encoded → review" {
  form = "hcld3", year = 2024, unit = U_SCHOOL, kind = "dedication",
  expect = "review",
  message = "chưa được mã hóa",
}
