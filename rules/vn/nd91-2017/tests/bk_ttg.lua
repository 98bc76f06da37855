-- Bằng khen của Thủ tướng Chính phủ: compliance and one of points a, b, c
-- (individuals), the unread clauses 2–3 (a person decides), families
-- (khoản 4). Point c: BK tỉnh for 2016, excellent 2017–2021, 5 initiatives.

local Y = 2021

local person = { id = "P1", unit_id = "U1", is_leader = 0, category = "civil_servant" }

local function excellent(from, to)
  local a = {}
  for y = from, to do a[#a + 1] = { year = y, rating = "excellent" } end
  return a
end

local function initiatives(from, to)
  local l = {}
  for y = from, to do l[#l + 1] = { id = "SK" .. y, year = y, scope = "unit" } end
  return l
end

-- Compliance attested; point b attested as not met unless a case says so.
local function facts(extra)
  local f = { { key = "compliance", value = "1", year = Y },
              { key = "influence_scope", value = "unit", year = Y } }
  for _, x in ipairs(extra or {}) do f[#f + 1] = x end
  return f
end

-- The armed forces' point c (A-BKTTG-c3): mưu trí stands for the
-- initiatives, and 5 Giấy khen within the same years are needed too.
local soldier = { id = "P1", unit_id = "U1", is_leader = 0, category = "soldier" }

local function combat(from, to)
  local l = {}
  for y = from, to do l[#l + 1] = { id = "M" .. y, year = y, scope = "unit", kind = "combat" } end
  return l
end

local function giay_khen(from, to)
  local h = { { code = "bk_tinh", year = 2016 } }
  for y = from, to do h[#h + 1] = { code = "giay_khen", year = y } end
  return h
end

case "BK TTg c, armed forces: 5 mưu trí, no Giấy khen → ineligible" {
  form = "bk_ttg", year = Y,
  person = soldier,
  honours = { { code = "bk_tinh", year = 2016 } },
  appraisals = excellent(2017, 2021),
  initiatives = combat(2017, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_initiatives = "pass", c_giay_khen_armed_forces = "fail" },
}

case "BK TTg c, armed forces: 5 mưu trí, 5 Giấy khen 2017–2021 → eligible" {
  form = "bk_ttg", year = Y,
  person = soldier,
  honours = giay_khen(2017, 2021),
  appraisals = excellent(2017, 2021),
  initiatives = combat(2017, 2021),
  facts = facts(),
  expect = "eligible",
  criteria = { c_initiatives = "pass", c_giay_khen_armed_forces = "pass" },
}

case "BK TTg c, armed forces: a Giấy khen before the BK tỉnh does not count → ineligible" {
  form = "bk_ttg", year = Y,
  person = soldier,
  honours = { { code = "bk_tinh", year = 2016 }, { code = "giay_khen", year = 2015 },
              { code = "giay_khen", year = 2018 }, { code = "giay_khen", year = 2019 },
              { code = "giay_khen", year = 2020 }, { code = "giay_khen", year = 2021 } },
  appraisals = excellent(2015, 2021),
  initiatives = combat(2017, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_giay_khen_armed_forces = "fail" },
}

case "BK TTg c: BK tỉnh 2016, excellent 2017–2021, 5 initiatives → eligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2016 } },
  appraisals = excellent(2017, 2021),
  initiatives = initiatives(2017, 2021),
  facts = facts(),
  expect = "eligible",
  criteria = { compliance = "pass", c_bk_tinh = "pass", c_excellent_years = "pass",
               c_initiatives = "pass", a_movement_review = "fail",
               b_influence = "fail", k2_worker_farmer = "fail",
               kind_not_encoded = "fail", not_under_review = "pass" },
}

case "BK TTg c: BK tỉnh 2017, only 4 years after it → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2017 } },
  appraisals = excellent(2017, 2021),
  initiatives = initiatives(2017, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_bk_tinh = "fail", c_excellent_years = "pass" },
}

case "BK TTg c: no BK tỉnh → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  appraisals = excellent(2017, 2021),
  initiatives = initiatives(2017, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_bk_tinh = "fail" },
}

case "BK TTg c: a thematic BK tỉnh is not a prerequisite for a state award → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2016, kind = "thematic" } },
  appraisals = excellent(2017, 2021),
  initiatives = initiatives(2017, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_bk_tinh = "fail" },
}

case "BK TTg c: 2019 only 'good', the run since 2020 is too short → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2016 } },
  appraisals = { { year = 2017, rating = "excellent" }, { year = 2018, rating = "excellent" },
                 { year = 2019, rating = "good" }, { year = 2020, rating = "excellent" },
                 { year = 2021, rating = "excellent" } },
  initiatives = initiatives(2017, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_excellent_years = "fail" },
}

case "BK TTg c: 4 initiatives in the run → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2016 } },
  appraisals = excellent(2017, 2021),
  initiatives = initiatives(2018, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_initiatives = "fail" },
}

case "BK TTg c: an initiative of the BK tỉnh's own year does not count → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2016 } },
  appraisals = excellent(2016, 2021),
  initiatives = initiatives(2016, 2019),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_excellent_years = "pass", c_initiatives = "fail" },
}

-- Point c's years fall after any previous BK TTg (TT 08/2017): the run
-- and initiatives that founded a BK TTg of 2020 cannot found another in
-- 2021; five years after one of 2016, a new run can.
case "BK TTg c: a BK TTg of 2020, the same run again → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2015 }, { code = "bk_ttg", year = 2020 } },
  appraisals = excellent(2016, 2021),
  initiatives = initiatives(2016, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_bk_tinh = "pass", c_excellent_years = "pass",
               c_after_previous_bk_ttg = "fail" },
}

case "BK TTg c: a BK TTg of 2017, four years after it → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2010 }, { code = "bk_ttg", year = 2017 } },
  appraisals = excellent(2011, 2021),
  initiatives = initiatives(2017, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_after_previous_bk_ttg = "fail" },
}

case "BK TTg c: a BK TTg of 2016, five years after it → eligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2010 }, { code = "bk_ttg", year = 2016 } },
  appraisals = excellent(2011, 2021),
  initiatives = initiatives(2017, 2021),
  facts = facts(),
  expect = "eligible",
  criteria = { c_bk_tinh = "pass", c_after_previous_bk_ttg = "pass",
               c_initiatives = "pass" },
}

case "BK TTg c: initiatives before the previous BK TTg do not count → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2010 }, { code = "bk_ttg", year = 2016 } },
  appraisals = excellent(2011, 2021),
  initiatives = initiatives(2013, 2016),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_after_previous_bk_ttg = "pass", c_initiatives = "fail" },
}

-- At most one State award a year (TT 08/2017).
case "BK TTg c: a HCLĐ hạng Ba of 2021 already held → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2016 }, { code = "hcld3", year = 2021 } },
  appraisals = excellent(2017, 2021),
  initiatives = initiatives(2017, 2021),
  facts = facts(),
  expect = "ineligible",
  criteria = { c_initiatives = "pass", one_state_award_a_year = "fail" },
}

case "BK TTg c: an ad-hoc HCLĐ hạng Ba of 2021 is outside the limit → eligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2016 },
              { code = "hcld3", year = 2021, kind = "ad_hoc" } },
  appraisals = excellent(2017, 2021),
  initiatives = initiatives(2017, 2021),
  facts = facts(),
  expect = "eligible",
  criteria = { one_state_award_a_year = "pass" },
}

case "BK TTg: compliance attested 0 → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2016 } },
  appraisals = excellent(2017, 2021),
  initiatives = initiatives(2017, 2021),
  facts = { { key = "compliance", value = "0", year = Y } },
  expect = "ineligible",
  criteria = { compliance = "fail", c_initiatives = "pass" },
}

-- Point a: a movement of the central council, a ministry or a province,
-- reviewed after 3 years or more (2 years: case D12).
case "BK TTg a: outstanding in a provincial movement reviewed after 3 years → eligible" {
  form = "bk_ttg", year = Y, kind = "thematic", campaign = "Dân vận khéo",
  person = person,
  facts = facts({ { key = "outstanding", value = "1", year = Y },
                  { subject_type = "nomination", subject_id = "CASE", key = "movement_launched_by", value = "province" },
                  { subject_type = "nomination", subject_id = "CASE", key = "movement_years", value = "3" } }),
  expect = "eligible",
  criteria = { a_movement_review = "pass", a_movement_launcher = "pass",
               a_movement_years = "pass", a_outstanding = "pass" },
}

case "BK TTg a: a movement launched by the President is not one of điểm a → ineligible" {
  form = "bk_ttg", year = Y, kind = "thematic",
  person = person,
  facts = facts({ { key = "outstanding", value = "1", year = Y },
                  { subject_type = "nomination", subject_id = "CASE", key = "movement_launched_by", value = "president" },
                  { subject_type = "nomination", subject_id = "CASE", key = "movement_years", value = "5" } }),
  expect = "ineligible",
  criteria = { a_movement_launcher = "fail", a_movement_years = "pass" },
}

case "BK TTg a: at a movement's review, not outstanding → ineligible" {
  form = "bk_ttg", year = Y, kind = "thematic",
  person = person,
  facts = facts({ { key = "outstanding", value = "0", year = Y },
                  { subject_type = "nomination", subject_id = "CASE", key = "movement_launched_by", value = "ministry" },
                  { subject_type = "nomination", subject_id = "CASE", key = "movement_years", value = "4" } }),
  expect = "ineligible",
  criteria = { a_outstanding = "fail" },
}

case "BK TTg a: movement's length not recorded → review" {
  form = "bk_ttg", year = Y, kind = "thematic",
  person = person,
  facts = facts({ { key = "outstanding", value = "1", year = Y },
                  { subject_type = "nomination", subject_id = "CASE", key = "movement_launched_by", value = "ministry" } }),
  expect = "review",
  criteria = { a_movement_years = "unknown" },
}

case "BK TTg b: achievements of provincial influence → eligible" {
  form = "bk_ttg", year = Y,
  person = person,
  facts = { { key = "compliance", value = "1", year = Y },
            { key = "influence_scope", value = "province", year = Y } },
  expect = "eligible",
  criteria = { b_influence = "pass", c_bk_tinh = "fail" },
}

case "BK TTg k2: a worker, clause 2 thresholds not read → review" {
  form = "bk_ttg", year = Y,
  person = { id = "P1", unit_id = "U1", is_leader = 0, category = "worker" },
  facts = facts(),
  expect = "review",
  criteria = { k2_worker_farmer = "pass", k2_thresholds = "unknown", c_bk_tinh = "fail" },
}

do
  local U1 = { id = "U1", name = "Công ty Cà phê Đăk Uy", kind = "enterprise" }
  case "BK TTg k3: a collective, clause 3 thresholds not read → review" {
    form = "bk_ttg", year = Y,
    unit = U1,
    facts = { { key = "compliance", value = "1", year = Y },
              { key = "internal_unity", value = "1", year = Y } },
    expect = "review",
    criteria = { k3_collective = "pass", k3_internal_unity = "pass", k3_thresholds = "unknown",
                 k4_family = "fail" },
  }

  case "BK TTg k3: a Cờ thi đua của Chính phủ of the year already held → ineligible" {
    form = "bk_ttg", year = Y,
    unit = U1,
    honours = { { code = "co_cp", year = Y } },
    facts = { { key = "compliance", value = "1", year = Y },
              { key = "internal_unity", value = "1", year = Y } },
    expect = "ineligible",
    criteria = { k3_internal_unity = "pass", one_state_award_a_year = "fail" },
  }

  case "BK TTg k3: a collective without internal solidarity → ineligible" {
    form = "bk_ttg", year = Y,
    unit = U1,
    facts = { { key = "compliance", value = "1", year = Y },
              { key = "internal_unity", value = "0", year = Y } },
    expect = "ineligible",
    criteria = { k3_internal_unity = "fail" },
  }
end

do
  local H1 = { id = "H1", name = "Gia đình ông Y Blíu", kind = "household" }
  case "BK TTg k4: a family whose contribution is not found large → ineligible" {
    form = "bk_ttg", year = Y,
    unit = H1,
    facts = { { key = "compliance", value = "1", year = Y },
              { key = "outstanding", value = "0", year = Y } },
    expect = "ineligible",
    criteria = { k4_family = "pass", k4_contribution = "fail", k3_collective = "fail" },
  }
end

case "BK TTg: a long-service (cống hiến) nomination, criteria not encoded → review" {
  form = "bk_ttg", year = Y, kind = "dedication",
  person = person,
  facts = facts(),
  expect = "review",
  message = "chưa được mã hóa",  -- the form's `kinds`: not judged, a person decides
}

case "BK TTg: under review → ineligible" {
  form = "bk_ttg", year = Y,
  person = person,
  honours = { { code = "bk_tinh", year = 2016 } },
  appraisals = excellent(2017, 2021),
  initiatives = initiatives(2017, 2021),
  facts = facts({ { key = "under_review", value = "1", year = Y } }),
  expect = "ineligible",
  criteria = { not_under_review = "fail" },
}
