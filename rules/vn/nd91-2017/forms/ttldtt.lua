-- Tập thể lao động tiên tiến (collective, yearly title).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 28 khoản 1 điểm a–d [V]
-- (national-criteria.md §2.5 A-TTTT-1..5; kontum-notes.md §2.1 TTLDTT-1..5).
--
-- Members are counted over the collective and the units below it. Where the
-- collective has no appraisal of its own, "hoàn thành tốt nhiệm vụ" is left
-- to a person (unknown), as the domain says it then needs an attestation.
--
-- Not encoded: khoản 2 (armed forces: Đơn vị tiên tiến, out of scope).

local ALL = { subunits = true }

form "ttldtt" {
  subject = "unit",
  name    = { vi = "Tập thể lao động tiên tiến", en = "Advanced Labour Collective" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 28",
  -- ldtt_share_pct: "trên 50%" (strictly more), Luật Điều 28 khoản 1 điểm c.
  params  = { ldtt_share_pct = 50 },

  criterion "good_rating" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 28, khoản 1, điểm a",
    status = "V",
    vi = "Hoàn thành tốt nhiệm vụ và kế hoạch được giao",
    en = "Completed assigned tasks and plans well",
    check = function(s, n, p)
      return lib.unit_rated(s, n.year, "good")
    end,
  },

  criterion "emulation_movement" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 28, khoản 1, điểm b",
    status = "V",
    vi = "Có phong trào thi đua thường xuyên, thiết thực, có hiệu quả",
    en = "Regular, practical and effective emulation movement",
    check = function(s, n, p)
      return lib.fact_true(s, "emulation_movement", n.year)
    end,
  },

  criterion "ldtt_majority" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 28, khoản 1, điểm c",
    status = "V",
    vi = "Có trên 50% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến",
    en = "More than 50% of members are Advanced Workers",
    check = function(s, n, p)
      -- members whose LĐTT awaits an attested fact may still count: then
      -- a person decides (lib.member_share)
      local c, _, unsure = s:members_meeting("ldtt", n.year, ALL)
      return lib.member_share(s, n.year, c, unsure, tr("LĐTT", "are Advanced Workers"), p.ldtt_share_pct,
        true, ALL)
    end,
  },

  criterion "no_member_warning" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 28, khoản 1, điểm c",
    status = "V",
    vi = "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
    en = "No member disciplined at warning level or above",
    check = function(s, n, p)
      return lib.no_member_disciplined(s, n.year, p.collective_discipline_level, ALL)
    end,
  },

  criterion "internal_unity" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 28, khoản 1, điểm d",
    status = "V",
    vi = "Nội bộ đoàn kết",
    en = "Internal solidarity",
    check = function(s, n, p)
      return lib.fact_true(s, "internal_unity", n.year)
    end,
  },

  criterion "compliance" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 28, khoản 1, điểm d",
    status = "V",
    vi = "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
    en = "Complies well with Party policy and State law",
    check = function(s, n, p)
      return lib.fact_true(s, "compliance", n.year)
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
