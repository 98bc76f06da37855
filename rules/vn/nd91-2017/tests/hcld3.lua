-- Huân chương Lao động hạng Ba (individual): compliance and point a (BK TTg,
-- then 5+ excellent years with 2 initiatives of provincial influence) or
-- point b (an especially outstanding ad-hoc feat of provincial influence).

local Y = 2021

local person = { id = "P1", unit_id = "U1", is_leader = 0 }

local function excellent(from, to)
  local a = {}
  for y = from, to do a[#a + 1] = { year = y, rating = "excellent" } end
  return a
end

local PROVINCE_SK = { { id = "SK1", year = 2018, scope = "province" },
                      { id = "SK2", year = 2020, scope = "province" } }

local function facts(extra)
  local f = { { key = "compliance", value = "1", year = Y },
              { key = "influence_scope", value = "unit", year = Y } }
  for _, x in ipairs(extra or {}) do f[#f + 1] = x end
  return f
end

case "HCLĐ3 a: BK TTg 2016, excellent 2017–2021, 2 provincial initiatives → eligible" {
  form = "hcld3", year = Y,
  person = person,
  honours = { { code = "bk_ttg", year = 2016 } },
  appraisals = excellent(2017, 2021),
  initiatives = PROVINCE_SK,
  facts = facts(),
  expect = "eligible",
  criteria = { compliance = "pass", a_bk_ttg = "pass", a_excellent_years = "pass",
               a_initiatives = "pass", b_ad_hoc = "fail", kind_not_encoded = "fail",
               not_under_review = "pass" },
}

case "HCLĐ3 a: BK TTg 2017, only 4 further years → ineligible" {
  form = "hcld3", year = Y,
  person = person,
  honours = { { code = "bk_ttg", year = 2017 } },
  appraisals = excellent(2017, 2021),
  initiatives = PROVINCE_SK,
  facts = facts(),
  expect = "ineligible",
  criteria = { a_bk_ttg = "fail" },
}

case "HCLĐ3 a: a thematic BK TTg does not count → ineligible" {
  form = "hcld3", year = Y,
  person = person,
  honours = { { code = "bk_ttg", year = 2016, kind = "thematic" } },
  appraisals = excellent(2017, 2021),
  initiatives = PROVINCE_SK,
  facts = facts(),
  expect = "ineligible",
  criteria = { a_bk_ttg = "fail" },
}

case "HCLĐ3 a: 2021 only 'good', the run ends short of the proposal → ineligible" {
  form = "hcld3", year = Y,
  person = person,
  honours = { { code = "bk_ttg", year = 2016 } },
  appraisals = { { year = 2017, rating = "excellent" }, { year = 2018, rating = "excellent" },
                 { year = 2019, rating = "excellent" }, { year = 2020, rating = "excellent" },
                 { year = 2021, rating = "good" } },
  initiatives = PROVINCE_SK,
  facts = facts(),
  expect = "ineligible",
  criteria = { a_excellent_years = "fail" },
}

case "HCLĐ3 a: one provincial initiative only → ineligible" {
  form = "hcld3", year = Y,
  person = person,
  honours = { { code = "bk_ttg", year = 2016 } },
  appraisals = excellent(2017, 2021),
  initiatives = { { id = "SK1", year = 2018, scope = "province" },
                  { id = "SK2", year = 2020, scope = "unit" } },
  facts = facts(),
  expect = "ineligible",
  criteria = { a_initiatives = "fail" },
}

case "HCLĐ3 b: especially outstanding ad-hoc feat of provincial influence → eligible" {
  form = "hcld3", year = Y, kind = "ad_hoc",
  person = person,
  appraisals = excellent(2020, 2021),
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "outstanding", value = "1", year = Y },
            { key = "influence_scope", value = "province", year = Y } },
  expect = "eligible",
  criteria = { b_ad_hoc = "pass", b_outstanding = "pass", b_influence = "pass",
               a_bk_ttg = "fail", kind_not_encoded = "fail",
               continuous_excellent = "pass" },
}

-- The preamble ("liên tục hoàn thành xuất sắc nhiệm vụ") holds for point b
-- too: an ad-hoc feat does not stand in for the years.
case "HCLĐ3 b: ad-hoc feat, but rated only 'complete' → ineligible" {
  form = "hcld3", year = Y, kind = "ad_hoc",
  person = person,
  appraisals = { { year = 2019, rating = "complete" }, { year = 2020, rating = "complete" },
                 { year = 2021, rating = "complete" } },
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "outstanding", value = "1", year = Y },
            { key = "influence_scope", value = "province", year = Y } },
  expect = "ineligible",
  criteria = { continuous_excellent = "fail", b_ad_hoc = "pass", b_outstanding = "pass",
               b_influence = "pass" },
}

-- The preamble gives no number of years (A-HC3-0, an attestation): the
-- year alone excellent is for a person to weigh, not a failure.
case "HCLĐ3 b: ad-hoc feat, excellent in the year only → review" {
  form = "hcld3", year = Y, kind = "ad_hoc",
  person = person,
  appraisals = { { year = 2020, rating = "good" }, { year = 2021, rating = "excellent" } },
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "outstanding", value = "1", year = Y },
            { key = "influence_scope", value = "province", year = Y } },
  expect = "review",
  criteria = { continuous_excellent = "unknown", b_ad_hoc = "pass" },
}

case "HCLĐ3 b: ad-hoc feat, no appraisal of the year → review" {
  form = "hcld3", year = Y, kind = "ad_hoc",
  person = person,
  appraisals = { { year = 2020, rating = "excellent" } },
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "outstanding", value = "1", year = Y },
            { key = "influence_scope", value = "province", year = Y } },
  expect = "review",
  criteria = { continuous_excellent = "unknown" },
}

-- At most one State award a year (TT 08/2017): another one of 2021 bars a
-- merit award; an ad-hoc one is outside the limit.
case "HCLĐ3 a: a CSTĐ toàn quốc of the same year already held → ineligible" {
  form = "hcld3", year = Y,
  person = person,
  honours = { { code = "bk_ttg", year = 2016 }, { code = "cstd_tq", year = 2021 } },
  appraisals = excellent(2017, 2021),
  initiatives = PROVINCE_SK,
  facts = facts(),
  expect = "ineligible",
  criteria = { one_state_award_a_year = "fail", a_bk_ttg = "pass",
               a_excellent_years = "pass", a_initiatives = "pass" },
}

case "HCLĐ3 a: a State award of the year before does not count → eligible" {
  form = "hcld3", year = Y,
  person = person,
  honours = { { code = "bk_ttg", year = 2016 }, { code = "cstd_tq", year = 2020 } },
  appraisals = excellent(2017, 2021),
  initiatives = PROVINCE_SK,
  facts = facts(),
  expect = "eligible",
  criteria = { one_state_award_a_year = "pass" },
}

case "HCLĐ3 b: an ad-hoc award is outside the once-a-year limit → eligible" {
  form = "hcld3", year = Y, kind = "ad_hoc",
  person = person,
  honours = { { code = "bk_ttg", year = 2021 } },
  appraisals = excellent(2020, 2021),
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "outstanding", value = "1", year = Y },
            { key = "influence_scope", value = "province", year = Y } },
  expect = "eligible",
  criteria = { one_state_award_a_year = "pass" },
}

case "HCLĐ3 b: an ad-hoc feat of only local influence, not outstanding → ineligible" {
  form = "hcld3", year = Y, kind = "ad_hoc",
  person = person,
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "outstanding", value = "0", year = Y },
            { key = "influence_scope", value = "unit", year = Y } },
  expect = "ineligible",
  criteria = { b_ad_hoc = "pass", b_outstanding = "fail", b_influence = "fail" },
}

case "HCLĐ3: compliance attested 0 → ineligible" {
  form = "hcld3", year = Y,
  person = person,
  honours = { { code = "bk_ttg", year = 2016 } },
  appraisals = excellent(2017, 2021),
  initiatives = PROVINCE_SK,
  facts = { { key = "compliance", value = "0", year = Y } },
  expect = "ineligible",
  criteria = { compliance = "fail", a_initiatives = "pass" },
}

case "HCLĐ3: a thematic nomination, criteria not encoded → review" {
  form = "hcld3", year = Y, kind = "thematic",
  person = person,
  facts = facts(),
  expect = "review",
  message = "chưa được mã hóa",  -- the form's `kinds`: not judged, a person decides
}

case "HCLĐ3: under review → ineligible" {
  form = "hcld3", year = Y,
  person = person,
  honours = { { code = "bk_ttg", year = 2016 } },
  appraisals = excellent(2017, 2021),
  initiatives = PROVINCE_SK,
  facts = facts({ { key = "under_review", value = "1", year = Y } }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

-- Collectives (A-HC3-c.., not read): a person decides, unless a bar holds.
case "HCLĐ3, a collective → review (the standard is not read)" {
  form = "hcld3", year = Y,
  unit = { id = "U1", name = "Sở X", kind = "agency" },
  expect = "review",
  criteria = { collective_standard = "unknown", not_under_review = "pass" },
}

case "HCLĐ3, a collective under review → ineligible" {
  form = "hcld3", year = Y,
  unit = { id = "U1", name = "Sở X", kind = "agency" },
  facts = { { subject_type = "unit", subject_id = "U1", key = "under_review",
              value = "1", year = Y } },
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}

