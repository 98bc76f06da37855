-- kontum/qd29-2018: the national criteria of vn/nd91-2017 apply unchanged
-- (inheritance); the renamed forms (bk_tinh for persons and units, co_tinh,
-- cstd_tinh) still judge with the parent's criteria; the CSTĐCS rate is
-- the province's parameter, held at 15. Proposals are dated within the
-- set's period. The award names themselves are shown by `tdkt rules list
-- rules/kontum/qd29-2018`; the case format has no field to assert them.

local Y = 2021
local SUBMITTED = "2022-01-20"

local function excellent(from, to)
  local a = {}
  for y = from, to do a[#a + 1] = { year = y, rating = "excellent" } end
  return a
end

---------------------------------------------------------------- inheritance

case "Kon Tum 29/2018: LĐTT of a new hire with 9 months (NĐ 91, inherited) → ineligible" {
  form = "ldtt", year = Y, submitted = SUBMITTED,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "public_employee",
             hired = "2021-04-01" },
  appraisals = { { year = Y, rating = "good", months_worked = 9 } },
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "self_reliance", value = "1", year = Y },
            { key = "studies", value = "1", year = Y },
            { key = "ethics", value = "1", year = Y } },
  expect = "ineligible",
  criteria = { new_hire_months = "fail", good_rating = "pass" },
}

case "Kon Tum 29/2018: BK TTg, HTXS run broken in the last year (case D, inherited) → ineligible" {
  form = "bk_ttg", year = Y, submitted = SUBMITTED,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "bk_tinh", year = 2015 } },
  appraisals = { { year = 2016, rating = "excellent" }, { year = 2017, rating = "excellent" },
                 { year = 2018, rating = "excellent" }, { year = 2019, rating = "excellent" },
                 { year = 2020, rating = "excellent" }, { year = 2021, rating = "good" } },
  initiatives = { { id = "SK1", year = 2016, scope = "unit" },
                  { id = "SK2", year = 2017, scope = "unit" },
                  { id = "SK3", year = 2018, scope = "unit" },
                  { id = "SK4", year = 2019, scope = "unit" },
                  { id = "SK5", year = 2020, scope = "unit" } },
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "influence_scope", value = "unit", year = Y } },
  expect = "ineligible",
  criteria = { c_bk_tinh = "pass", c_excellent_years = "fail" },
}

do
  local people, honours = {}, { { code = "ldtt", year = Y } }
  for i = 1, 6 do
    people[i] = { id = "P10" .. i, unit_id = "U1", is_leader = 0 }
    honours[#honours + 1] = { subject_type = "person", subject_id = "P10" .. i,
                              code = "ldtt", year = Y }
  end
  case "Kon Tum 29/2018: CSTĐCS with HTXS but no sáng kiến (case A, inherited) → ineligible" {
    form = "cstd_cs", year = Y, submitted = SUBMITTED,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    appraisals = { { year = Y, rating = "excellent" } },
    expect = "ineligible",
    criteria = { ldtt_standard = "pass", initiative = "fail" },
  }
end

---------------------------------------------------------- the CSTĐCS rate

-- 20 LĐTT in the unit and four qualified candidates: at 15%, three places.
-- (The illustrative amendment of tests/fixtures/rules/example sets 10%:
-- two places, and N3 goes to review there.)
local function four_candidates()
  local people, honours, inits = {}, {}, {}
  local noms = {}
  for i = 1, 20 do
    local id = "P" .. i
    people[#people + 1] = { id = id, unit_id = "U1", is_leader = 0 }
    honours[#honours + 1] = { subject_type = "person", subject_id = id, code = "ldtt", year = Y }
    if i <= 4 then
      inits[#inits + 1] = { id = "SK" .. i, person_id = id, year = Y, scope = "unit" }
      noms[#noms + 1] = { id = "N" .. i, subject_id = id, code = "cstd_cs", year = Y,
                          submitted = SUBMITTED }
    end
  end
  return people, honours, inits, noms
end

do
  local people, honours, inits, noms = four_candidates()
  case "Kon Tum 29/2018: CSTĐCS cap at 15% of 20 LĐTT → three of four candidates" {
    form = "cstd_cs", year = Y,
    person = people[1], people = { table.unpack(people, 2) },
    honours = honours, initiatives = inits, nominations = noms,
    expect = { N1 = "eligible", N2 = "eligible", N3 = "eligible", N4 = "review" },
  }
end

-- Twins of the illustrative amendment's cases (tests/fixtures/rules/example):
-- under QĐ 29/2018 as encoded, research counts and 9 LĐTT give one place.
local function unit_of(n)
  local people, honours = {}, { { code = "ldtt", year = Y } }
  for i = 2, n do
    local id = "P" .. i
    people[#people + 1] = { id = id, unit_id = "U1", is_leader = 0 }
    honours[#honours + 1] = { subject_type = "person", subject_id = id, code = "ldtt", year = Y }
  end
  return people, honours
end

do
  local people, honours = unit_of(10)
  case "Kon Tum 29/2018: CSTĐCS on an applied research project → eligible" {
    form = "cstd_cs", year = Y, submitted = SUBMITTED,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    initiatives = { { id = "DT1", year = Y, scope = "unit", kind = "research", applied = 1 } },
    expect = "eligible",
    criteria = { ldtt_standard = "pass", initiative = "pass" },
  }
end

do
  local people, honours = unit_of(9)
  case "Kon Tum 29/2018: unit of 9 LĐTT, 15% gives one place → eligible" {
    form = "cstd_cs", year = Y, submitted = SUBMITTED,
    person = { id = "P1", unit_id = "U1", is_leader = 0 },
    people = people, honours = honours,
    initiatives = { { id = "SK1", year = Y, scope = "unit" } },
    expect = "eligible",
    criteria = { quota_ldtt_share = "pass" },
  }
end

------------------------------------------------------- the renamed forms

case "Kon Tum 29/2018: Bằng khen của Chủ tịch UBND tỉnh, 2 HTXS years, 2 sáng kiến → eligible" {
  form = "bk_tinh", year = Y, submitted = SUBMITTED,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  appraisals = excellent(2020, 2021),
  initiatives = { { id = "SK1", year = 2020, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  expect = "eligible",
  criteria = { c_excellent_years = "pass", c_initiatives = "pass" },
}

case "Kon Tum 29/2018: Bằng khen của Chủ tịch UBND tỉnh, one sáng kiến → ineligible" {
  form = "bk_tinh", year = Y, submitted = SUBMITTED,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  appraisals = excellent(2020, 2021),
  initiatives = { { id = "SK1", year = 2021, scope = "unit" } },
  facts = { { key = "influence_scope", value = "unit", year = Y } },
  expect = "ineligible",
  criteria = { c_initiatives = "fail" },
}

case "Kon Tum 29/2018: Bằng khen của Chủ tịch UBND tỉnh for a collective → eligible" {
  form = "bk_tinh", year = Y, submitted = SUBMITTED,
  unit = { id = "U1", name = "Trường THCS Kon Tum", kind = "public_service" },
  appraisals = excellent(2020, 2021),
  facts = { { key = "internal_unity", value = "1", year = Y },
            { key = "compliance", value = "1", year = Y },
            { key = "emulation_movement", value = "1", year = Y },
            { key = "thrift", value = "1", year = Y } },
  expect = "eligible",
  criteria = { c_collective = "pass", c_excellent_years = "pass" },
}

case "Kon Tum 29/2018: Cờ thi đua của UBND tỉnh, first in its khối → eligible" {
  form = "co_tinh", year = Y, submitted = SUBMITTED,
  unit = { id = "U1", name = "Chi cục Kiểm lâm", kind = "agency",
           bloc = "Khối thi đua các Chi cục và Trung tâm" },
  facts = { { key = "bloc_rank", value = "1", year = Y },
            { key = "exceeded_targets", value = "1", year = Y },
            { key = "new_model", value = "1", year = Y },
            { key = "internal_unity", value = "1", year = Y },
            { key = "thrift", value = "1", year = Y } },
  expect = "eligible",
  criteria = { bloc_leader = "pass" },
}

case "Kon Tum 29/2018: Cờ thi đua của UBND tỉnh, second in its khối → ineligible" {
  form = "co_tinh", year = Y, submitted = SUBMITTED,
  unit = { id = "U1", name = "Ban Quản lý rừng phòng hộ Đăk Hà", kind = "public_service",
           bloc = "Khối thi đua các Ban quản lý rừng phòng hộ, đặc dụng" },
  facts = { { key = "bloc_rank", value = "2", year = Y },
            { key = "exceeded_targets", value = "1", year = Y },
            { key = "new_model", value = "1", year = Y },
            { key = "internal_unity", value = "1", year = Y },
            { key = "thrift", value = "1", year = Y } },
  expect = "ineligible",
  criteria = { bloc_leader = "fail" },
}

case "Kon Tum 29/2018: Chiến sĩ thi đua tỉnh, CSTĐCS 2019–2021 and a provincial sáng kiến → eligible" {
  form = "cstd_tinh", year = Y, submitted = SUBMITTED,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "cstd_cs", year = 2019 }, { code = "cstd_cs", year = 2020 },
              { code = "cstd_cs", year = 2021 } },
  initiatives = { { id = "SK1", year = 2020, scope = "province" } },
  facts = { { key = "outstanding", value = "1", year = Y } },
  expect = "eligible",
  criteria = { cstd_cs_before = "pass", cstd_cs_this_year = "pass",
               province_initiative = "pass" },
}

case "Kon Tum 29/2018: Chiến sĩ thi đua tỉnh with a gap in the CSTĐCS run → ineligible" {
  form = "cstd_tinh", year = Y, submitted = SUBMITTED,
  person = { id = "P1", unit_id = "U1", is_leader = 0 },
  honours = { { code = "cstd_cs", year = 2018 }, { code = "cstd_cs", year = 2019 },
              { code = "cstd_cs", year = 2021 } },
  initiatives = { { id = "SK1", year = 2020, scope = "province" } },
  facts = { { key = "outstanding", value = "1", year = Y } },
  expect = "ineligible",
  criteria = { cstd_cs_before = "fail" },
}
