-- Tập thể lao động xuất sắc (tập thể), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1 [V]:
--   a) "Hoàn thành xuất sắc nhiệm vụ được giao";
--   b) "Tích cực tham gia phong trào thi đua thường xuyên, thiết thực, hiệu
--      quả";
--   c) 100% of members "hoàn thành nhiệm vụ được giao", at least 70% of
--      members Lao động tiên tiến;
--   d) at least one member Chiến sĩ thi đua cơ sở;
--   đ) "Nội bộ đoàn kết, gương mẫu chấp hành tốt chủ trương, chính sách của
--      Đảng, pháp luật của Nhà nước".
-- Khoản 2 (Đơn vị quyết thắng, armed forces) has its own code; khoản 3
-- (ministries and provinces detail the standard) [V-en].
--
-- Deliberately absent: the Luật 2003 point "no member disciplined at cảnh
-- cáo or above" is not in Điều 27 khoản 1 of the 2022 Law [V, by its
-- absence from the quoted a–đ] (case D15); a province may re-add it.
-- Not encoded: "selected among TTLĐTT" (A-TTXS-7) is a sector rule only.
--
-- Members are counted with the units below. A member counts as LĐTT or
-- CSTĐCS when holding the title for the year or meeting this rule set's
-- form for it (s:members_meeting), so one annual round judges both.

local SUB = { subunits = true }

form "ttldxs" {
  subject = "unit",
  name    = { vi = "Tập thể lao động xuất sắc", en = "Excellent Labour Collective" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 27",
  params  = {
    -- khoản 1 điểm c [V]: 100% of members complete, at least 70% LĐTT
    complete_pct = 100,
    ldtt_pct = 70,
    -- khoản 1 điểm d [V]: at least one member CSTĐCS
    cstd_cs_members = 1,
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

  criterion "task_excellent" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm a",
    status = "V",
    vi = "Hoàn thành xuất sắc nhiệm vụ được giao",
    en = "The collective completed its tasks excellently",
    check = function(s, n, p)
      return lib.unit_rated(s, n.year, "excellent")
    end,
  },

  criterion "emulation_movement" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm b",
    status = "V",
    vi = "Tích cực tham gia phong trào thi đua thường xuyên, thiết thực, "
      .. "hiệu quả",
    en = "Active in regular, practical and effective emulation movements",
    check = function(s, n, p)
      return lib.fact_true(s, "emulation_movement", n.year)
    end,
  },

  criterion "all_members_complete" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm c",
    status = "V",
    vi = "100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao",
    en = "Every member completed their tasks",
    check = function(s, n, p)
      local c = s:members_rated("complete", n.year, SUB)
      return lib.member_share(s, n.year, c, 0, tr("hoàn thành nhiệm vụ trở lên",
        "rated complete or better"), p.complete_pct, false, SUB)
    end,
  },

  criterion "ldtt_share" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm c",
    status = "V",
    vi = "Có ít nhất 70% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến",
    en = "At least 70% of members are Advanced Workers",
    check = function(s, n, p)
      local c, _, unsure = s:members_meeting("ldtt", n.year, SUB)
      return lib.member_share(s, n.year, c, unsure, tr("LĐTT", "are Advanced Workers"), p.ldtt_pct, false,
        SUB)
    end,
  },

  criterion "member_cstd_cs" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm d",
    status = "V",
    vi = "Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở",
    en = "At least one member is a Grassroots Emulation Fighter",
    check = function(s, n, p)
      return lib.members_at_least(s, "cstd_cs", n.year, p.cstd_cs_members,
        tr("CSTĐCS", "are Grassroots Emulation Fighters"), SUB)
    end,
  },

  criterion "internal_unity" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm đ",
    status = "V",
    vi = "Nội bộ đoàn kết",
    en = "Internal unity",
    check = function(s, n, p)
      return lib.fact_true(s, "internal_unity", n.year)
    end,
  },

  criterion "compliance" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1, điểm đ",
    status = "V",
    vi = "Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật "
      .. "của Nhà nước",
    en = "Exemplary compliance with Party policy and State law",
    check = function(s, n, p)
      return lib.fact_true(s, "compliance", n.year)
    end,
  },
}
