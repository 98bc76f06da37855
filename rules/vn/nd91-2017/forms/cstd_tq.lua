-- Chiến sĩ thi đua toàn quốc (individual, state-level title).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 21; NĐ 91/2017/NĐ-CP, Điều 9
-- khoản 1 [P] (national-criteria.md §2.4 A-CSTQ-1); the national-scope
-- initiative [U] (A-CSTQ-2: the wording of NĐ 65/2014, not read for NĐ 91).
--
-- "Hai lần liên tục" CSTĐ cấp tỉnh: each CSTĐ cấp tỉnh rests on a fresh run
-- of CSTĐCS titles (cstd_tinh.lua), so two titles in a row are one run apart:
-- the second for the year proposed, the first exactly `cstd_cs_streak` years
-- earlier. The national-scope initiative is counted over those runs.
--
-- Thematic (đợt, chuyên đề) honours do not count toward state-level awards
-- (NĐ 91 Điều 3, [P]). The runs fall after any previous CSTĐ toàn quốc, and
-- the subject holds no other State award of the year (TT 08/2017, [P]:
-- national-criteria.md §4.2 "Next award after a previous one", §4.1).
--
-- Not encoded: the timing rule (A-CSTQ-3, NĐ 91 Điều 48 khoản 1 điểm a [V]:
-- proposed in the year after the decision on the second CSTĐ cấp tỉnh, filed
-- by 31/10) — scripts cannot read an honour's decision date (API gap).

local NOT_FOR_STATE_AWARDS = { "thematic" }   -- NĐ 91/2017/NĐ-CP, Điều 3

form "cstd_tq" {
  subject = "person",
  name    = { vi = "Chiến sĩ thi đua toàn quốc", en = "National Emulation Fighter" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 21; NĐ 91/2017/NĐ-CP, Điều 9, khoản 1",
  -- cstd_tinh_times: "hai lần liên tục" (Luật Điều 21); initiatives: NĐ 91
  -- Điều 9 khoản 1.
  params  = { cstd_tinh_times = 2, initiatives = 1 },

  criterion "cstd_tinh_latest" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 21; NĐ 91/2017/NĐ-CP, Điều 9, khoản 1",
    status = "P",
    vi = "Được tặng danh hiệu Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh năm đề nghị "
      .. "(lần thứ hai liên tục)",
    en = "Holds the Ministry/Provincial Emulation Fighter title of the year "
      .. "(the second in a row)",
    check = function(s, n, p)
      return lib.honours(s, "cstd_tinh", n.year, n.year, 1,
                         { exclude_kinds = NOT_FOR_STATE_AWARDS })
    end,
  },

  criterion "cstd_tinh_previous" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 21; NĐ 91/2017/NĐ-CP, Điều 9, khoản 1",
    status = "P",
    vi = "Lần Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh liền trước nối tiếp liên tục",
    en = "The previous Ministry/Provincial Emulation Fighter title directly "
      .. "precedes it",
    check = function(s, n, p)
      local earlier = p.cstd_tinh_times - 1
      local first = n.year - earlier * p.cstd_cs_streak
      return lib.honours(s, "cstd_tinh", first, first, 1,
                         { exclude_kinds = NOT_FOR_STATE_AWARDS })
    end,
  },

  criterion "most_outstanding" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 21; NĐ 91/2017/NĐ-CP, Điều 9, khoản 1",
    status = "P",
    vi = "Có thành tích tiêu biểu xuất sắc nhất",
    en = "The most outstanding achievements (selected)",
    check = function(s, n, p)
      return lib.fact_true(s, "outstanding", n.year)
    end,
  },

  criterion "national_initiative" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 9, khoản 1",
    status = "U",
    vi = "Sáng kiến, đề tài đạt hiệu quả cao và có phạm vi ảnh hưởng trong toàn quốc",
    en = "An initiative or research of high effect with nationwide influence",
    check = function(s, n, p)
      local from = n.year - p.cstd_tinh_times * p.cstd_cs_streak + 1
      return lib.initiatives(s, from, n.year, "national", p.initiatives,
                             { kinds = { "initiative", "research", "combat" },
                               applied = true })
    end,
  },

  criterion "after_previous_title" {
    basis  = "TT 08/2017/TT-BNV",
    status = "P",
    vi = "Thành tích được tính sau thời gian đã được tặng danh hiệu Chiến sĩ thi đua "
      .. "toàn quốc lần trước",
    en = "The runs fall after any previous National Emulation Fighter title",
    check = function(s, n, p)
      return lib.after_previous(s, "cstd_tq", n.year,
        p.cstd_tinh_times * p.cstd_cs_streak, { exclude_kinds = NOT_FOR_STATE_AWARDS })
    end,
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
}
