-- Cờ thi đua của Chính phủ (collective, state-level title).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 25 khoản 1–3 [V];
-- NĐ 91/2017/NĐ-CP, Điều 11 khoản 1–3 [V] (the pools a proposed collective
-- must come from, and the 20% cap of khoản 1).
-- national-criteria.md §2.8 A-COCP-1..4; kontum-notes.md §2.1 (Cờ CP).
--
-- Case D16: regime A does not ask that the party organisation be "trong
-- sạch, vững mạnh" (Luật 2003 Điều 25 does not mention it), so no criterion
-- reads `party_org_clean`.
-- Case D17: khoản 3 names movements launched by the State President or the
-- Prime Minister.
-- At most one State award a year for the collective (TT 08/2017, [P],
-- national-criteria.md §4.1).
--
-- Not encoded:
--  * NĐ 91 Điều 11 khoản 2 (a ministry or province leading a khối/cụm of the
--    central council): no record or fact says which bloc is a central one;
--  * CV 5007/BNV-TĐKT (2023, [P]): ≤ 20% of the khối/cụm leaders;
--  * the 20% cap belongs to the khoản 1 pool only, but a quota judges every
--    eligible nomination of the form (API gap: a quota limited to a route).

local NOT_FOR_STATE_AWARDS = { "thematic" }   -- NĐ 91/2017/NĐ-CP, Điều 3

-- API gap (reported): see cstd_cs.lua; holding the title for Y also proves
-- its standard. Thematic flags do not count toward a state-level award.
local holds_or_meets = lib.holds_or_meets -- shared rule (prelude)

local HEAD_OF_STATE_OR_GOVERNMENT = { president = true, prime_minister = true }

form "co_cp" {
  subject = "unit",
  name    = { vi = "Cờ thi đua của Chính phủ", en = "Government Emulation Flag" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 25; NĐ 91/2017/NĐ-CP, Điều 11",
  -- quota_pct: NĐ 91 Điều 11 khoản 1; movement_years: khoản 3.
  params  = { quota_pct = 20, movement_years = 5 },

  criterion "exceeded_targets" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 25, khoản 1",
    status = "V",
    vi = "Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao trong năm; "
      .. "là tập thể tiêu biểu xuất sắc",
    en = "Exceeded the year's emulation targets and tasks",
    check = function(s, n, p)
      return lib.fact_true(s, "exceeded_targets", n.year)
    end,
  },

  criterion "outstanding" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 25, khoản 2",
    status = "V",
    vi = "Là tập thể tiêu biểu xuất sắc nhất trong phong trào thi đua của cấp bộ, "
      .. "ngành, tỉnh, đoàn thể trung ương",
    en = "The most outstanding collective in the emulation movement of the "
      .. "ministry or province",
    check = function(s, n, p)
      return lib.fact_true(s, "outstanding", n.year)
    end,
  },

  criterion "internal_unity" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 25, khoản 3",
    status = "V",
    vi = "Nội bộ đoàn kết",
    en = "Internal solidarity",
    check = function(s, n, p)
      return lib.fact_true(s, "internal_unity", n.year)
    end,
  },

  criterion "thrift" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 25, khoản 3",
    status = "V",
    vi = "Đi đầu trong việc thực hành tiết kiệm, chống lãng phí, chống tham nhũng",
    en = "Leads in thrift, fighting waste and corruption",
    check = function(s, n, p)
      return lib.fact_true(s, "thrift", n.year)
    end,
  },

  routes "pool" {
    vi = "Thuộc một trong các trường hợp được đề nghị (Điều 11 NĐ 91/2017/NĐ-CP)",
    en = "Comes from one of the pools of Decree 91 Article 11",

    route "flag_standard" {
      vi = "Tiêu biểu xuất sắc trong số các tập thể đạt tiêu chuẩn Cờ thi đua cấp bộ, tỉnh",
      en = "Leading among the collectives meeting the provincial flag standard",

      criterion "co_tinh_standard" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 11, khoản 1",
        status = "V",
        vi = "Đạt tiêu chuẩn Cờ thi đua cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương",
        en = "Meets the Ministry/Provincial Emulation Flag standard",
        check = function(s, n, p)
          return holds_or_meets("co_tinh", s, n, n.year, NOT_FOR_STATE_AWARDS)
        end,
      },
    },

    route "thematic_movement" {
      vi = "Tiêu biểu xuất sắc nhất trong phong trào thi đua theo chuyên đề do Chủ tịch "
        .. "nước hoặc Thủ tướng Chính phủ phát động, sơ kết, tổng kết từ 05 năm trở lên",
      en = "Most outstanding in a thematic movement launched by the President or "
        .. "the Prime Minister, reviewed after 5 years or more",

      criterion "movement_review" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 11, khoản 3",
        status = "V",
        vi = "Được đề nghị khi sơ kết, tổng kết phong trào thi đua theo chuyên đề",
        en = "Proposed at the review of a thematic movement",
        check = function(s, n, p)
          return lib.kind_is(n, "thematic")
        end,
      },
      criterion "movement_launcher" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 11, khoản 3",
        status = "V",
        vi = "Phong trào do Chủ tịch nước hoặc Thủ tướng Chính phủ phát động",
        en = "Launched by the State President or the Prime Minister",
        check = function(s, n, p)
          return lib.launched_by(n, HEAD_OF_STATE_OR_GOVERNMENT)
        end,
      },
      criterion "movement_years" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 11, khoản 3",
        status = "V",
        vi = "Sơ kết, tổng kết từ 05 năm trở lên",
        en = "Reviewed after 5 years or more",
        check = function(s, n, p)
          return lib.movement_years_at_least(n, p.movement_years)
        end,
      },
    },
  },

  criterion "one_state_award_a_year" {
    basis  = "TT 08/2017/TT-BNV",
    status = "P",
    vi = "Mỗi năm không quá một hình thức khen thưởng cấp Nhà nước (trừ khen thưởng "
      .. "đột xuất, cống hiến, niên hạn)",
    en = "At most one State award a year (ad hoc, dedication and seniority "
      .. "awards aside)",
    check = function(s, n, p)
      return lib.one_state_award_a_year(s, n)
    end,
  },

  criterion "not_under_review" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 3; TT 08/2017/TT-BNV; TT 12/2019/TT-BNV",
    status = "P",
    vi = "Không đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra, khiếu nại, tố cáo",
    en = "Not under disciplinary review, investigation, inspection or complaint",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  },

  quota {
    id     = "quota_flag_share",
    basis  = "NĐ 91/2017/NĐ-CP, Điều 11, khoản 1",
    status = "V",
    vi = "Không quá 20% tổng số tập thể đạt tiêu chuẩn Cờ thi đua cấp bộ, ban, ngành, tỉnh",
    en = "At most 20% of the collectives meeting the provincial flag standard",
    base = "co_tinh", rate = "quota_pct", per = "all",
  },
}
