-- Tập thể lao động tiên tiến (tập thể), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 28: NOT READ. Domain expects it to
-- mirror Luật 2003 Điều 28 (B-TTTT-1..5, all [U]):
--   hoàn thành tốt nhiệm vụ (và kế hoạch) được giao;
--   tích cực tham gia phong trào thi đua thường xuyên, thiết thực, hiệu quả;
--   more than 50% of members Lao động tiên tiến;
--   "possibly" no member disciplined at cảnh cáo or above;
--   nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật.
-- Khoản 3: ministries and provinces detail the standard [V-en].
-- Every criterion below is encoded on that best reading and carries [U];
-- the point letters of Điều 28 are not cited because they were not read.
-- The member-discipline point in particular may not exist in the 2022 Law
-- (it was removed from Điều 27 for TTLĐXS: case D15); check it first.
--
-- Members are counted with the units below (a department's teams).
-- A member counts as LĐTT when holding the title for the year or meeting
-- this rule set's ldtt form (s:members_meeting).

local SUB = { subunits = true }

-- The collective's own rating; a collective without a recorded rating is
-- for a person to judge (A-TTTT-1: "else attestation").
local function rated(s, y, level)
  if s:rating(y) == nil then
    return unknown(string.format(tr("tập thể chưa có xếp loại năm %d",
      "no rating recorded for %d"), y))
  end
  return lib.consecutive(s, level, y, 1)
end

-- `count` members out of the year's members against pct% ("more than"
-- when strict); `unsure` more members may count once a person decides
-- (members_meeting's third answer), so the share is unknown when only they
-- could reach it. (API gap: a lib helper for member shares.)
local function share(s, y, count, unsure, what, pct, strict)
  local total = s:members(y, SUB)
  if total == 0 then
    return unknown(string.format(tr("chưa có danh sách cá nhân năm %d",
      "no members recorded for %d"), y))
  end
  local function reaches(c)
    if strict then return c * 100 > pct * total end
    return c * 100 >= pct * total
  end
  local d = string.format(tr("%d/%d cá nhân %s (cần %s %d%%)",
    "%d of %d members %s (needs %s %d%%)"), count, total, what,
    strict and tr("trên", "more than") or tr("ít nhất", "at least"), pct)
  if reaches(count) then return pass(d) end
  if unsure > 0 and reaches(count + unsure) then
    return unknown(d .. string.format(tr("; %d cá nhân chưa xác định",
      "; %d member(s) undecided"), unsure))
  end
  return fail(d)
end

form "ttldtt" {
  subject = "unit",
  name    = { vi = "Tập thể lao động tiên tiến", en = "Advanced Labour Collective" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 28",
  params  = {
    -- more than 50% of members LĐTT (Điều 28, expected as Luật 2003) [U]
    ldtt_pct = 50,
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

  criterion "task_good" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 28",
    status = "U",
    vi = "Hoàn thành tốt nhiệm vụ và kế hoạch được giao",
    en = "The collective completed its tasks well",
    check = function(s, n, p)
      return rated(s, n.year, "good")
    end,
  },

  criterion "emulation_movement" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 28",
    status = "U",
    vi = "Có phong trào thi đua thường xuyên, thiết thực, có hiệu quả",
    en = "Regular, practical and effective emulation movements",
    check = function(s, n, p)
      return lib.fact_true(s, "emulation_movement", n.year)
    end,
  },

  criterion "ldtt_majority" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 28",
    status = "U",
    vi = "Có trên 50% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến",
    en = "More than 50% of members are Advanced Workers",
    check = function(s, n, p)
      local c, _, unsure = s:members_meeting("ldtt", n.year, SUB)
      return share(s, n.year, c, unsure, "LĐTT", p.ldtt_pct, true)
    end,
  },

  criterion "no_member_warning" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 28",
    status = "U",
    vi = "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
    en = "No member disciplined with a warning or worse in the year",
    check = function(s, n, p)
      local c = s:members_disciplined("warning", n.year, SUB)
      local d = string.format(tr("%d cá nhân bị kỷ luật từ cảnh cáo trở lên "
        .. "năm %d", "%d member(s) with a warning or worse in %d"), c, n.year)
      if c > 0 then return fail(d) end
      return pass(d)
    end,
  },

  criterion "internal_unity" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 28",
    status = "U",
    vi = "Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách của Đảng, "
      .. "pháp luật của Nhà nước",
    en = "Internal unity and compliance with policy and law",
    check = function(s, n, p)
      return lib.fact_true(s, "internal_unity", n.year)
    end,
  },
}
