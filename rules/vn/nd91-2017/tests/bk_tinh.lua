-- Bằng khen cấp bộ, tỉnh: every criterion is [U] (NĐ 91 Điều 39 not read);
-- these cases pin the encoded reading so that a correction of the text
-- shows up as a failing case.

local Y = 2021

local person = { id = "P1", unit_id = "U1", is_leader = 0 }

local function excellent(from, to)
  local a = {}
  for y = from, to do a[#a + 1] = { year = y, rating = "excellent" } end
  return a
end

-- Point b not met (attested), so that a failing point c makes the
-- nomination ineligible rather than leaving it to a person.
local NO_B = { { key = "influence_scope", value = "unit", year = Y } }

case "BK tỉnh c: 2 excellent years and 2 unit initiatives → eligible" {
  form = "bk_tinh", year = Y,
  person = person,
  appraisals = excellent(2020, 2021),
  initiatives = { { id = "SK1", year = 2020, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  expect = "eligible",
  criteria = { c_excellent_years = "pass", c_initiatives = "pass",
               a_movement_review = "fail", kind_not_encoded = "fail",
               not_under_review = "pass" },
}

case "BK tỉnh c: 2020 only 'good', the run is one year → ineligible" {
  form = "bk_tinh", year = Y,
  person = person,
  appraisals = { { year = 2020, rating = "good" }, { year = 2021, rating = "excellent" } },
  initiatives = { { id = "SK1", year = 2020, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  facts = NO_B,
  expect = "ineligible",
  criteria = { c_excellent_years = "fail", b_influence = "fail" },
}

case "BK tỉnh c: one initiative only → ineligible" {
  form = "bk_tinh", year = Y,
  person = person,
  appraisals = excellent(2020, 2021),
  initiatives = { { id = "SK1", year = 2021, scope = "unit" } },
  facts = NO_B,
  expect = "ineligible",
  criteria = { c_initiatives = "fail" },
}

case "BK tỉnh c: an initiative already the basis of a CSTĐCS does not count again → ineligible" {
  form = "bk_tinh", year = Y,
  person = person,
  appraisals = excellent(2020, 2021),
  honours = { { code = "cstd_cs", year = 2020, initiatives = "SK1" } },
  initiatives = { { id = "SK1", year = 2020, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  facts = NO_B,
  expect = "ineligible",
  criteria = { c_initiatives = "fail" },
}

case "BK tỉnh c: a CSTĐCS based on another initiative leaves both free → eligible" {
  form = "bk_tinh", year = Y,
  person = person,
  appraisals = excellent(2020, 2021),
  honours = { { code = "cstd_cs", year = 2020, initiatives = "SK0" } },
  initiatives = { { id = "SK0", year = 2020, scope = "unit" },
                  { id = "SK1", year = 2020, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  expect = "eligible",
  criteria = { c_initiatives = "pass" },
}

case "BK tỉnh c: initiatives in 2019 and 2021 within a 3-year run → eligible" {
  form = "bk_tinh", year = Y,
  person = person,
  appraisals = excellent(2019, 2021),
  initiatives = { { id = "SK1", year = 2019, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  expect = "eligible",
  criteria = { c_initiatives = "pass" },
}

case "BK tỉnh c: an initiative of 2019 before a 2020–2021 run → ineligible" {
  form = "bk_tinh", year = Y,
  person = person,
  appraisals = { { year = 2019, rating = "good" }, { year = 2020, rating = "excellent" },
                 { year = 2021, rating = "excellent" } },
  initiatives = { { id = "SK1", year = 2019, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  facts = NO_B,
  expect = "ineligible",
  criteria = { c_excellent_years = "pass", c_initiatives = "fail" },
}

-- The years of point c fall after the previous Bằng khen (TT 08/2017): a
-- BK tỉnh of 2020 leaves 2021 alone, too few; one of 2019 leaves 2020–2021.
case "BK tỉnh c: a BK tỉnh of 2020, only one year after it → ineligible" {
  form = "bk_tinh", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2020 } },
  appraisals = excellent(2019, 2021),
  initiatives = { { id = "SK1", year = 2021, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  facts = NO_B,
  expect = "ineligible",
  criteria = { c_excellent_years = "pass", c_after_previous = "fail",
               c_initiatives = "pass" },
}

case "BK tỉnh c: a BK tỉnh of 2019, two years after it → eligible" {
  form = "bk_tinh", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2019 } },
  appraisals = excellent(2018, 2021),
  initiatives = { { id = "SK1", year = 2020, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  facts = NO_B,
  expect = "eligible",
  criteria = { c_after_previous = "pass", c_initiatives = "pass" },
}

case "BK tỉnh c: initiatives before the previous BK tỉnh do not count → ineligible" {
  form = "bk_tinh", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2019 } },
  appraisals = excellent(2016, 2021),
  initiatives = { { id = "SK1", year = 2018, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  facts = NO_B,
  expect = "ineligible",
  criteria = { c_after_previous = "pass", c_initiatives = "fail" },
}

case "BK tỉnh c: a thematic BK tỉnh of 2020 does not restart the years → eligible" {
  form = "bk_tinh", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2020, kind = "thematic" } },
  appraisals = excellent(2020, 2021),
  initiatives = { { id = "SK1", year = 2020, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  facts = NO_B,
  expect = "eligible",
  criteria = { c_after_previous = "pass" },
}

case "BK tỉnh a: outstanding at a movement's review → eligible" {
  form = "bk_tinh", year = Y, kind = "thematic", campaign = "Chung sức xây dựng nông thôn mới",
  person = person,
  facts = { { key = "outstanding", value = "1", year = Y } },
  expect = "eligible",
  criteria = { a_movement_review = "pass", a_outstanding = "pass", kind_not_encoded = "fail" },
}

case "BK tỉnh a: at a movement's review, not outstanding → ineligible" {
  form = "bk_tinh", year = Y, kind = "thematic",
  person = person,
  facts = { { key = "outstanding", value = "0", year = Y },
            { key = "influence_scope", value = "unit", year = Y } },
  expect = "ineligible",
  criteria = { a_movement_review = "pass", a_outstanding = "fail" },
}

case "BK tỉnh b: achievements of provincial influence → eligible" {
  form = "bk_tinh", year = Y,
  person = person,
  facts = { { key = "influence_scope", value = "province", year = Y } },
  expect = "eligible",
  criteria = { b_influence = "pass" },
}

case "BK tỉnh b: influence not assessed, c not met → review" {
  form = "bk_tinh", year = Y,
  person = person,
  appraisals = excellent(2021, 2021),
  expect = "review",
  criteria = { b_influence = "unknown", c_excellent_years = "fail" },
}

do
  local U1 = { id = "U1", name = "Phòng Giáo dục và Đào tạo", kind = "agency" }
  local function unit_facts(v)
    return { { key = "internal_unity", value = v, year = Y },
             { key = "compliance", value = v, year = Y },
             { key = "emulation_movement", value = v, year = Y },
             { key = "thrift", value = v, year = Y },
             { key = "influence_scope", value = "unit", year = Y } }
  end

  case "BK tỉnh (collective) c: 2 excellent years, attested → eligible" {
    form = "bk_tinh", year = Y,
    unit = U1,
    appraisals = excellent(2020, 2021),
    facts = unit_facts("1"),
    expect = "eligible",
    criteria = { c_collective = "pass", c_excellent_years = "pass",
                 c_internal_unity = "pass", c_compliance = "pass",
                 c_emulation_movement = "pass", c_thrift = "pass",
                 household = "fail" },
  }

  case "BK tỉnh (collective) c: attestations 0 → ineligible" {
    form = "bk_tinh", year = Y,
    unit = U1,
    appraisals = excellent(2020, 2021),
    facts = unit_facts("0"),
    expect = "ineligible",
    criteria = { c_internal_unity = "fail", c_compliance = "fail",
                 c_emulation_movement = "fail", c_thrift = "fail" },
  }

  case "BK tỉnh (collective) c: a BK tỉnh of 2020, one year after it → ineligible" {
    form = "bk_tinh", year = Y,
    unit = U1,
    honours = { { code = "bk_tinh", year = 2020 } },
    appraisals = excellent(2019, 2021),
    facts = unit_facts("1"),
    expect = "ineligible",
    criteria = { c_excellent_years = "pass", c_after_previous = "fail" },
  }

  case "BK tỉnh (collective) c: one excellent year → ineligible" {
    form = "bk_tinh", year = Y,
    unit = U1,
    appraisals = { { year = 2020, rating = "good" }, { year = 2021, rating = "excellent" } },
    facts = unit_facts("1"),
    expect = "ineligible",
    criteria = { c_excellent_years = "fail" },
  }
end

do
  local H1 = { id = "H1", name = "Hộ ông A Thuy", kind = "household" }
  case "BK tỉnh (household): large contributions attested → eligible" {
    form = "bk_tinh", year = Y,
    unit = H1,
    facts = { { key = "outstanding", value = "1", year = Y } },
    expect = "eligible",
    criteria = { household = "pass", household_contribution = "pass", c_collective = "fail" },
  }

  case "BK tỉnh (household): contributions not found large → ineligible" {
    form = "bk_tinh", year = Y,
    unit = H1,
    facts = { { key = "outstanding", value = "0", year = Y },
              { key = "influence_scope", value = "unit", year = Y } },
    expect = "ineligible",
    criteria = { household = "pass", household_contribution = "fail" },
  }
end

case "BK tỉnh: an ad-hoc (đột xuất) nomination, criteria not read → review" {
  form = "bk_tinh", year = Y, kind = "ad_hoc",
  person = person,
  facts = NO_B,
  expect = "review",
  message = "chưa được mã hóa",  -- the form's `kinds`: not judged, a person decides
}

case "BK tỉnh: under review → ineligible" {
  form = "bk_tinh", year = Y,
  person = person,
  appraisals = excellent(2020, 2021),
  initiatives = { { id = "SK1", year = 2020, scope = "unit" },
                  { id = "SK2", year = 2021, scope = "unit" } },
  facts = { { key = "under_review", value = "1", year = Y } },
  expect = "ineligible",
  criteria = { c_initiatives = "pass", not_under_review = "fail" },
}
