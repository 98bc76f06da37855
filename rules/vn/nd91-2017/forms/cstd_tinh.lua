-- Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương
-- (individual title).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 22 [V];
-- NĐ 91/2017/NĐ-CP, Điều 9 khoản 2 (the initiative recognised by the head of
-- the ministry or province, đoạn 2) [V]; no cumulation: TT 08/2017/TT-BNV
-- (2018–2019), TT 12/2019/TT-BNV equivalent [U] — national-criteria.md §2.3
-- A-CST-1..4 (A-CST-4 is [P]); kontum-notes.md §2.1 CSTDT-1..3.
--
-- The three CSTĐCS are Y-2, Y-1 and Y (kontum-notes CSTDT-1). national-
-- criteria.md allows the third "in or just before" the year; only the run
-- ending at Y is encoded. The CSTĐCS of Y may be judged in the same round,
-- so that year accepts the title held or its standard met.
-- The province-scope initiative is counted within the three years of the run
-- (the texts name no window; this is the reading encoded).

-- API gap (reported): see cstd_cs.lua; holding the title for Y also proves
-- its standard.
local holds_or_meets = lib.holds_or_meets -- shared rule (prelude)

form "cstd_tinh" {
  subject = "person",
  name    = { vi = "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương",
              en = "Ministry/Provincial Emulation Fighter" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 22; NĐ 91/2017/NĐ-CP, Điều 9, khoản 2",
  params  = { initiatives = 1 },   -- NĐ 91 Điều 9 khoản 2

  criterion "cstd_cs_before" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 22; NĐ 91/2017/NĐ-CP, Điều 9, khoản 2",
    status = "V",
    vi = "Đạt danh hiệu Chiến sĩ thi đua cơ sở các năm liền trước (03 lần liên tục)",
    en = "Grassroots Emulation Fighter in the preceding years (3 in a row)",
    check = function(s, n, p)
      local before = p.cstd_cs_streak - 1
      return lib.honours(s, "cstd_cs", n.year - before, n.year - 1, before)
    end,
  },

  criterion "cstd_cs_this_year" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 22; NĐ 91/2017/NĐ-CP, Điều 9, khoản 2",
    status = "V",
    vi = "Đạt danh hiệu Chiến sĩ thi đua cơ sở năm đề nghị (lần thứ ba liên tục)",
    en = "Grassroots Emulation Fighter in the year itself (the third in a row)",
    check = function(s, n, p)
      return holds_or_meets("cstd_cs", s, n, n.year)
    end,
  },

  criterion "outstanding" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 22; NĐ 91/2017/NĐ-CP, Điều 9, khoản 2",
    status = "V",
    vi = "Có thành tích tiêu biểu xuất sắc",
    en = "Outstanding achievements (selected)",
    check = function(s, n, p)
      return lib.fact_true(s, "outstanding", n.year)
    end,
  },

  criterion "province_initiative" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 9, khoản 2",
    status = "V",
    vi = "Sáng kiến, đề tài làm căn cứ xét tặng được người đứng đầu bộ, ban, ngành, "
      .. "tỉnh xem xét, công nhận",
    en = "The initiative or research it rests on is recognised by the head of "
      .. "the ministry or province",
    check = function(s, n, p)
      return lib.initiatives(s, n.year - p.cstd_cs_streak + 1, n.year, "province",
                             p.initiatives,
                             { kinds = { "initiative", "research", "combat" } })
    end,
  },

  criterion "fresh_run" {
    basis  = "TT 08/2017/TT-BNV (2018–2019); TT 12/2019/TT-BNV (từ 2020, điều khoản "
          .. "chưa xác minh)",
    status = "P",
    vi = "Không cộng dồn thành tích đã được khen thưởng: các lần Chiến sĩ thi đua cơ "
      .. "sở tính sau lần được tặng danh hiệu này gần nhất",
    en = "No cumulation: the run of Grassroots titles follows the latest "
      .. "award of this title",
    check = function(s, n, p)
      return lib.after_previous(s, "cstd_tinh", n.year, p.cstd_cs_streak)
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
