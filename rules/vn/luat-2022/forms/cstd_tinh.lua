-- Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh (cá nhân), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 22 (article number inferred from the
-- 21/22/23/24 order: U; content read in press summaries: P):
--   khoản 1: "Có thành tích xuất sắc tiêu biểu được lựa chọn trong số những
--            cá nhân có 03 lần liên tục được tặng danh hiệu Chiến sĩ thi đua
--            cơ sở" [P];
--   khoản 2: and one of: a sáng kiến "đã được áp dụng hiệu quả và có khả
--            năng nhân rộng trong Bộ, ban, ngành, tỉnh"; a đề tài, đề án,
--            công trình KH&CN "đã được nghiệm thu và áp dụng hiệu quả, có
--            phạm vi ảnh hưởng trong Bộ, ban, ngành, tỉnh"; or mưu trí with
--            that scope [P]. The head of the ministry or province recognises
--            the effect and scope (clause U) [P]: a record of scope
--            `province` or above stands for that recognition.
-- NĐ 98/2023/NĐ-CP:
--   Điều 4 [V]: no award while a review is pending; thematic and ad-hoc
--     results are never the basis of a merit award; achievements count only
--     from the end of a disciplinary period (clause U).
--   Điều 30, khoản 9 [V]: a next award counts from after the achievement
--     period of the previous one (here: the previous CSTĐ tỉnh).
--
-- Readings to check against the text:
--   - The 03 CSTĐCS titles are taken as the three years ending at the
--     nomination year. The years before count as titles conferred; the
--     year itself as conferred or meeting this set's cstd_cs form
--     (lib.holds_or_meets), since an annual round judges the CSTĐCS of the
--     year and this title together (as regime A does).
--   - The sáng kiến / đề tài is taken from those same three years.
--   - The CSTĐCS that form the run must not be thematic or ad hoc honours;
--     a thematic or ad-hoc CSTĐCS of the year itself is not "held", so the
--     year's merit standard must then be met.

local PREREQ = { exclude_kinds = { "thematic", "ad_hoc" } }  -- NĐ 98 Điều 4

-- NĐ 98 Điều 4: a window of `years` years ending at y may not reach back
-- before the end of a disciplinary period.
local after_discipline = lib.window_after_discipline -- shared rule (prelude)

form "cstd_tinh" {
  subject = "person",
  name    = { vi = "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
              en = "Ministerial or Provincial Emulation Fighter" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 22",
  params  = {
    -- one sáng kiến / đề tài / mưu trí with ministry or province scope
    -- (Điều 22, khoản 2) [P]; the 03 CSTĐCS are the set-wide
    -- cstd_tinh_cstd_cs_times
    initiatives = 1,
  },

  criterion "not_under_review" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
    status = "V",
    vi = "Không trong thời gian đang bị xem xét kỷ luật, điều tra, thanh tra, "
      .. "kiểm tra hoặc có khiếu nại, tố cáo đang được xác minh",
    en = "No disciplinary review, investigation, inspection or complaint "
      .. "pending",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  },

  -- khoản 1: 03 consecutive CSTĐCS, the last of them the year itself.
  criterion "cstd_cs_before" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 22, khoản 1",
    status = "P",
    vi = "Đã được tặng danh hiệu Chiến sĩ thi đua cơ sở các năm liền trước "
      .. "năm đề nghị (cùng năm đề nghị là 03 lần liên tục; không tính khen "
      .. "thưởng theo chuyên đề, đột xuất)",
    en = "Grassroots Emulation Fighter titles in the years just before (with "
      .. "the year itself, three in a row; thematic and ad-hoc honours do "
      .. "not count)",
    check = function(s, n, p)
      local before = p.cstd_tinh_cstd_cs_times - 1
      return lib.honours(s, "cstd_cs", n.year - before, n.year - 1, before,
        PREREQ)
    end,
  },

  criterion "cstd_cs_this_year" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 22, khoản 1",
    status = "P",
    vi = "Đạt danh hiệu Chiến sĩ thi đua cơ sở năm đề nghị (lần cuối của 03 "
      .. "lần liên tục): đã được tặng, hoặc đạt tiêu chuẩn trong cùng đợt xét "
      .. "(không tính khen thưởng theo chuyên đề, đột xuất)",
    en = "Grassroots Emulation Fighter in the year itself (the last of the "
      .. "three): conferred, or meeting its standard in the same round "
      .. "(thematic and ad-hoc honours do not count)",
    check = function(s, n, p)
      return lib.holds_or_meets("cstd_cs", s, n, n.year, PREREQ.exclude_kinds)
    end,
  },

  criterion "after_previous_title" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 30, khoản 9",
    status = "V",
    vi = "Thành tích được tính sau thời gian đã được tặng danh hiệu Chiến sĩ "
      .. "thi đua cấp tỉnh lần trước",
    en = "The three years fall after the previous provincial title",
    check = function(s, n, p)
      return lib.after_previous(s, "cstd_tinh", n.year,
        p.cstd_tinh_cstd_cs_times, PREREQ)
    end,
  },

  criterion "after_discipline" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
    status = "V",
    vi = "Thành tích chỉ được tính từ khi hết thời hạn kỷ luật",
    en = "Achievements count only from the end of a disciplinary period",
    check = function(s, n, p)
      return after_discipline(s, n.year, p.cstd_tinh_cstd_cs_times)
    end,
  },

  criterion "outstanding" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 22, khoản 1",
    status = "P",
    vi = "Có thành tích xuất sắc tiêu biểu, được lựa chọn",
    en = "Selected for outstanding, exemplary achievements",
    check = function(s, n, p)
      return lib.fact_true(s, "outstanding", n.year)
    end,
  },

  criterion "province_initiative" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 22, khoản 2",
    status = "P",
    vi = "Có sáng kiến, đề tài, đề án, công trình khoa học và công nghệ hoặc "
      .. "mưu trí được áp dụng hiệu quả, có khả năng nhân rộng, phạm vi ảnh "
      .. "hưởng trong bộ, ban, ngành, tỉnh",
    en = "An initiative, research work or combat ingenuity applied "
      .. "effectively with ministry or province scope, in those years",
    check = function(s, n, p)
      local k = p.cstd_tinh_cstd_cs_times
      return lib.initiatives(s, n.year - k + 1, n.year, "province",
        p.initiatives,
        { kinds = { "initiative", "research", "combat" }, applied = true })
    end,
  },
}
