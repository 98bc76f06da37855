-- Bằng khen của Thủ tướng Chính phủ (cá nhân; tập thể, hộ gia đình), regime
-- B: two forms, one per kind of subject.
--
-- Luật Thi đua, khen thưởng 2022, Điều 73:
--   khoản 1 [V]: an individual who "chấp hành tốt chủ trương, chính sách
--     của Đảng, pháp luật của Nhà nước" and meets one of:
--     a) "Có thành tích xuất sắc tiêu biểu, được bình xét trong phong trào
--        thi đua" (no duration in the text read: case D12);
--     b) "Đã được tặng bằng khen của Bộ, ban, ngành, tỉnh … và có liên tục
--        từ 05 năm trở lên đến thời điểm đề nghị được công nhận hoàn thành
--        tốt nhiệm vụ trở lên, trong thời gian đó có 03 lần được tặng danh
--        hiệu Chiến sĩ thi đua cơ sở" (the three need not be consecutive;
--        no sáng kiến is required: cases D9, D10, D11);
--     c) "Lập được nhiều thành tích hoặc thành tích đột xuất, có phạm vi ảnh
--        hưởng trong Bộ, ban, ngành, tỉnh hoặc được giải thưởng…" (cut off).
--   khoản 2 [V, cut off]: công nhân, nông dân, người lao động, one of: the
--     movement route (= a), the Bằng khen route (= b), contributions to
--     socio-economic development, social work or charity, many or ad-hoc
--     achievements in a sector (≈ c), a worker's sáng kiến with district
--     influence and training of colleagues, a farmer's production model
--     effective and stable for 02 years or more, … . Routes a–c are open to
--     everyone here, so only the routes proper to khoản 2 are added.
--   khoản 3 onward (collectives, households): not read [U], nor where
--     those clauses end. The second form, for units, judges only the bar
--     of NĐ 98 Điều 4 and the kinds, and sends every other nomination to
--     review (criterion unit_standard, [U]).
-- NĐ 98/2023/NĐ-CP:
--   Điều 4 [V]: no award while a review is pending; a Bằng khen or a CSTĐCS
--     awarded for an ad-hoc feat or in a thematic round is no basis for
--     this merit award (case D18); achievements count only from the end of
--     a disciplinary period (clause U; case D19).
--   Điều 30, khoản 9 [V]: the five years start after the achievement period
--     of the previous decision (the Bằng khen tỉnh, or a previous BK TTg).
--   Điều 31 [V-en]: enterprises need the province's opinion (documents).
--
-- Facts read: compliance, outstanding, influence_scope, productive
-- (person); movement_launched_by (nomination). NEW (not yet in
-- vocabulary.md): major_contribution (person, 1/0); trained_colleagues
-- (person, 1/0); the value `district` of influence_scope.
-- ASSUMPTION: the worker's sáng kiến is looked for in the last
-- `worker_window_years` years (the text read is cut off before any span).
-- Not encoded: at most one State award a year, which regime A encodes
-- (TT 08/2017, [P]); no such rule was read for NĐ 98 (national-criteria.md
-- §4.1: [U]).

local PREREQ = { exclude_kinds = { "thematic", "ad_hoc" } }  -- NĐ 98 Điều 4

local ENCODED = { merit = true, thematic = true, ad_hoc = true }
local WIDE = { province = true, national = true }
local DISTRICT_OR_WIDER = { district = true, province = true, national = true }
-- khoản 2 subjects: công nhân, nông dân, người lao động (people.csv category)
local K2 = { worker = true, farmer = true, direct_worker = true }
local WORKERS = { worker = true, direct_worker = true }

-- NĐ 98 Điều 4: a window of `years` years ending at y may not reach back
-- before the end of a disciplinary period.
local after_discipline = lib.window_after_discipline -- shared rule (prelude)

-- The criteria both forms share (persons, units), built fresh for each form
-- so that an amendment of one leaves the other alone.
local function not_under_review()
  return criterion "not_under_review" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
    status = "V",
    vi = "Không trong thời gian đang bị xem xét kỷ luật, điều tra, thanh tra, "
      .. "kiểm tra hoặc có khiếu nại, tố cáo đang được xác minh",
    en = "No disciplinary review, investigation, inspection or complaint "
      .. "pending",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  }
end

local function kind_encoded()
  return criterion "kind_encoded" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 8",
    status = "V-en",
    vi = "Loại hình khen thưởng có tiêu chí được mã hóa (theo công trạng, "
      .. "theo phong trào thi đua, đột xuất)",
    en = "A kind of commendation whose criteria are encoded (merit, "
      .. "movement, ad hoc)",
    check = function(s, n, p)
      return lib.kind_encoded(n, ENCODED)
    end,
  }
end

---------------------------------------------------------------- individuals

form "bk_ttg" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "person",
  name    = { vi = "Bằng khen của Thủ tướng Chính phủ",
              en = "Prime Minister's Certificate of Merit" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 73",
  params  = {
    -- khoản 1 điểm b [V]: at least 05 consecutive years good or better up
    -- to the proposal, with 03 CSTĐCS titles in that time
    good_years = 5,
    cstd_cs_times = 3,
    -- khoản 2 [V, cut off]: a farmer's production model effective and
    -- stable for at least 02 years; a worker's sáng kiến
    model_years = 2,
    worker_initiatives = 1,
    -- ASSUMPTION, not in the text read: the years in which the worker's
    -- sáng kiến may fall (the span of khoản 1 điểm b)
    worker_window_years = 5,
  },

  not_under_review(),
  kind_encoded(),

  criterion "compliance" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 1",
    status = "V",
    vi = "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà "
      .. "nước",
    en = "Complies well with Party policy and State law",
    check = function(s, n, p)
      return lib.fact_true(s, "compliance", n.year)
    end,
  },

  routes "standard" {
    vi = "Đạt một trong các tiêu chuẩn của Điều 73",
    en = "One of the standards of Article 73",

    route "k1_a" {
      vi = "Thành tích xuất sắc tiêu biểu trong phong trào thi đua",
      en = "Outstanding in an emulation movement",
      criterion "a_movement" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 1, điểm a",
        status = "V",
        vi = "Được bình xét trong phong trào thi đua",
        en = "Assessed in an emulation movement",
        check = function(s, n, p)
          local by = n:fact("movement_launched_by")
          if by then
            return pass(tr("phong trào phát động bởi ",
                "movement launched by ") .. lib.name("launcher", by))
          end
          if n.campaign then
            return pass(tr("phong trào ",
                "movement ") .. n.campaign)
          end
          return fail(tr("không có phong trào thi đua", "no movement recorded"))
        end,
      },
      criterion "a_outstanding" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 1, điểm a",
        status = "V",
        vi = "Có thành tích xuất sắc tiêu biểu",
        en = "Outstanding, exemplary achievement",
        check = function(s, n, p)
          return lib.fact_true(s, "outstanding", n.year)
        end,
      },
    },

    route "k1_b" {
      vi = "Bằng khen cấp tỉnh, 05 năm hoàn thành tốt nhiệm vụ trở lên và "
        .. "03 lần Chiến sĩ thi đua cơ sở",
      en = "Provincial Certificate, five good years and three Grassroots Emulation Fighter titles",
      criterion "b_bk_tinh" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 1, điểm b",
        status = "V",
        vi = "Đã được tặng Bằng khen của bộ, ban, ngành, tỉnh (không tính khen "
          .. "thưởng theo chuyên đề, đột xuất)",
        en = "Holds a ministerial or provincial Certificate of Merit (not a "
          .. "thematic or ad-hoc one)",
        check = function(s, n, p)
          return lib.holds_prerequisite(s, "bk_tinh", n.year, PREREQ)
        end,
      },
      criterion "b_five_years_good" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 1, điểm b",
        status = "V",
        vi = "Có liên tục từ 05 năm trở lên đến thời điểm đề nghị được công "
          .. "nhận hoàn thành tốt nhiệm vụ trở lên",
        en = "Rated good or better for five or more consecutive years up to "
          .. "the year",
        check = function(s, n, p)
          return lib.consecutive(s, "good", n.year, p.good_years)
        end,
      },
      criterion "b_after_bk_tinh" {
        basis  = "NĐ 98/2023/NĐ-CP, Điều 30, khoản 9",
        status = "V",
        vi = "Các năm được tính sau thời gian đạt thành tích của Bằng khen "
          .. "cấp tỉnh",
        en = "The five years fall after the provincial Certificate",
        check = function(s, n, p)
          return lib.years_since(s, "bk_tinh", n.year, p.good_years, PREREQ)
        end,
      },
      criterion "b_after_previous_bk_ttg" {
        basis  = "NĐ 98/2023/NĐ-CP, Điều 30, khoản 9",
        status = "V",
        vi = "Các năm được tính sau thời gian đạt thành tích của Bằng khen "
          .. "của Thủ tướng Chính phủ lần trước (nếu có)",
        en = "The five years fall after any previous Prime Minister's "
          .. "Certificate",
        check = function(s, n, p)
          return lib.after_previous(s, "bk_ttg", n.year, p.good_years, PREREQ)
        end,
      },
      criterion "b_after_discipline" {
        basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
        status = "V",
        vi = "Thành tích chỉ được tính từ khi hết thời hạn kỷ luật",
        en = "Achievements count only from the end of a disciplinary period",
        check = function(s, n, p)
          return after_discipline(s, n.year, p.good_years)
        end,
      },
      criterion "b_three_cstd_cs" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 1, điểm b",
        status = "V",
        vi = "Trong thời gian đó có 03 lần được tặng danh hiệu Chiến sĩ thi "
          .. "đua cơ sở (không tính khen thưởng theo chuyên đề, đột xuất)",
        en = "Three Grassroots Emulation Fighter titles in those years",
        check = function(s, n, p)
          return lib.titles_in_good_run(s, "cstd_cs", n.year, p.cstd_cs_times,
            { "bk_tinh", "bk_ttg" }, PREREQ)
        end,
      },
    },

    route "k1_c" {
      vi = "Nhiều thành tích hoặc thành tích đột xuất có phạm vi ảnh hưởng",
      en = "Achievements with ministry or province influence",
      criterion "c_influence" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 1, điểm c",
        status = "V",
        vi = "Lập được nhiều thành tích hoặc thành tích đột xuất, có phạm vi "
          .. "ảnh hưởng trong bộ, ban, ngành, tỉnh",
        en = "Many or ad-hoc achievements with ministry or province influence",
        check = function(s, n, p)
          return lib.fact_in(s, "influence_scope", n.year, WIDE)
        end,
      },
    },

    route "k2_contributor" {
      vi = "Công nhân, nông dân, người lao động có nhiều đóng góp",
      en = "A worker or farmer with large contributions",
      criterion "k2_contribution_subject" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 2",
        status = "V",
        vi = "Là công nhân, nông dân, người lao động",
        en = "A worker, farmer or labourer",
        check = function(s, n, p)
          return lib.category_in(s, K2)
        end,
      },
      criterion "k2_contribution" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 2",
        status = "V",
        vi = "Có nhiều đóng góp trong phát triển kinh tế - xã hội, công tác "
          .. "xã hội, từ thiện",
        en = "Large contributions to socio-economic development, social work "
          .. "or charity",
        check = function(s, n, p)
          return lib.fact_true(s, "major_contribution", n.year)
        end,
      },
    },

    route "k2_worker" {
      vi = "Công nhân có sáng kiến có phạm vi ảnh hưởng cấp huyện",
      en = "A worker's initiative with district influence",
      criterion "k2_worker_subject" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 2",
        status = "V",
        vi = "Là công nhân, người trực tiếp lao động",
        en = "A worker",
        check = function(s, n, p)
          return lib.category_in(s, WORKERS)
        end,
      },
      criterion "k2_worker_initiative" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 2",
        status = "V",
        vi = "Có sáng kiến được công nhận, áp dụng có hiệu quả",
        en = "A recognised initiative applied effectively",
        check = function(s, n, p)
          return lib.initiatives(s, n.year - p.worker_window_years + 1, n.year,
            "unit", p.worker_initiatives,
            { kinds = { "initiative" }, applied = true })
        end,
      },
      criterion "k2_district_influence" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 2",
        status = "V",
        vi = "Có phạm vi ảnh hưởng từ cấp huyện trở lên",
        en = "Influence at district level or wider",
        check = function(s, n, p)
          return lib.fact_in(s, "influence_scope", n.year, DISTRICT_OR_WIDER)
        end,
      },
      criterion "k2_trains_colleagues" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 2",
        status = "V",
        vi = "Tích cực đào tạo, bồi dưỡng, hướng dẫn đồng nghiệp",
        en = "Trains and guides colleagues",
        check = function(s, n, p)
          return lib.fact_true(s, "trained_colleagues", n.year)
        end,
      },
    },

    route "k2_farmer" {
      vi = "Nông dân có mô hình sản xuất hiệu quả, ổn định",
      en = "A farmer's effective and stable production model",
      criterion "k2_farmer_subject" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 2",
        status = "V",
        vi = "Là nông dân",
        en = "A farmer",
        check = function(s, n, p)
          return lib.category_in(s, { farmer = true })
        end,
      },
      criterion "k2_model_years" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 2",
        status = "V",
        vi = "Có mô hình sản xuất, kinh doanh hiệu quả, ổn định từ 02 năm trở "
          .. "lên",
        en = "A production model effective and stable for two or more years",
        check = function(s, n, p)
          -- each year of the span attested `productive`; a missing year is
          -- a judgement nobody made. (API gap: lib.fact_true over years.)
          local seen, missing = {}, false
          for y = n.year - p.model_years + 1, n.year do
            local v = s:fact("productive", y)
            seen[#seen + 1] = y .. ": " .. tostring(v)
            if v == nil then
              missing = true
            elseif v ~= 1 then
              return fail(table.concat(seen, ", "))
            end
          end
          if missing then return unknown(table.concat(seen, ", ")) end
          return pass(table.concat(seen, ", "))
        end,
      },
    },
  },
}

------------------------------------------------- collectives and households

-- Điều 73 from khoản 3 (B-BKTTG-coll [U]): not read; where those clauses
-- end and which is whose were not read either. A household is a unit of
-- kind `household` (Luật 2022 Điều 2 [V-en]). Only the bar of NĐ 98
-- Điều 4 and the kinds are judged; every nomination not barred goes to
-- review until the text is read.
form "bk_ttg" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "unit",
  name    = { vi = "Bằng khen của Thủ tướng Chính phủ",
              en = "Prime Minister's Certificate of Merit" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 3 trở đi",

  not_under_review(),
  kind_encoded(),

  criterion "unit_standard" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 73, khoản 3 trở đi "
          .. "(số khoản chưa đọc được)",
    status = "U",
    vi = "Đạt tiêu chuẩn Bằng khen của Thủ tướng Chính phủ đối với tập thể, "
      .. "hộ gia đình (từ khoản 3 Điều 73, chưa đọc được)",
    en = "Meets the standard for collectives and households (Article 73 "
      .. "from clause 3, not read)",
    check = function(s, n, p)
      local who = s.kind == "household" and tr("hộ gia đình", "household")
        or tr("tập thể", "collective")
      return unknown(who .. tr(": tiêu chuẩn từ khoản 3 Điều 73 chưa đọc "
        .. "được; cần người xét", ": the standard of Article 73 from clause "
        .. "3 was not read; a person decides"))
    end,
  },
}
