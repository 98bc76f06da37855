-- Tập thể lao động tiên tiến (tập thể), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 28: NOT READ. Domain expects it to
-- mirror Luật 2003 Điều 28 (B-TTTT-1..5, all [U]):
--   hoàn thành tốt nhiệm vụ (và kế hoạch) được giao;
--   tích cực tham gia phong trào thi đua thường xuyên, thiết thực, hiệu quả;
--   more than 50% of members Lao động tiên tiến;
--   "possibly" no member disciplined at cảnh cáo or above;
--   nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật
--   (A-TTTT-5; §2.5 lists "nội bộ đoàn kết" for B and expects B to mirror
--   A: both parts are encoded, as two attested facts, internal_unity and
--   compliance, the way ttldxs encodes Điều 27 điểm đ [V]).
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
      return lib.unit_rated(s, n.year, "good")
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
      return lib.member_share(s, n.year, c, unsure, tr("LĐTT", "are Advanced Workers"), p.ldtt_pct, true, SUB)
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
    vi = "Nội bộ đoàn kết",
    en = "Internal unity",
    check = function(s, n, p)
      return lib.fact_true(s, "internal_unity", n.year)
    end,
  },

  criterion "compliance" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 28",
    status = "U",
    vi = "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà "
      .. "nước",
    en = "Complies well with Party policy and State law",
    check = function(s, n, p)
      return lib.fact_true(s, "compliance", n.year)
    end,
  },
}
