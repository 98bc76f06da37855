-- Bằng khen của Thủ tướng Chính phủ (individuals, workers and farmers,
-- collectives, families).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 71 [U number];
-- NĐ 91/2017/NĐ-CP, Điều 38: khoản 1 điểm a, b [V-en] (lawnet EN), điểm c
-- [V] (Bộ Nội vụ answer, baodientu.chinhphu.vn 442848); khoản 2–4 subject
-- groups [P], their thresholds [U] (national-criteria.md §2.11, kontum-notes
-- §2.1 BKTTG-a..c).
--
-- Point c as the Ministry of Home Affairs applies it: a Bằng khen cấp bộ/tỉnh,
-- then 5 or more consecutive excellent years "up to the time of proposal"
-- (one lesser year breaks the run: case D10, Kon Tum case D), with 5
-- initiatives applied at the unit within them (case D11).
-- Thematic (đợt, chuyên đề) Bằng khen do not count as the prerequisite (NĐ 91
-- Điều 3, [P]); ad-hoc (đột xuất) ones do (case D18: an inference, the A text
-- bars only đợt/chuyên đề).
--
-- Encoded as "a person decides" (unknown), because their thresholds were not
-- read: khoản 2 (workers, farmers, labourers) and khoản 3 (collectives).
-- Khoản 4 (families: "đóng góp lớn về công sức, đất đai và tài sản", [P],
-- case D20) has no fact key of its own; the council's attested `outstanding`
-- stands for it.
-- Point c's years and initiatives fall after any previous BK TTg, and the
-- subject holds no other State award of the year (TT 08/2017, [P]:
-- national-criteria.md §4.2 "Next award after a previous one", §4.1).
-- The armed forces' variant of point c: mưu trí counts among the 5
-- initiatives, and a soldier needs 5 Giấy khen within the same years too
-- (A-BKTTG-c3). The Giấy khen are counted as records (several a year may
-- be), thematic ones left out as for the prerequisite.

local NOT_FOR_STATE_AWARDS = { "thematic" }   -- NĐ 91/2017/NĐ-CP, Điều 3

-- Kinds of nomination whose criteria are encoded here.
local ENCODED_KINDS = { merit = true, thematic = true }

local WORKER_FARMER = { worker = true, farmer = true }

-- Launchers of movements named by điểm a.
local A_LAUNCHERS = { central_council = true, ministry = true, province = true }

-- Items both forms share, built fresh for each form.

local function compliance()
  return criterion "compliance" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1",
    status = "V-en",
    vi = "Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
    en = "Exemplary compliance with Party policy and State law",
    check = function(s, n, p)
      return lib.fact_true(s, "compliance", n.year)
    end,
  }
end

local function other_kinds()
  return route "other_kinds" {
    vi = "Loại khen thưởng chưa được mã hóa: cần người xét",
    en = "A kind of commendation not encoded here: a person decides",

    criterion "kind_not_encoded" {
      basis  = "NĐ 91/2017/NĐ-CP, Điều 13",
      status = "V-en",
      vi = "Tiêu chuẩn của loại khen thưởng này (đột xuất, cống hiến, niên hạn, đối "
        .. "ngoại, kháng chiến) chưa được mã hóa",
      en = "The criteria of this kind (ad hoc, dedication, seniority, foreign, "
        .. "resistance) are not encoded",
      check = function(s, n, p)
        return lib.kind_not_encoded(n, ENCODED_KINDS)
      end,
    },
  }
end

-- At most one State award a year (TT 08/2017/TT-BNV, [P];
-- national-criteria.md §4.1): the ad-hoc kinds are outside the limit.
local function one_state_award()
  return criterion "one_state_award_a_year" {
    basis  = "TT 08/2017/TT-BNV",
    status = "P",
    vi = "Mỗi năm không quá một hình thức khen thưởng cấp Nhà nước (trừ khen thưởng "
      .. "đột xuất, cống hiến, niên hạn)",
    en = "At most one State award a year (ad hoc, dedication and seniority "
      .. "awards aside)",
    check = function(s, n, p)
      return lib.one_state_award_a_year(s, n)
    end,
  }
end

local function not_under_review()
  return criterion "not_under_review" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 3; TT 08/2017/TT-BNV; TT 12/2019/TT-BNV",
    status = "P",
    vi = "Không đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra, khiếu nại, tố cáo",
    en = "Not under disciplinary review, investigation, inspection or complaint",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  }
end

---------------------------------------------------------------- individuals

form "bk_ttg" {
  kinds   = { "merit", "thematic" },  -- other kinds: a person decides
  subject = "person",
  name    = { vi = "Bằng khen của Thủ tướng Chính phủ",
              en = "Prime Minister's Certificate of Merit" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 71; NĐ 91/2017/NĐ-CP, Điều 38",
  -- movement_years: điểm a; years, initiatives, giay_khen (armed
  -- forces): điểm c.
  params  = { movement_years = 3, years = 5, initiatives = 5, giay_khen = 5 },

  compliance(),

  routes "point" {
    vi = "Đạt một trong các tiêu chuẩn", en = "Meets one of the standards",

    route "a_movement" {
      vi = "Thành tích xuất sắc được bình xét trong phong trào thi đua do Hội đồng Thi "
        .. "đua - Khen thưởng Trung ương, bộ, ngành, tỉnh phát động khi sơ kết, tổng kết "
        .. "từ 03 năm trở lên",
      en = "Outstanding in a movement of the central council, a ministry or a "
        .. "province, reviewed after 3 years or more",

      criterion "a_movement_review" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1, điểm a",
        status = "V-en",
        vi = "Được bình xét khi sơ kết, tổng kết phong trào thi đua",
        en = "Proposed at the review of an emulation movement",
        check = function(s, n, p)
          return lib.kind_is(n, "thematic")
        end,
      },
      criterion "a_movement_launcher" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1, điểm a",
        status = "V-en",
        vi = "Phong trào do Hội đồng Thi đua - Khen thưởng Trung ương, bộ, ban, ngành, "
          .. "tỉnh phát động",
        en = "Launched by the central council, a ministry or a province",
        check = function(s, n, p)
          return lib.launched_by(n, A_LAUNCHERS)
        end,
      },
      criterion "a_movement_years" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1, điểm a",
        status = "V-en",
        vi = "Sơ kết, tổng kết từ 03 năm trở lên",
        en = "Reviewed after 3 years or more",
        check = function(s, n, p)
          return lib.movement_years_at_least(n, p.movement_years)
        end,
      },
      criterion "a_outstanding" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1, điểm a",
        status = "V-en",
        vi = "Có thành tích xuất sắc trong phong trào thi đua",
        en = "Outstanding achievement in the movement",
        check = function(s, n, p)
          return lib.fact_true(s, "outstanding", n.year)
        end,
      },
    },

    route "b_achievements" {
      vi = "Lập được nhiều thành tích hoặc thành tích lớn có phạm vi ảnh hưởng trong "
        .. "bộ, ban, ngành, tỉnh",
      en = "Many or major achievements with influence at ministry or province scope",

      criterion "b_influence" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1, điểm b",
        status = "V-en",
        vi = "Thành tích có phạm vi ảnh hưởng trong bộ, ban, ngành, tỉnh",
        en = "Achievements with influence at ministry or province scope",
        check = function(s, n, p)
          return lib.influence_at_least(s, n.year, "province")
        end,
      },
    },

    route "c_merit_run" {
      vi = "Đã được tặng Bằng khen cấp bộ, tỉnh, 05 năm tiếp theo trở lên liên tục hoàn "
        .. "thành xuất sắc nhiệm vụ, trong thời gian đó có 05 sáng kiến",
      en = "A ministry/provincial Certificate of Merit, then 5+ consecutive "
        .. "excellent years with 5 initiatives",

      criterion "c_bk_tinh" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1, điểm c",
        status = "V",
        vi = "Đã được tặng Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương (không "
          .. "tính khen thưởng theo đợt, chuyên đề) trước thời gian tính thành tích",
        en = "Holds a ministry/provincial Certificate of Merit (not thematic) "
          .. "before the run",
        check = function(s, n, p)
          return lib.years_since(s, "bk_tinh", n.year, p.years,
            { exclude_kinds = NOT_FOR_STATE_AWARDS },
            tr("Chưa được tặng Bằng khen cấp bộ, tỉnh (không tính theo đợt, chuyên đề)",
               "No ministry/provincial Certificate of Merit yet (thematic ones aside)"))
        end,
      },
      criterion "c_excellent_years" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1, điểm c",
        status = "V",
        vi = "05 năm trở lên liên tục hoàn thành xuất sắc nhiệm vụ đến thời điểm đề nghị",
        en = "Five or more consecutive excellent years up to the proposal",
        check = function(s, n, p)
          return lib.consecutive(s, "excellent", n.year, p.years)
        end,
      },
      criterion "c_after_previous_bk_ttg" {
        basis  = "TT 08/2017/TT-BNV",
        status = "P",
        vi = "Các năm được tính sau thời gian đạt thành tích của Bằng khen của Thủ tướng "
          .. "Chính phủ lần trước",
        en = "The years fall after any previous Prime Minister's Certificate of Merit",
        check = function(s, n, p)
          return lib.after_previous(s, "bk_ttg", n.year, p.years,
            { exclude_kinds = NOT_FOR_STATE_AWARDS })
        end,
      },
      criterion "c_initiatives" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1, điểm c",
        status = "V",
        vi = "Trong thời gian đó có 05 sáng kiến được công nhận và áp dụng hiệu quả trong "
          .. "phạm vi cơ sở (hoặc mưu trí trong chiến đấu)",
        en = "Within those years, 5 initiatives recognised and applied at the unit "
          .. "(or combat ingenuity)",
        check = function(s, n, p)
          -- the window: the run of excellent years, after the BK tỉnh and
          -- after any previous BK TTg
          local from = lib.run_from(s, "excellent", n.year, p.years,
                                    { "bk_tinh", "bk_ttg" },
                                    { exclude_kinds = NOT_FOR_STATE_AWARDS })
          return lib.initiatives(s, from, n.year, "unit", p.initiatives,
                                 { kinds = { "initiative", "combat" }, applied = true })
        end,
      },
      criterion "c_giay_khen_armed_forces" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 1, điểm c",
        status = "V",
        vi = "Lực lượng vũ trang: trong thời gian đó có thêm 05 Giấy khen",
        en = "Armed forces: 5 Certificates of Commendation within those years too",
        check = function(s, n, p)
          if s.category ~= "soldier" then
            return pass(tr("không thuộc lực lượng vũ trang", "not armed forces"))
          end
          local from = lib.run_from(s, "excellent", n.year, p.years,
                                    { "bk_tinh", "bk_ttg" },
                                    { exclude_kinds = NOT_FOR_STATE_AWARDS })
          local got, years = s:honours{ code = "giay_khen", from = from, to = n.year,
                                        exclude_kinds = NOT_FOR_STATE_AWARDS }
          local shown = got .. " × giay_khen" .. (got > 0 and (" (" .. years .. ")") or "")
          if got >= p.giay_khen then
            return pass(shown)
          end
          return fail(shown .. tr(", cần ", ", needs ") .. p.giay_khen)
        end,
      },
    },

    route "k2_workers_farmers" {
      vi = "Công nhân, nông dân, người lao động (khoản 2)",
      en = "Workers, farmers and labourers (clause 2)",

      criterion "k2_worker_farmer" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 2",
        status = "P",
        vi = "Đối tượng là công nhân, nông dân, người lao động",
        en = "The subject is a worker, farmer or labourer",
        check = function(s, n, p)
          if WORKER_FARMER[s.category] then
            return pass(tr("Nhóm: ", "Group: ") .. lib.name("category", s.category))
          end
          return fail(tr("Nhóm: ", "Group: ") .. lib.name("category", s.category))
        end,
      },
      criterion "k2_thresholds" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 2",
        status = "U",
        vi = "Tiêu chuẩn của khoản 2 (chưa đọc được văn bản): cần người xét",
        en = "The standard of clause 2 (text not read): a person decides",
        check = function(s, n, p)
          return unknown(tr("Tiêu chuẩn khoản 2 Điều 38 NĐ 91/2017 chưa được xác minh",
                            "The standard of NĐ 91/2017 Điều 38 khoản 2 is not verified"))
        end,
      },
    },

    other_kinds(),
  },

  one_state_award(),
  not_under_review(),
}

------------------------------------------------- collectives and families

form "bk_ttg" {
  kinds   = { "merit", "thematic" },  -- other kinds: a person decides
  subject = "unit",
  name    = { vi = "Bằng khen của Thủ tướng Chính phủ",
              en = "Prime Minister's Certificate of Merit" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 71; NĐ 91/2017/NĐ-CP, Điều 38",

  compliance(),

  routes "point" {
    vi = "Đạt tiêu chuẩn của tập thể hoặc gia đình",
    en = "Meets the standard for collectives or families",

    route "k3_collectives" {
      vi = "Tập thể (khoản 3)", en = "Collectives (clause 3)",

      criterion "k3_collective" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 3",
        status = "P",
        vi = "Đối tượng là tập thể",
        en = "The subject is a collective",
        check = function(s, n, p)
          if s.kind == "household" then
            return fail(tr("Gia đình, không phải tập thể", "A family, not a collective"))
          end
          return pass(tr("Tập thể: ", "Collective: ") .. lib.name("unit_kind", s.kind))
        end,
      },
      criterion "k3_internal_unity" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 3",
        status = "P",
        vi = "Nội bộ đoàn kết",
        en = "Internal solidarity",
        check = function(s, n, p)
          return lib.fact_true(s, "internal_unity", n.year)
        end,
      },
      criterion "k3_thresholds" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 3",
        status = "U",
        vi = "Tiêu chuẩn thành tích của khoản 3 (chưa đọc được văn bản): cần người xét",
        en = "The achievement thresholds of clause 3 (text not read): a person decides",
        check = function(s, n, p)
          return unknown(tr("Tiêu chuẩn khoản 3 Điều 38 NĐ 91/2017 chưa được xác minh",
                            "The standard of NĐ 91/2017 Điều 38 khoản 3 is not verified"))
        end,
      },
    },

    route "k4_families" {
      vi = "Gia đình có đóng góp lớn về công sức, đất đai và tài sản (khoản 4)",
      en = "Families with large contributions of effort, land and property (clause 4)",

      criterion "k4_family" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 4",
        status = "P",
        vi = "Đối tượng là gia đình",
        en = "The subject is a family (household)",
        check = function(s, n, p)
          if s.kind == "household" then
            return pass(tr("Gia đình", "Family"))
          end
          return fail(tr("Tập thể, không phải gia đình", "A collective, not a family"))
        end,
      },
      criterion "k4_contribution" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 38, khoản 4",
        status = "P",
        vi = "Có đóng góp lớn về công sức, đất đai và tài sản cho sự nghiệp xây dựng và "
          .. "bảo vệ Tổ quốc",
        en = "Large contributions of effort, land and property",
        check = function(s, n, p)
          return lib.fact_true(s, "outstanding", n.year)
        end,
      },
    },

    other_kinds(),
  },

  one_state_award(),
  not_under_review(),
}
