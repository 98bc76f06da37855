-- Chiến sĩ thi đua toàn quốc (cá nhân), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 21 (content read in press summaries
-- and a lawnet page: P):
--   khoản 1: "thành tích tiêu biểu xuất sắc", selected among those with 02
--            consecutive Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh titles [P];
--   khoản 2: and one of: a sáng kiến "đã được áp dụng hiệu quả và có khả
--            năng nhân rộng trong toàn quốc"; a đề tài … "có phạm vi ảnh
--            hưởng trong toàn quốc"; mưu trí with national scope [P];
--            recognised by the head of the ministry or province (clause U).
-- NĐ 98/2023/NĐ-CP, Điều 4 [V] (pending review; thematic and ad-hoc honours
-- are no basis; recount after discipline) and Điều 30, khoản 9 [V] (a next
-- award counts after the previous one's period).
--
-- Readings to check against the text:
--   - "02 lần liên tục": each CSTĐ tỉnh spans 03 CSTĐCS years, so the two
--     titles are taken as those of the nomination year and of three years
--     before (back-to-back periods), i.e. a six-year run ending at the year.
--   - The sáng kiến / đề tài is taken from those six years.
--   - Timing under NĐ 98 (B-CSTQ-4) was not found [U]: not encoded.
-- Not encoded: at most one State award a year, which regime A encodes
-- (TT 08/2017, [P]); no such rule was read for NĐ 98 (national-criteria.md
-- §4.1: [U]).

local PREREQ = { exclude_kinds = { "thematic", "ad_hoc" } }  -- NĐ 98 Điều 4

-- NĐ 98 Điều 4: a window of `years` years ending at y may not reach back
-- before the end of a disciplinary period.
local after_discipline = lib.window_after_discipline -- shared rule (prelude)

-- `times` titles of `code`, each spanning `span` years, back to back and
-- the last one for year y. (API gap: lib.honours counts, it cannot say
-- "consecutive" for titles conferred every few years.)
local function consecutive_titles(s, code, y, times, span)
  local found = {}
  for i = 0, times - 1 do
    local yy = y - i * span
    local c = s:honours{ code = code, from = yy, to = yy,
                         exclude_kinds = PREREQ.exclude_kinds }
    if c < 1 then
      return fail(string.format(tr("không có %s năm %d (%s)",
          "no %s for %d (%s)"), code, yy,
        table.concat(found, ", ")))
    end
    table.insert(found, 1, code .. " " .. yy)
  end
  return pass(table.concat(found, ", "))
end

form "cstd_tq" {
  subject = "person",
  name    = { vi = "Chiến sĩ thi đua toàn quốc", en = "National Emulation Fighter" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 21",
  params  = {
    -- 02 consecutive CSTĐ tỉnh titles (Điều 21, khoản 1) [P]
    cstd_tinh_times = 2,
    -- one sáng kiến / đề tài / mưu trí of national scope (khoản 2) [P]
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

  criterion "two_cstd_tinh" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 21, khoản 1",
    status = "P",
    vi = "Có 02 lần liên tục được tặng danh hiệu Chiến sĩ thi đua cấp bộ, ban, "
      .. "ngành, tỉnh",
    en = "Two consecutive ministerial or provincial Emulation Fighter titles, "
      .. "the second for the year",
    check = function(s, n, p)
      return consecutive_titles(s, "cstd_tinh", n.year, p.cstd_tinh_times,
        p.cstd_tinh_cstd_cs_times)
    end,
  },

  criterion "after_previous_title" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 30, khoản 9",
    status = "V",
    vi = "Thành tích được tính sau thời gian đã được tặng danh hiệu Chiến sĩ "
      .. "thi đua toàn quốc lần trước",
    en = "The run falls after any previous National Emulation Fighter title",
    check = function(s, n, p)
      return lib.after_previous(s, "cstd_tq", n.year,
        p.cstd_tinh_times * p.cstd_tinh_cstd_cs_times, PREREQ)
    end,
  },

  criterion "after_discipline" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
    status = "V",
    vi = "Thành tích chỉ được tính từ khi hết thời hạn kỷ luật",
    en = "Achievements count only from the end of a disciplinary period",
    check = function(s, n, p)
      return after_discipline(s, n.year,
        p.cstd_tinh_times * p.cstd_tinh_cstd_cs_times)
    end,
  },

  criterion "outstanding" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 21, khoản 1",
    status = "P",
    vi = "Có thành tích tiêu biểu xuất sắc, được lựa chọn",
    en = "Selected for outstanding, exemplary achievements",
    check = function(s, n, p)
      return lib.fact_true(s, "outstanding", n.year)
    end,
  },

  criterion "national_initiative" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 21, khoản 2",
    status = "P",
    vi = "Có sáng kiến, đề tài, đề án, công trình khoa học và công nghệ hoặc "
      .. "mưu trí được áp dụng hiệu quả, có khả năng nhân rộng, phạm vi ảnh "
      .. "hưởng trong toàn quốc",
    en = "An initiative, research work or combat ingenuity applied "
      .. "effectively with national scope, in those years",
    check = function(s, n, p)
      local years = p.cstd_tinh_times * p.cstd_tinh_cstd_cs_times
      return lib.initiatives(s, n.year - years + 1, n.year, "national",
        p.initiatives,
        { kinds = { "initiative", "research", "combat" }, applied = true })
    end,
  },
}
